import { BullBoardModule } from '@bull-board/nestjs';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import { QueueModule } from '@qj/queue';
import type { Application } from 'express';
import { FailedJobsController } from './failed-jobs.controller';
import { FailedJobsService } from './failed-jobs.service';
import { MetricsService } from './metrics.service';
import { operatedQueuesProvider } from './operated-queues';
import { OperationsSettingsController } from './operations-settings.controller';
import { DASHBOARD_QUEUES, queueDashboardOptions } from './queue-dashboard';
import { QueueDashboardAccess } from './queue-dashboard-access';
import { QueueDashboardAccessModule } from './queue-dashboard-access.module';
import { QueueDashboardSessionController } from './queue-dashboard-session.controller';

/**
 * What operators watch: the queue dashboard (@bull-board/nestjs) at /admin/queues, Prometheus metrics at /metrics, and
 * the dead-letter view at /api/admin/jobs. Both the dashboard (Nest middleware, at a path bootstrap.ts excludes from the
 * global prefix) and /metrics (mounted on Express in configure()) are registered before Nest's routes and before
 * WebModule's console fallback, which would otherwise answer these paths with index.html.
 */
@Module({
  imports: [
    QueueModule,
    QueueDashboardAccessModule,
    BullBoardModule.forRootAsync({
      imports: [QueueDashboardAccessModule],
      inject: [ConfigService, QueueDashboardAccess],
      useFactory: queueDashboardOptions,
    }),
    BullBoardModule.forFeature(...DASHBOARD_QUEUES),
  ],
  controllers: [QueueDashboardSessionController, FailedJobsController, OperationsSettingsController],
  providers: [operatedQueuesProvider, MetricsService, FailedJobsService],
})
export class OperationsModule implements NestModule {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: MetricsService,
  ) {}

  configure(_consumer: MiddlewareConsumer): void {
    const app = this.adapterHost.httpAdapter?.getInstance<Application>();
    if (typeof app?.use !== 'function') return;
    app.get('/metrics', this.metrics.handler());
  }
}
