import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import Redis from 'ioredis';

/** One shared ioredis connection for the application's own keys (not BullMQ's, which manages its own). */
@Injectable()
export class RedisClient extends Redis implements OnModuleDestroy {
  constructor(@Inject(ConfigService) config: ConfigService<Env, true>) {
    super(config.get('REDIS_URL', { infer: true }), { lazyConnect: false, maxRetriesPerRequest: 3 });
    this.on('error', () => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    // QUIT would wait for a Redis that is down; a closed connection needs no goodbye.
    if (this.status === 'ready') await this.quit().catch(() => this.disconnect());
    else this.disconnect();
  }
}
