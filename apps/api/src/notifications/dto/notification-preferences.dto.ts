import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { say } from '@qj/http';

/** Which e-mail to receive; a field left out is left as it is. */
export class NotificationPreferencesDto {
  /** Overdue, escalation, supervision (督办) and stale-project alerts. */
  @ApiPropertyOptional({ description: 'overdue, escalation, 督办 and stale-project alerts' })
  @IsOptional()
  @IsBoolean(say('alert 必须是 true 或 false', 'alert must be true or false'))
  alert?: boolean;

  /** Requests filed, decided or withdrawn, and milestones marked 不适用 (审批通知). */
  @ApiPropertyOptional({ description: 'requests filed, decided or withdrawn; milestones marked 不适用 (审批通知)' })
  @IsOptional()
  @IsBoolean(say('workflow 必须是 true 或 false', 'workflow must be true or false'))
  workflow?: boolean;

  /** The weekly digest (周报). */
  @ApiPropertyOptional({ description: 'the weekly digest (周报)' })
  @IsOptional()
  @IsBoolean(say('digest 必须是 true 或 false', 'digest must be true or false'))
  digest?: boolean;

  /** The monthly 调度: 月报 reminders and late notices, returned reports, adjusted annual plans (月报提醒). */
  @ApiPropertyOptional({ description: 'the monthly 调度: 月报 reminders and late notices, returned reports, adjusted annual plans (月报提醒)' })
  @IsOptional()
  @IsBoolean(say('report 必须是 true 或 false', 'report must be true or false'))
  report?: boolean;
}
