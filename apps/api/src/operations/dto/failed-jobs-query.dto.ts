import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { say } from '@qj/http';
import type { QueueName } from '@qj/queue';
import { QUEUE_NAMES } from '../operated-queues';

export const QUEUE_NAME_MESSAGE = { zh: `queue 必须是 ${QUEUE_NAMES.join('、')} 之一`, en: `queue must be one of: ${QUEUE_NAMES.join(', ')}` };

export class FailedJobsQueryDto {
  @ApiPropertyOptional({ enum: QUEUE_NAMES, enumName: 'QueueName', description: 'one queue; all when absent' })
  @IsOptional()
  @IsIn(QUEUE_NAMES, say(QUEUE_NAME_MESSAGE))
  queue?: QueueName;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt(say('page 必须是整数', 'page must be an integer'))
  @Min(1, say('page 不能小于 1', 'page may not be less than 1'))
  @Max(1_000_000, say('page 不能大于 1000000', 'page may not be greater than 1000000'))
  page?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt(say('pageSize 必须是整数', 'pageSize must be an integer'))
  @Min(1, say('pageSize 不能小于 1', 'pageSize may not be less than 1'))
  @Max(100, say('pageSize 不能大于 100', 'pageSize may not be greater than 100'))
  pageSize?: number;
}
