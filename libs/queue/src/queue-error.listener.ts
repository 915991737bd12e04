import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { QUEUES } from './jobs';

const REPORT_EVERY_MS = 30_000;

/**
 * A queue with no 'error' listener prints every failed reconnect to stderr. While Redis is away that is
 * one line per retry; report it to the log instead, at most once per queue every 30 seconds.
 */
@Injectable()
export class QueueErrorListener implements OnModuleInit {
  private readonly logger = new Logger('Queues');

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of Object.values(QUEUES)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      let lastReport = 0;
      queue.on('error', (error: Error) => {
        if (Date.now() - lastReport < REPORT_EVERY_MS) return;
        lastReport = Date.now();
        this.logger.warn({ queue: name, err: error }, `queue ${name}: ${error.message}`);
      });
    }
  }
}
