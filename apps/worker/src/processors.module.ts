import { Module } from '@nestjs/common';
import { JobName, QueueModule, QueueName } from '@qj/queue';
import { DomainEventsProcessor } from './events/domain-events.processor';
import { HeartbeatProcessor } from './heartbeat.processor';
import { OutboxRelayProcessor } from './outbox/outbox-relay.processor';
import { RollupsProcessor } from './rollups/rollups.processor';

/** Every BullMQ processor. The worker application runs them; `npm start` runs them inside the API process. */
@Module({
  imports: [QueueModule],
  providers: [HeartbeatProcessor, OutboxRelayProcessor, DomainEventsProcessor, RollupsProcessor],
})
export class ProcessorsModule {}

/** Which processor handles which job: checked against the job catalogue by a unit test. */
export const PROCESSORS: Array<{ queue: QueueName; handles: readonly JobName[] }> = [HeartbeatProcessor, OutboxRelayProcessor, DomainEventsProcessor, RollupsProcessor];
