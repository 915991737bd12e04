import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

/** Which e-mail to receive; a field left out is left as it is. */
export class NotificationPreferencesDto {
  /** Overdue, escalation, supervision (督办) and stale-project alerts. */
  @ApiPropertyOptional({ description: 'overdue, escalation, 督办 and stale-project alerts' })
  @IsOptional()
  @IsBoolean({ message: 'alert 必须是 true 或 false' })
  alert?: boolean;

  /** Requests filed, decided or withdrawn, and milestones marked 不适用 (审批通知). */
  @ApiPropertyOptional({ description: 'requests filed, decided or withdrawn; milestones marked 不适用 (审批通知)' })
  @IsOptional()
  @IsBoolean({ message: 'workflow 必须是 true 或 false' })
  workflow?: boolean;

  /** The weekly digest (周报). */
  @ApiPropertyOptional({ description: 'the weekly digest (周报)' })
  @IsOptional()
  @IsBoolean({ message: 'digest 必须是 true 或 false' })
  digest?: boolean;
}
