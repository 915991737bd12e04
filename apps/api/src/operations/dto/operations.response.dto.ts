import { ApiProperty } from '@nestjs/swagger';
import { dateTime, int } from '../../catalog/dto/project.response.dto';
import { QUEUE_NAMES } from '../operated-queues';

const queueName = { enum: QUEUE_NAMES, enumName: 'QueueName' } as const;

/** A dead letter (失败任务): a job whose attempts are exhausted. */
export class FailedJobDto {
  @ApiProperty(queueName) queue: string;
  @ApiProperty() id: string;
  @ApiProperty({ example: 'digest.compose' }) name: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the job’s payload' }) data: Record<string, unknown>;
  @ApiProperty() failedReason: string;
  @ApiProperty(int) attemptsMade: number;
  @ApiProperty({ ...int, description: 'attempts the job was allowed' }) attempts: number;
  @ApiProperty(dateTime) createdAt: string;
  @ApiProperty({ ...dateTime, nullable: true }) processedAt: string | null;
  @ApiProperty({ ...dateTime, nullable: true }) failedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) stacktraceHead: string | null;
}

/** Failed jobs per queue: one integer property per queue of libs/queue, so a queue added there is listed here too. */
export class FailedJobCountsDto {
  [queue: string]: number;
}
for (const name of QUEUE_NAMES) ApiProperty({ type: 'integer' })(FailedJobCountsDto.prototype, name);

export class FailedJobsPageDto {
  @ApiProperty({ type: [FailedJobDto] }) items: FailedJobDto[];
  @ApiProperty(int) total: number;
  @ApiProperty(int) page: number;
  @ApiProperty(int) pageSize: number;
  @ApiProperty({ type: FailedJobCountsDto, description: 'failed jobs per queue, every queue named (0 when none)' }) counts: FailedJobCountsDto;
}

export class RetriedJobDto {
  @ApiProperty(queueName) queue: string;
  @ApiProperty() id: string;
  @ApiProperty({ example: 'waiting', description: 'the job’s state after the retry' }) state: string;
}

export class OperationsSettingsDto {
  @ApiProperty({ enum: ['smtp', 'eml'] }) mailTransport: string;
  @ApiProperty({ type: String, nullable: true, description: 'where .eml files go when SMTP_URL is unset' }) emlDirectory: string | null;
  @ApiProperty() queuePrefix: string;
}

export class QueueDashboardSessionDto {
  @ApiProperty({ example: '/admin/queues' }) url: string;
  @ApiProperty(dateTime) expiresAt: string;
}
