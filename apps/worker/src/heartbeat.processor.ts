import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { LoggedWorkerHost } from './logged-worker-host';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import { CataloguedQueue, ensureJobScheduler, heartbeatKey, JobHandlers, QUEUES, RedisClient } from '@qj/queue';

const HEARTBEAT_EVERY_MS = 60_000;

/**
 * Records that some worker is consuming jobs. The schedule is a BullMQ job scheduler, so any number of
 * workers registering it at start-up still fire it once per period.
 */
@Processor(QUEUES.maintenance)
@Injectable()
export class HeartbeatProcessor extends LoggedWorkerHost<'maintenance'> implements OnApplicationBootstrap {
  static readonly queue = QUEUES.maintenance;
  readonly handlers: JobHandlers<'maintenance'> = { 'worker.heartbeat': () => this.beat() };

  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly queue: CataloguedQueue<'maintenance'>,
    private readonly config: ConfigService<Env, true>,
    private readonly redis: RedisClient,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureJobScheduler(this.queue, 'worker.heartbeat', { every: HEARTBEAT_EVERY_MS });
  }

  private async beat(): Promise<void> {
    await this.redis.set(heartbeatKey(this.config.get('QUEUE_PREFIX', { infer: true })), new Date().toISOString());
    this.logger.debug('heartbeat');
  }
}
