import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import { DEFAULT_JOB_OPTIONS, QUEUES } from './jobs';
import { QueueErrorListener } from './queue-error.listener';
import { RedisClient } from './redis-client';
import { redisConnection } from './redis-connection';

const queues = Object.values(QUEUES).map((name) => BullModule.registerQueue({ name }));

/** BullMQ on the configured Redis, with the environment's key prefix and the shared retry defaults. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) => ({
        connection: redisConnection(config.get('REDIS_URL', { infer: true })),
        prefix: config.get('QUEUE_PREFIX', { infer: true }),
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    ...queues,
  ],
  providers: [RedisClient, QueueErrorListener],
  exports: [...queues, RedisClient],
})
export class QueueModule {}
