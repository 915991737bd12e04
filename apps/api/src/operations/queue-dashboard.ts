import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import type { QueueAdapterOptions } from '@bull-board/api/typings/app';
import { ExpressAdapter } from '@bull-board/express';
import type { BullBoardModuleOptions, BullBoardQueueOptions } from '@bull-board/nestjs';
import type { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import type { Queue } from 'bullmq';
import { QUEUE_NAMES } from './operated-queues';
import { QUEUE_DASHBOARD_PATH, QueueDashboardAccess } from './queue-dashboard-access';

/** bull-board at /admin/queues behind the admin-only guard, in Chinese; its title names the queue prefix, so operators know which environment they see. */
export function queueDashboardOptions(config: ConfigService<Env, true>, access: QueueDashboardAccess): BullBoardModuleOptions {
  const prefix = config.get('QUEUE_PREFIX', { infer: true });
  return {
    // Served at this very path because bootstrap.ts excludes it from the global prefix `api`.
    route: QUEUE_DASHBOARD_PATH,
    // @bull-board/express 9.10.1 declares its own copy of @bull-board/api's types (9.10.2 here): same shape, distinct declarations.
    adapter: ExpressAdapter as unknown as BullBoardModuleOptions['adapter'],
    middleware: access.middleware(),
    boardOptions: {
      uiConfig: {
        boardTitle: `队列看板 · ${prefix}`,
        locale: { lng: 'zh-CN' },
        miscLinks: [{ text: '返回运维页', url: '/operations' }],
      },
    },
  };
}

/** A queue described by its Redis key prefix (`<QUEUE_PREFIX>:<name>`), which forFeature's static options cannot know. */
class QualifiedQueueAdapter extends BullMQAdapter {
  constructor(queue: Queue, options?: Partial<QueueAdapterOptions>) {
    super(queue, { ...options, description: queue.qualifiedName });
  }
}

/** Every queue of jobs.ts, resolved by bull-board from the queues QueueModule registers with @nestjs/bullmq. */
export const DASHBOARD_QUEUES: BullBoardQueueOptions[] = QUEUE_NAMES.map((name) => ({ name, adapter: QualifiedQueueAdapter }));
