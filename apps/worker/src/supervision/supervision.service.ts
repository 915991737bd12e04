import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock, type Env } from '@qj/config';
import { addDays, problemEscalationLevels, SUPERVISION_REPLY_DAYS, supervisionNoticeNumber } from '@qj/domain';
import { noticeMail } from '@qj/mail';
import {
  MailOutboxRepository,
  NewMail,
  NotificationPreferenceRepository,
  NotificationRepository,
  OverdueProblem,
  SupervisionRepository,
} from '@qj/persistence';
import { MailRows, MailUser } from '../mail/mail-rows';
import { renderSupervisionNotice } from './supervision-document';
import { problemOverdue, supervisionIssued } from './supervision-messages';

export interface SupervisionScanResult {
  overdue: number;
  notices: number;
}

/**
 * 督办 of overdue problems (问题清单), run by the daily scan: the day after its due date a problem's unit and the
 * reviewers are told; SUPERVISION_AFTER_DAYS overdue, a numbered 督办单 (.docx) goes to the unit, the reviewers and the
 * leaders. Each level of each due date once: the escalation row (unique), the notice, its number, the notifications
 * and the mail rows are one transaction, so a second worker or a retry after a crash finds it done.
 */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly supervision: SupervisionRepository,
    private readonly notifications: NotificationRepository,
    private readonly preferences: NotificationPreferenceRepository,
    private readonly outbox: MailOutboxRepository,
    private readonly mail: MailRows,
    private readonly config: ConfigService<Env, true>,
    private readonly clock: Clock,
  ) {}

  async scan(): Promise<SupervisionScanResult> {
    const today = this.clock.today();
    const after = this.config.get('SUPERVISION_AFTER_DAYS', { infer: true });
    const result: SupervisionScanResult = { overdue: 0, notices: 0 };
    for (const problem of await this.supervision.overdueProblems(today)) {
      for (const level of problemEscalationLevels(problem.overdueDays, after)) {
        if (await this.escalate(problem, level, today)) result[level === 'overdue' ? 'overdue' : 'notices'] += 1;
      }
    }
    return result;
  }

  /** One level of one problem, in one transaction; false when it was done before. */
  private async escalate(problem: OverdueProblem, level: 'overdue' | 'supervision', today: string): Promise<boolean> {
    const mailIds = await this.supervision.transaction(async (manager) => {
      const escalationId = await this.supervision.raise(manager, problem, level);
      if (!escalationId) return undefined;
      const recipients = await this.supervision.recipients(manager, problem.unitId, level === 'supervision');
      let message = problemOverdue(problem);
      if (level === 'supervision') {
        const year = Number(today.slice(0, 4));
        const sequence = await this.supervision.nextNumber(manager, year);
        const number = supervisionNoticeNumber(year, sequence);
        const replyBy = addDays(today, SUPERVISION_REPLY_DAYS);
        const history = await this.supervision.history(manager, problem.problemId);
        const document = await renderSupervisionNotice({ number, problem, issuedOn: today, replyBy, history, timeZone: this.clock.timeZone });
        await this.supervision.insertNotice(manager, { escalationId, problemId: problem.problemId, unitId: problem.unitId, year, sequence, replyBy, document });
        message = supervisionIssued(problem, number, replyBy);
      }
      const dedupeKey = `problem-escalation-${escalationId}`;
      const notified = await this.notifications.insertMany(
        manager,
        recipients.map((user) => ({
          userId: user.id,
          kind: 'alert' as const,
          level: level === 'overdue' ? 'problem_overdue' : 'problem_supervision',
          title: message.title,
          body: message.body,
          projectId: problem.projectId,
          milestoneId: null,
          alertId: null,
          dedupeKey,
        })),
      );
      const optedOut = await this.preferences.optedOut(manager, [...notified], 'alert');
      const mails = recipients.filter((user) => notified.has(user.id) && !optedOut.has(user.id)).map((user) => this.mailFor(problem, user, message, dedupeKey));
      return this.outbox.enqueue(manager, mails);
    });
    if (!mailIds) return false;
    await this.mail.send(mailIds);
    return true;
  }

  private mailFor(problem: OverdueProblem, user: MailUser, message: { title: string; body: string }, dedupeKey: string): NewMail {
    const { html, text } = noticeMail(
      message,
      { href: `${this.mail.publicUrl}/projects/${problem.projectId}`, label: '查看项目' },
      this.mail.unsubscribeUrl(user.id, 'alert'),
    );
    return this.mail.forUser(user, { kind: 'alert', dedupeKey: `${dedupeKey}-${user.id}`, subject: message.title, html, text });
  }
}
