import { Module } from '@nestjs/common';
import { JobName, QueueModule, QueueName } from '@qj/queue';
import { HeartbeatProcessor } from './heartbeat.processor';

/** Every BullMQ processor. The worker application runs them; `npm start` runs them inside the API process. */
@Module({
  imports: [QueueModule],
  providers: [HeartbeatProcessor],
})
export class ProcessorsModule {}

/** Which processor handles which job: checked against the job catalogue by a unit test. */
export const PROCESSORS: Array<{ queue: QueueName; handles: readonly JobName[] }> = [HeartbeatProcessor];
