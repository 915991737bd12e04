import { Injectable } from '@nestjs/common';
import { Clock } from '@qj/config';
import { PROBLEM_AGE_BUCKETS, PROBLEM_CATEGORIES, PROBLEM_CATEGORY_LABELS, ProblemCategory, problemOverdueDays, reopenedStatus } from '@qj/domain';
import { domainError, ValidationFailedException } from '@qj/http';
import { AuditRepository, ProblemFilter, ProblemRepository, ProblemRow, ProblemState, UnitOfWork, type Transaction } from '@qj/persistence';
import { domainEvent, EventName } from '@qj/queue';
import { AuthUser, readScopeOf } from '../auth';
import { Attachments } from '../files/files.service';

const problemNotFound = (id: string) => domainError('problem_not_found', { id });

/**
 * The problem list (问题清单): a project's owners raise what blocks it; a reviewer assigns it to the unit that can
 * solve it with a due date; the two units and the DRC write in its thread; a reviewer closes it (销号) or reopens it.
 * Each change is audited on the project's history and leaves a `problem.*` event in the outbox for the notifications.
 * An owner reads the problems of their unit's projects and those assigned to their unit, and of the latter's project
 * only its name and code. A problem and each reply may carry evidence files, attached in the write's transaction;
 * whoever reads the problem reads them.
 */
@Injectable()
export class ProblemsService {
  constructor(
    private readonly problems: ProblemRepository,
    private readonly audit: AuditRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly attachments: Attachments,
  ) {}

  async raise(
    user: AuthUser,
    projectId: string,
    { fileIds = [], ...input }: { title: string; description: string; category: string; neededBy: string; fileIds?: readonly string[] },
  ) {
    this.assertNotPast('neededBy', input.neededBy);
    const id = await this.unitOfWork.run(async (tx) => {
      const project = await this.problems.lockProject(tx, projectId);
      if (!project) throw domainError('project_not_found', { id: projectId });
      await this.attachments.assertAttachable(tx, user, fileIds);
      const problem = await this.problems.insert(tx, { ...input, projectId, raisedBy: user.id });
      await this.attachments.set(tx, user, { kind: 'problem', ownerId: problem.id, projectId }, fileIds);
      await this.record(tx, user, 'problem.raised', null, problem, null, { fileIds });
      return problem.id;
    });
    return this.get(user, id);
  }

  async assign(user: AuthUser, id: string, unitId: string, dueDate: string) {
    this.assertNotPast('dueDate', dueDate);
    const unit = await this.problems.unit(unitId);
    if (!unit) throw new ValidationFailedException([{ field: 'unitId', message: { zh: `没有编号为 ${unitId} 的单位`, en: `No unit with id ${unitId}` } }]);
    if (!unit.active) {
      throw new ValidationFailedException([
        { field: 'unitId', message: { zh: `${unit.name}已停用，不能交办问题`, en: `${unit.name} is disabled: no problem may be assigned to it` } },
      ]);
    }
    await this.change(id, async (tx, current) => {
      if (current.status === 'closed') throw domainError('problem_closed');
      const assigned = await this.problems.assign(tx, id, unitId, dueDate, user.id);
      await this.record(tx, user, 'problem.assigned', current, assigned, null, { assignedUnitName: unit.name });
    });
    return this.get(user, id);
  }

  async reply(user: AuthUser, id: string, text: string, fileIds: readonly string[] = []) {
    await this.change(id, async (tx, current) => {
      await this.attachments.assertAttachable(tx, user, fileIds);
      const reply = await this.problems.addReply(tx, { problemId: id, authorId: user.id, authorName: user.displayName, authorUnitId: user.unitId, text });
      await this.attachments.set(tx, user, { kind: 'problem_reply', ownerId: reply.id, projectId: current.projectId }, fileIds);
      await this.record(tx, user, 'problem.replied', null, current, text, { replyId: reply.id, fileIds }, reply.id);
    });
    return this.get(user, id);
  }

  async close(user: AuthUser, id: string, note: string) {
    await this.change(id, async (tx, current) => {
      if (current.status === 'closed') throw domainError('problem_closed');
      const closed = await this.problems.close(tx, id, note, user.id);
      await this.record(tx, user, 'problem.closed', current, closed, note);
    });
    return this.get(user, id);
  }

