import { Module } from '@nestjs/common';
import { QueueDashboardAccess } from './queue-dashboard-access';

/** The dashboard's guard in a module of its own, so bull-board's root module can import it and OperationsModule share the one instance. */
@Module({
  providers: [QueueDashboardAccess],
  exports: [QueueDashboardAccess],
})
export class QueueDashboardAccessModule {}
