import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock, type Env } from '@qj/config';
import {
  AlertRecipient,
  AlertRepository,
  MailOutboxRepository,
  NewMail,
  NewNotification,
  NotificationPreferenceRepository,
  NotificationRepository,
  RaisedAlert,
} from '@qj/persistence';
import { MailRows } from '../mail/mail-rows';
import { alertMail, alertMessage } from './alert-messages';

export interface ScanResult {
  alerts: number;
  notifications: number;
  mails: number;
}

/**
 * Raises overdue and stale alerts and, for the alerts raised now, writes the in-app notifications and the
 * mail rows in the same transaction: what the unique alert key lets through once is notified once. Mail
 * jobs are enqueued after commit; if that fails, the mail sweeper sends them.
 */
@Injectable()
export class AlertsService {
  constructor(
    private readonly alerts: AlertRepository,
    private readonly notifications: NotificationRepository,
    private readonly preferences: NotificationPreferenceRepository,
    private readonly outbox: MailOutboxRepository,
    private readonly mail: MailRows,
    private readonly config: ConfigService<Env, true>,
    private readonly clock: Clock,
  ) {}

  /** Every project (the daily scan, stale projects included), or one project's milestones after a change. */
  async scan(options: { projectId?: string; today?: string } = {}): Promise<ScanResult> {
    const timeZone = this.clock.timeZone;
    const today = options.today ?? this.clock.today();
    const { result, mailIds } = await this.alerts.transaction(async (manager) => {
      const raised = await this.alerts.raiseOverdue(manager, {
        today,
        escalateDays: this.config.get('ALERT_ESCALATE_DAYS', { infer: true }),
        superviseDays: this.config.get('ALERT_SUPERVISE_DAYS', { infer: true }),
        projectId: options.projectId,
      });
      if (!options.projectId) raised.push(...(await this.alerts.raiseStale(manager, { today, timeZone })));
      if (!raised.length) return { result: { alerts: 0, notifications: 0, mails: 0 }, mailIds: [] as string[] };

      const owners = await this.alerts.unitOwners(manager, [...new Set(raised.map((alert) => alert.unitId))]);
      const reviewers = raised.some((alert) => alert.level === 'escalated_14' || alert.level === 'supervision_30') ? await this.alerts.reviewers(manager) : [];
      // 督办 goes up to the district's leaders too.
      const leaders = raised.some((alert) => alert.level === 'supervision_30') ? await this.alerts.leaders(manager) : [];
      const optedOut = await this.preferences.optedOut(
        manager,
        [...owners, ...reviewers, ...leaders].map((user) => user.id),
        'alert',
      );

      const notifications: NewNotification[] = [];
      const mails: NewMail[] = [];
      for (const alert of raised) {
        const recipients =
          alert.level === 'overdue' || alert.level === 'stale'
            ? owners.filter((user) => user.unitId === alert.unitId)
            : alert.level === 'supervision_30'
              ? [...reviewers, ...leaders]
              : reviewers;
        const message = alertMessage(alert);
        for (const user of recipients) {
          notifications.push({
            userId: user.id,
            kind: 'alert',
            level: alert.level,
            title: message.title,
            body: message.body,
            projectId: alert.projectId,
            milestoneId: alert.milestoneId,
            alertId: alert.id,
          });
          if (!optedOut.has(user.id)) mails.push(this.mailFor(alert, user, message));
        }
      }
      await this.notifications.insertMany(manager, notifications);
      const mailIds = await this.outbox.enqueue(manager, mails);
      return { result: { alerts: raised.length, notifications: notifications.length, mails: mails.length }, mailIds };
    });
    await this.mail.send(mailIds);
    return result;
  }

  private mailFor(alert: RaisedAlert, user: AlertRecipient, message: { title: string; body: string }): NewMail {
    const { html, text } = alertMail(message, `${this.mail.publicUrl}/projects/${alert.projectId}`, this.mail.unsubscribeUrl(user.id, 'alert'));
    const kind = alert.level === 'stale' ? 'stale' : 'alert';
    return this.mail.forUser(user, { kind, dedupeKey: `alert-${alert.id}-${user.id}`, subject: message.title, html, text });
  }
}
