import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { MAIL_STATUSES, MailStatus } from '@qj/persistence';

export class NotificationListQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit 必须是整数' })
  @Min(1)
  @Max(200)
  limit?: number;

  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread 必须是 true 或 false' })
  unread?: boolean;
}

export class OutboxListQueryDto {
  @IsOptional()
  @IsIn(MAIL_STATUSES, { message: `status 必须是 ${MAIL_STATUSES.join('、')} 之一` })
  status?: MailStatus;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit 必须是整数' })
  @Min(1)
  @Max(500)
  limit?: number;
}
