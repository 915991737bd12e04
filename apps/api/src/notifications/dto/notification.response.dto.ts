import { ApiProperty } from '@nestjs/swagger';
import { ALERT_LEVELS, MAIL_STATUSES, NOTIFICATION_KINDS } from '@qj/persistence';
import { dateTime, int } from '../../catalog/dto/project.response.dto';

const notificationKind = { enum: NOTIFICATION_KINDS, enumName: 'NotificationKind' } as const;

/** An in-app notification (站内通知) of the signed-in user. */
export class NotificationDto {
  @ApiProperty({ description: 'a bigint, as a string' }) id: string;
  @ApiProperty(notificationKind) kind: string;
  @ApiProperty({ type: String, enum: ALERT_LEVELS, nullable: true, description: 'alerts only' }) level: string | null;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) projectId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) milestoneId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'where it opens in the console (a digest: /digests/<week>); else the project’s page' }) link:
    string | null;
  @ApiProperty({ ...dateTime, nullable: true }) readAt: string | null;
  @ApiProperty(dateTime) createdAt: string;
}

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ ...int, description: 'all my unread notifications, not only those listed' }) unread: number;
}

export class ReadAllResultDto {
  @ApiProperty({ ...int, description: 'notifications marked read now' }) updated: number;
  @ApiProperty({ ...int, enum: [0] }) unread: number;
}

/** Which e-mail the user receives, every kind named; in-app notifications always arrive. */
export class NotificationPreferencesViewDto {
  @ApiProperty({ description: 'overdue, escalation, 督办 and stale-project alerts' }) alert: boolean;
  @ApiProperty({ description: 'requests filed, decided or withdrawn; milestones marked 不适用 (审批通知)' }) workflow: boolean;
  @ApiProperty({ description: 'the weekly digest (周报)' }) digest: boolean;
  @ApiProperty({ description: 'the monthly 调度: 月报 reminders and late notices, returned reports, adjusted annual plans (月报提醒)' }) report: boolean;
}

/** One mail of the mail outbox (never its body). */
export class MailDto {
  @ApiProperty({ description: 'a bigint, as a string' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId: string | null;
  @ApiProperty({ type: String, nullable: true }) username: string | null;
  @ApiProperty({ type: String, nullable: true }) toAddress: string | null;
  @ApiProperty({ enum: ['alert', 'digest', 'stale', 'workflow', 'report'] }) kind: string;
  @ApiProperty({ description: 'what makes the mail unique (no mail is sent twice)' }) dedupeKey: string;
  @ApiProperty() subject: string;
  @ApiProperty({ enum: MAIL_STATUSES, enumName: 'MailStatus' }) status: string;
  @ApiProperty(int) attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty(dateTime) createdAt: string;
  @ApiProperty({ ...dateTime, nullable: true }) sentAt: string | null;
}

export class OutboxListDto {
  @ApiProperty({ type: [MailDto] }) items: MailDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'mails per status (statuses with none left out)',
    example: { sent: 12, pending: 1 },
  })
  counts: Record<string, number>;
}
