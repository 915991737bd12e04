import { Injectable } from '@nestjs/common';
import { noticeMail } from '@qj/mail';
import {
  AlertRecipient,
  MailOutboxRepository,
  NewMail,
  NotificationPreferenceRepository,
  NotificationRepository,
  NotificationSourceRepository,
} from '@qj/persistence';
import { DomainEventJob } from '@qj/queue';
import { MailRows } from '../mail/mail-rows';
import * as entryMessages from './entry-messages';
import * as problemMessages from './problem-messages';
import * as messages from './workflow-messages';

/** Who hears what: one message for a set of people, once per person and `dedupeKey`. */
export interface Notice {
  dedupeKey: string;
  recipients: AlertRecipient[];
  message: messages.WorkflowMessage;
  /** The project it is about (its page opens it), or null for what concerns no one project (a bulletin). */
  projectId: string | null;
  milestoneId: string | null;
  /** Where the console (and the mail's link) opens it instead of the project's page. */
  link?: { path: string; label: string };
  /** The notification's kind and the mail preference it answers to; `workflow` when left out. */
  kind?: 'workflow' | 'report';
}

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/**
 * Tells people about requests, decisions and 不适用 markings: the requester and their unit's owners hear a
 * decision, the DRC reviewers hear what waits for them. The monthly 调度's entry tells a unit's owners when a
 * reviewer returns a report or adjusts a plan (kind `report`). Facts come from the tables by the event's
 * `transitionRequestId`, `rebaselineRequestId` or `milestoneId`, never from the rest of its data. Notifications
 * and mail rows are written in one transaction under unique keys, so an event seen twice notifies once; mail
 * jobs are enqueued after commit.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly source: NotificationSourceRepository,
    private readonly notifications: NotificationRepository,
    private readonly preferences: NotificationPreferenceRepository,
    private readonly outbox: MailOutboxRepository,
    private readonly mail: MailRows,
  ) {}

  /** Returns how many people were notified now (0 when the event concerns nobody or was seen before). */
  async handle(event: DomainEventJob): Promise<number> {
    const notice = await this.noticeFor(event);
    if (!notice || !notice.recipients.length) return 0;
    return this.deliver(notice);
  }

  /** What an event means to people, or undefined when it means nothing to anyone (roll-up-only events). */
  async noticeFor(event: DomainEventJob): Promise<Notice | undefined> {
    switch (event.name) {
      case 'project.transition_requested':
      case 'transition.withdrawn': {
        const request = event.data.transitionRequestId && (await this.source.transitionRequest(event.data.transitionRequestId));
        if (!request) return undefined;
        const requested = event.name === 'project.transition_requested';
        return {
          dedupeKey: `transition-${request.id}-${requested ? 'requested' : 'withdrawn'}`,
          recipients: await this.source.reviewers(),
          message: requested ? messages.transitionRequested(request) : messages.transitionWithdrawn(request),
          projectId: request.projectId,
          milestoneId: null,
        };
      }
      case 'rebaseline.requested':
      case 'rebaseline.withdrawn': {
        const request = await this.source.rebaselineRequest(event.data.rebaselineRequestId);
        if (!request) return undefined;
        const requested = event.name === 'rebaseline.requested';
        return {
          dedupeKey: `rebaseline-${request.id}-${requested ? 'requested' : 'withdrawn'}`,
          recipients: await this.source.reviewers(),
          message: requested ? messages.rebaselineRequested(request) : messages.rebaselineWithdrawn(request),
          projectId: request.projectId,
          milestoneId: request.milestoneId,
        };
      }
      case 'milestone.rebaselined':
      case 'rebaseline.rejected': {
        // A reviewer's own re-baselining (no request) concerns nobody else.
        const request = event.data.rebaselineRequestId && (await this.source.rebaselineRequest(event.data.rebaselineRequestId));
        if (!request || request.status === 'pending') return undefined;
        return {
          dedupeKey: `rebaseline-${request.id}-decided`,
          recipients: await this.source.requesterAndOwners(request.requestedBy, request.unitId),
          message: messages.rebaselineDecided(request),
          projectId: request.projectId,
          milestoneId: request.milestoneId,
        };
      }
      case 'project.overridden': {
        const project = await this.source.project(event.aggregateId);
        const audit = project && (await this.source.auditOfEvent(event.outboxId, project.id, ['transition.overridden']));
        if (!project || !audit) return undefined;
        return {
          dedupeKey: `event-${event.outboxId}`,
          recipients: await this.source.requesterAndOwners(null, project.unitId),
          message: messages.transitionOverridden(project.name, audit),
          projectId: project.id,
          milestoneId: null,
        };
      }
      case 'milestone.not_applicable':
      case 'milestone.applicable_again': {
        const milestone = await this.source.milestone(event.data.milestoneId);
        if (!milestone) return undefined;
        const applicable = event.name === 'milestone.applicable_again';
        const audit = await this.source.auditOfEvent(
          event.outboxId,
          milestone.projectId,
          [applicable ? 'milestone.applicable_again' : 'milestone.marked_not_applicable'],
          milestone.id,
        );
        const reason = text(audit?.comment) ?? text(audit?.after?.reason) ?? (event.name === 'milestone.not_applicable' ? text(event.data.reason) : null);
        return {
          dedupeKey: `event-${event.outboxId}`,
          recipients: await this.source.reviewers(),
          message: messages.milestoneApplicability(milestone, applicable, audit?.actorName ?? null, reason),
          projectId: milestone.projectId,
          milestoneId: milestone.id,
        };
      }
      case 'project.stage_changed':
      case 'project.put_on_hold':
      case 'project.resumed':
      case 'project.cancelled':
      case 'project.transition_rejected': {
        // Only a decided request concerns its requester; stage events without one are overrides (project.overridden).
        const request = event.data.transitionRequestId && (await this.source.transitionRequest(event.data.transitionRequestId));
        if (!request || request.status === 'pending' || request.status === 'withdrawn') return undefined;
        return {
          dedupeKey: `transition-${request.id}-decided`,
          recipients: await this.source.requesterAndOwners(request.requestedBy, request.unitId),
          message: messages.transitionDecided(request),
          projectId: request.projectId,
          milestoneId: null,
        };
      }
      case 'monthly_report.returned': {
        // The audit row written with the event tells who returned it and why, even if the report was resubmitted since.
        const project = await this.source.project(event.aggregateId);
        const audit = project && (await this.source.auditOfEvent(event.outboxId, project.id, ['monthly_report.returned'], `${project.id}:${event.data.month}`));
        if (!project || !audit) return undefined;
        return {
          dedupeKey: `event-${event.outboxId}`,
          recipients: await this.source.requesterAndOwners(null, project.unitId),
          message: entryMessages.reportReturned(project.name, event.data.month, audit),
          projectId: project.id,
          milestoneId: null,
          kind: 'report',
        };
      }
      case 'investment_plan.issued': {
        // The original plan (version 1) is the year's issue, announced with the plan; only an adjustment (中期调整) is news to the unit.
        if (event.data.version <= 1) return undefined;
        const project = await this.source.project(event.aggregateId);
        const audit = project && (await this.source.auditOfEvent(event.outboxId, project.id, ['investment_plan.adjusted'], `${project.id}:${event.data.year}`));
        if (!project || !audit) return undefined;
        return {
          dedupeKey: `event-${event.outboxId}`,
          recipients: await this.source.requesterAndOwners(null, project.unitId),
          message: entryMessages.planAdjusted(project.name, event.data.year, audit),
          projectId: project.id,
          milestoneId: null,
          kind: 'report',
        };
      }
      case 'problem.raised':
      case 'problem.assigned':
      case 'problem.replied':
      case 'problem.closed':
      case 'problem.reopened':
        return this.problemNotice(event);
      case 'project.unit_reassigned':
      case 'milestone.updated':
      case 'project.facts_updated':
      case 'monthly_report.submitted':
        return undefined;
    }
  }

  /**
   * The problem list (问题清单): a raised problem reaches the reviewers; an assignment, a closing or a reopening both
   * units' owners; a reply everyone concerned (both units' owners and the reviewers) but its author.
   */
  private async problemNotice(event: Extract<DomainEventJob, { name: `problem.${string}` }>): Promise<Notice | undefined> {
    const problem = await this.source.problem(event.data.problemId);
    const audit = problem && (await this.source.auditOfEvent(event.outboxId, problem.projectId, [event.name], problem.id));
    if (!problem || !audit) return undefined;
    const units = [problem.projectUnitId, problem.assignedUnitId];
    const base = { dedupeKey: `event-${event.outboxId}`, projectId: problem.projectId, milestoneId: null };
    switch (event.name) {
      case 'problem.raised':
        return { ...base, recipients: await this.source.reviewers(), message: problemMessages.problemRaised(problem, audit.actorName) };
      case 'problem.assigned':
        return { ...base, recipients: await this.source.owners(units), message: problemMessages.problemAssigned(problem, audit.actorName) };
      case 'problem.replied': {
        const reply = event.data.replyId && (await this.source.problemReply(event.data.replyId));
        if (!reply) return undefined;
        const everyone = [...(await this.source.owners(units)), ...(await this.source.reviewers())];
        return {
          ...base,
          recipients: everyone.filter((user) => user.id !== reply.authorId),
          message: problemMessages.problemReplied(problem, reply.authorName, reply.text),
        };
      }
      case 'problem.closed':
      case 'problem.reopened':
        return {
          ...base,
          recipients: await this.source.owners(units),
          message: problemMessages.problemClosedOrReopened(problem, event.name === 'problem.closed', audit.actorName, audit.comment),
        };
    }
  }

  /** Notifies each recipient once per `dedupeKey`, in the app and by mail unless they turned workflow mail off; returns how many now. */
  async deliver(notice: Notice): Promise<number> {
    const { notified, mailIds } = await this.source.transaction(async (manager) => {
      const notified = await this.notifications.insertMany(
        manager,
        notice.recipients.map((user) => ({
          userId: user.id,
          kind: notice.kind ?? 'workflow',
          level: null,
          title: notice.message.title,
          body: notice.message.body,
          projectId: notice.projectId,
          milestoneId: notice.milestoneId,
          alertId: null,
          dedupeKey: notice.dedupeKey,
          link: notice.link?.path ?? null,
        })),
      );
      const optedOut = await this.preferences.optedOut(manager, [...notified], notice.kind ?? 'workflow');
      const mails = notice.recipients.filter((user) => notified.has(user.id) && !optedOut.has(user.id)).map((user) => this.mailFor(notice, user));
      return { notified, mailIds: await this.outbox.enqueue(manager, mails) };
    });
    await this.mail.send(mailIds);
    return notified.size;
  }

  private mailFor(notice: Notice, user: AlertRecipient): NewMail {
    const publicUrl = this.mail.publicUrl;
    const { html, text } = noticeMail(
      notice.message,
      notice.link
        ? { href: `${publicUrl}${notice.link.path}`, label: notice.link.label }
        : { href: `${publicUrl}/projects/${notice.projectId}`, label: '查看项目' },
      this.mail.unsubscribeUrl(user.id, notice.kind ?? 'workflow'),
    );
    return this.mail.forUser(user, { kind: notice.kind ?? 'workflow', dedupeKey: `${notice.dedupeKey}-${user.id}`, subject: notice.message.title, html, text });
  }
}
