import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { QueueName } from '@qj/queue';
import { QUEUE_NAMES } from '../operated-queues';

export const QUEUE_NAME_MESSAGE = `queue 必须是 ${QUEUE_NAMES.join('、')} 之一`;

export class FailedJobsQueryDto {
  @ApiPropertyOptional({ enum: QUEUE_NAMES, enumName: 'QueueName', description: 'one queue; all when absent' })
  @IsOptional()
  @IsIn(QUEUE_NAMES, { message: QUEUE_NAME_MESSAGE })
  queue?: QueueName;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page 必须是整数' })
  @Min(1, { message: 'page 不能小于 1' })
  @Max(1_000_000, { message: 'page 不能大于 1000000' })
  page?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize 必须是整数' })
  @Min(1, { message: 'pageSize 不能小于 1' })
  @Max(100, { message: 'pageSize 不能大于 100' })
  pageSize?: number;
}
