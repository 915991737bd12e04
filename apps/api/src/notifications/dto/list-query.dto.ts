import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { say } from '@qj/http';
import { Transform } from 'class-transformer';
import { MAIL_STATUSES, MailStatus } from '@qj/persistence';

export class NotificationListQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt(say('limit 必须是整数', 'limit must be an integer'))
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'true: only the unread ones' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean(say('unread 必须是 true 或 false', 'unread must be true or false'))
  unread?: boolean;
}

export class OutboxListQueryDto {
  @ApiPropertyOptional({ enum: MAIL_STATUSES, enumName: 'MailStatus' })
  @IsOptional()
  @IsIn(MAIL_STATUSES, say(`status 必须是 ${MAIL_STATUSES.join('、')} 之一`, `status must be one of: ${MAIL_STATUSES.join(', ')}`))
  status?: MailStatus;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt(say('limit 必须是整数', 'limit must be an integer'))
  @Min(1)
  @Max(500)
  limit?: number;
}