  async reopen(user: AuthUser, id: string, note: string) {
    await this.change(id, async (tx, current) => {
      if (current.status !== 'closed') throw domainError('problem_not_closed');
      const reopened = await this.problems.reopen(tx, id, reopenedStatus(current));
      await this.record(tx, user, 'problem.reopened', current, reopened, note);
    });
    return this.get(user, id);
  }

  /** One problem with its thread: 404 when there is none or the caller's scope does not reach it. */
  async get(user: AuthUser, id: string) {
    const today = this.clock.today();
    const row = await this.problems.find(readScopeOf(user), id, today);
    if (!row) throw problemNotFound(id);
    const { files, ...problem } = row;
    return { ...view(problem, today), files, replies: await this.problems.replies(id) };
  }

  async list(user: AuthUser, filter: ProblemFilter) {
    const today = this.clock.today();
    const items = (await this.problems.list(readScopeOf(user), filter, today)).map((row) => view(row, today));
    return { items, total: items.length };
  }

  /**
   * The open (not closed) problems of the caller's scope, as GET /api/problems scopes them: how many, how many overdue,
   * by category (every one, in the district's order) and by age (days since raised, PROBLEM_AGE_BUCKETS).
   */
  async summary(user: AuthUser) {
    const scope = readScopeOf(user);
    const { today, timeZone } = this.clock.businessDay();
    const rows = await this.problems.summary(scope, today, timeZone);
    const sum = (of: typeof rows, key: 'open' | 'overdue') => of.reduce((total, row) => total + row[key], 0);
    return {
      open: sum(rows, 'open'),
      overdue: sum(rows, 'overdue'),
      byCategory: PROBLEM_CATEGORIES.map((category) => {
        const of = rows.filter((row) => row.category === category);
        return { category, label: PROBLEM_CATEGORY_LABELS[category], open: sum(of, 'open'), overdue: sum(of, 'overdue') };
      }),
      byAge: PROBLEM_AGE_BUCKETS.map(({ bucket, label }) => ({
        bucket,
        label,
        open: sum(
          rows.filter((row) => row.bucket === bucket),
          'open',
        ),
      })),
    };
  }

  /** The problem locked for a change; 404 when there is none. */
  private change(id: string, work: (tx: Transaction, current: ProblemState) => Promise<void>): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const current = await this.problems.lock(tx, id);
      if (!current) throw problemNotFound(id);
      await work(tx, current);
    });
  }

  /** A date the caller sets must not lie in the past (APP_TIMEZONE): 400 naming the field. */
  private assertNotPast(field: 'neededBy' | 'dueDate', date: string): void {
    const today = this.clock.today();
    if (date < today) {
      throw new ValidationFailedException([{ field, message: { zh: `${field} 不能早于今天（${today}）`, en: `${field} may not be before today (${today})` } }]);
    }
  }

  private async record(
    tx: Transaction,
    user: AuthUser,
    action: Extract<EventName, `problem.${string}`>,
    before: ProblemState | null,
    after: ProblemState,
    comment: string | null = null,
    extra: Record<string, unknown> = {},
    replyId?: string,
  ): Promise<void> {
    await this.audit.record(
      tx,
      [
        {
          projectId: after.projectId,
          entityType: 'problem',
          entityId: after.id,
          action,
          actorId: user.id,
          actorName: user.displayName,
          before: before && fields(before),
          after: { ...fields(after), ...extra },
          comment,
        },
      ],
      [
        domainEvent(action, {
          aggregateId: after.projectId,
          actorId: user.id,
          data: { problemId: after.id, status: after.status, assignedUnitId: after.assignedUnitId, dueDate: after.dueDate, ...(replyId ? { replyId } : {}) },
        }),
      ],
    );
  }
}

const fields = (problem: ProblemState) => ({
  title: problem.title,
  category: problem.category,
  neededBy: problem.neededBy,
  status: problem.status,
  assignedUnitId: problem.assignedUnitId,
  dueDate: problem.dueDate,
  version: problem.version,
});

/** The answer's overdue days come from the domain rule; the list's filter and order from its SQL twin (the e2e suite checks they agree). */
function view(row: ProblemRow, today: string) {
  const overdueDays = problemOverdueDays(row, today);
  return { ...row, categoryLabel: PROBLEM_CATEGORY_LABELS[row.category as ProblemCategory], overdueDays, overdue: overdueDays > 0 };
}
