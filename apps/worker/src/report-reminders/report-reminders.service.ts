import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock, type Env } from '@qj/config';
import { reportDueOn, reportNoticesDue } from '@qj/domain';
import {
  AlertRecipient,
  AlertRepository,
  MailOutboxRepository,
  NewMail,
  NewNotification,
  NotificationPreferenceRepository,
  NotificationRepository,
  RaisedReportReminder,
  ReportReminderLevel,
  ReportReminderRepository,
} from '@qj/persistence';
import { MailRows } from '../mail/mail-rows';
import { ReportMessage, reportMail, reviewersLate, unitLate, unitReminder } from './report-messages';

export interface ReportScanResult {
  reminders: number;
  late: number;
  notifications: number;
  mails: number;
}

/** One message to a set of people about the projects raised now. */
interface ReportNotice {
  dedupeKey: string;
  level: ReportReminderLevel;
  recipients: AlertRecipient[];
  message: ReportMessage;
  projects: RaisedReportReminder[];
}

/**
 * The monthly-report scan (月报催报). From three days before the due day (REPORT_DUE_DAY of the next month) to the due
 * day, each unit's owners get one reminder listing their projects not yet reported; from the day after, one late
 * notice listing those still not reported, and the reviewers one summary of every unit's. One message per unit
 * rather than per project: an owner fills the month's reports of the whole unit in one grid (or one Excel), and a
 * unit with twenty projects should get one mail, not twenty. Each (project, month, level) is raised once
 * (`report_reminder`'s unique key); the notifications and mail rows for what was raised now are written in the same
 * transaction, keyed by the first row raised, so a scan run twice or retried notifies once, and a project that
 * becomes due later (a plan issued after the reminder) is told in a message of its own.
 */
@Injectable()
export class ReportRemindersService {
  constructor(
    private readonly reminders: ReportReminderRepository,
    private readonly people: AlertRepository,
    private readonly notifications: NotificationRepository,
    private readonly preferences: NotificationPreferenceRepository,
    private readonly outbox: MailOutboxRepository,
    private readonly mail: MailRows,
    private readonly config: ConfigService<Env, true>,
    private readonly clock: Clock,
  ) {}

  /** The scan as of `today` (the Clock's day by default). */
  async scan(options: { today?: string } = {}): Promise<ReportScanResult> {
    const today = options.today ?? this.clock.today();
    const dueDay = this.config.get('REPORT_DUE_DAY', { infer: true });
    const due = reportNoticesDue(today, dueDay);
    const { result, mailIds } = await this.reminders.transaction(async (manager) => {
      const reminded = due.reminder ? await this.reminders.raise(manager, due.reminder, 'reminder') : [];
      const late = due.late ? await this.reminders.raise(manager, due.late, 'late') : [];
      const raised = [...reminded, ...late];
      if (!raised.length) return { result: { reminders: 0, late: 0, notifications: 0, mails: 0 }, mailIds: [] as string[] };

      const owners = await this.people.unitOwners(manager, [...new Set(raised.map((row) => row.unitId))]);
      const notices: ReportNotice[] = [];
      for (const [level, rows] of [
        ['reminder', reminded],
        ['late', late],
      ] as const) {
        for (const projects of byUnit(rows)) {
          const { unitId, unitName, month } = projects[0];
          const dueOn = reportDueOn(month, dueDay);
          notices.push({
            dedupeKey: `report-${level}-${month}-${unitId}-${projects[0].id}`,
            level,
            recipients: owners.filter((user) => user.unitId === unitId),
            message: level === 'reminder' ? unitReminder(unitName, month, dueOn, projects) : unitLate(unitName, month, dueOn, projects),
            projects,
          });
        }
      }
      if (late.length) {
        notices.push({
          dedupeKey: `report-late-${late[0].month}-reviewers-${late[0].id}`,
          level: 'late',
          recipients: await this.people.reviewers(manager),
          message: reviewersLate(late[0].month, reportDueOn(late[0].month, dueDay), late),
          projects: late,
        });
      }

      const optedOut = await this.preferences.optedOut(
        manager,
        notices.flatMap((notice) => notice.recipients.map((user) => user.id)),
        'report',
      );
      const rows: NewNotification[] = [];
      const mails: NewMail[] = [];
      for (const notice of notices) {
        for (const user of notice.recipients) {
          rows.push({
            userId: user.id,
            kind: 'report',
            level: notice.level,
            title: notice.message.title,
            body: notice.message.body,
            projectId: notice.projects.length === 1 ? notice.projects[0].projectId : null,
            milestoneId: null,
            alertId: null,
            dedupeKey: notice.dedupeKey,
            link: notice.projects.length === 1 ? null : '/projects',
          });
          if (!optedOut.has(user.id)) mails.push(this.mailFor(notice, user));
        }
      }
      await this.notifications.insertMany(manager, rows);
      const mailIds = await this.outbox.enqueue(manager, mails);
      return { result: { reminders: reminded.length, late: late.length, notifications: rows.length, mails: mails.length }, mailIds };
    });
    await this.mail.send(mailIds);
    return result;
  }

  private mailFor(notice: ReportNotice, user: AlertRecipient): NewMail {
    const { html, text } = reportMail(notice.message, notice.projects, this.mail.publicUrl, this.mail.unsubscribeUrl(user.id, 'report'));
    return this.mail.forUser(user, { kind: 'report', dedupeKey: `${notice.dedupeKey}-${user.id}`, subject: notice.message.title, html, text });
  }
}

/** Rows grouped by unit, in the order they came (by unit name, then plan order). */
function byUnit(rows: readonly RaisedReportReminder[]): RaisedReportReminder[][] {
  const units = new Map<string, RaisedReportReminder[]>();
  for (const row of rows) units.set(row.unitId, [...(units.get(row.unitId) ?? []), row]);
  return [...units.values()];
}
