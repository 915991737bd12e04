import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { MAIL_STATUSES, MailStatus } from '@qj/persistence';

export class NotificationListQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit 必须是整数' })
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'true: only the unread ones' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread 必须是 true 或 false' })
  unread?: boolean;
}

export class OutboxListQueryDto {
  @ApiPropertyOptional({ enum: MAIL_STATUSES, enumName: 'MailStatus' })
  @IsOptional()
  @IsIn(MAIL_STATUSES, { message: `status 必须是 ${MAIL_STATUSES.join('、')} 之一` })
  status?: MailStatus;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit 必须是整数' })
  @Min(1)
  @Max(500)
  limit?: number;
}
