import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock, type Env } from '@qj/config';
import { isLateSubmission, isReportOverdue, monthOfDate, monthsOfYear, reportDueOn } from '@qj/domain';
import { DomainException, domainError, ValidationFailedException } from '@qj/http';
import {
  MonthlyReportContent,
  MonthlyReportRepository,
  MonthlyReportRow,
  ProjectRef,
  ProjectStateRepository,
  AuditRepository,
  UnitOfWork,
  type Transaction,
} from '@qj/persistence';
import { domainEvent } from '@qj/queue';
import { assertCanEditProject, AuthUser, canEditProject, canReadEverything, readScopeOf, refuseOutsideUnit } from '../auth';
import { MonthLockService } from './month-lock.service';
import { AttachedFilesChange, Attachments, filesChanged } from '../files/files.service';

export type SaveOutcome = 'saved' | 'unchanged';

const projectNotFound = (id: string) => domainError('project_not_found', { id });
const reportNotFound = (month: string) => domainError('report_not_found', { month }, { extensions: { month } });

/**
 * Monthly reports (月报): the project's owners save a draft (also a returned report) and submit it; a reviewer
 * returns a submitted one with a comment. A submission after the due day (REPORT_DUE_DAY of the next month, in
 * APP_TIMEZONE, by the Clock) is late — decided at the first submission and kept. Each write is audited; a
 * submission and a return leave `monthly_report.submitted` / `.returned` in the outbox for the figures. A month whose
 * bulletin is published is closed to all of it (MonthLockService). The Excel import uses `checkSave` and the
 * `apply*` steps too.
 */
@Injectable()
export class MonthlyReportsService {
  readonly dueDay: number;

  constructor(
    private readonly reports: MonthlyReportRepository,
    private readonly projects: ProjectStateRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditRepository,
    private readonly locks: MonthLockService,
    private readonly clock: Clock,
    private readonly attachments: Attachments,
    config: ConfigService<Env, true>,
  ) {
    this.dueDay = config.get('REPORT_DUE_DAY', { infer: true });
  }

  /** A month of the plan period (the pipe checked) that is not in the future: 400 naming `month` otherwise. */
  assertReportable(month: string, field = 'month'): void {
    const current = monthOfDate(this.clock.today());
    if (month > current) {
      throw new ValidationFailedException([{ field, message: `${field} 不能晚于本月（${current}）：月报只能填报已开始的月份` }]);
    }
  }

  /** `fileIds`, when given, is the whole list of the report's files (形象进度 photos): files left out are detached. */
  async save(user: AuthUser, projectId: string, month: string, content: MonthlyReportContent, expectedVersion?: number, fileIds?: readonly string[]) {
    this.assertReportable(month);
    return this.unitOfWork.run(async (tx) => {
      const project = await this.lockProject(tx, user, projectId, 'monthly-report.update');
      await this.locks.assertOpen(tx, [month]);
      const current = await this.reports.find(projectId, month, tx);
      const files = fileIds && { before: current?.files.map((file) => file.id) ?? [], after: [...fileIds] };
      const refusal = checkSave(current, content, expectedVersion, files && filesChanged(files));
      if (refusal) throw refusal;
      if (files)
        await this.attachments.assertAttachable(
          tx,
          user,
          files.after.filter((id) => !files.before.includes(id)),
        );
      const { report } = await this.applySave(tx, user, project, month, content, current, files);
      return this.view(report);
    });
  }

  async submit(user: AuthUser, projectId: string, month: string, expectedVersion?: number) {
    this.assertReportable(month);
    return this.unitOfWork.run(async (tx) => {
      const project = await this.lockProject(tx, user, projectId, 'monthly-report.submit');
      await this.locks.assertOpen(tx, [month]);
      const current = await this.reports.find(projectId, month, tx);
      if (!current) throw reportNotFound(month);
      if (current.status === 'submitted') throw alreadySubmitted(current);
      if (expectedVersion !== undefined && current.version !== expectedVersion) throw versionConflict(current);
      return this.view(await this.applySubmit(tx, user, project, current));
    });
  }

  async returnReport(user: AuthUser, projectId: string, month: string, comment: string) {
    return this.unitOfWork.run(async (tx) => {
      const project = (await this.projects.lockRefs(tx, [projectId])).get(projectId);
      if (!project) throw projectNotFound(projectId);
      await this.locks.assertOpen(tx, [month]);
      const current = await this.reports.find(projectId, month, tx);
      if (!current) throw reportNotFound(month);
      if (current.status !== 'submitted') {
        throw domainError(
          'report_not_submitted',
          { month, state: current.status === 'returned' ? { zh: '已退回', en: 'returned' } : { zh: '草稿', en: 'draft' } },
          { extensions: { status: current.status } },
        );
      }
      const returned = await this.reports.markReturned(tx, projectId, month, comment, user.id);
      await this.audit.record(
        tx,
        [auditEntry(user, project, 'monthly_report.returned', current, returned, comment)],
        [
          domainEvent('monthly_report.returned', {
            aggregateId: projectId,
            actorId: user.id,
            data: { month, completedInvestment: returned.completedInvestment, late: returned.late, comment },
          }),
        ],
      );
      return this.view(returned);
    });
  }

  /** The year's twelve months of a project: each with its report or `missing`, its due day, overdue, late and locked. */
  async year(user: AuthUser, projectId: string, year: number) {
    const project = await this.projects.find(projectId);
    if (!project) throw projectNotFound(projectId);
    if (!canReadEverything(user) && !canEditProject(user, project)) refuseOutsideUnit(projectId, 'monthly-report.read');
    const months = monthsOfYear(year);
    const [rows, locked] = await Promise.all([this.reports.ofYear(projectId, year), this.locks.lockedMonths(months)]);
    const byMonth = new Map(rows.map((row) => [row.month, row]));
    const today = this.clock.today();
    return {
      projectId,
      year,
      dueDay: this.dueDay,
      months: months.map((month) => {
        const report = byMonth.get(month);
        return {
          month,
          status: report?.status ?? 'missing',
          dueOn: reportDueOn(month, this.dueDay),
          overdue: isReportOverdue(month, report?.status === 'submitted', today, this.dueDay),
          late: report?.late ?? false,
          locked: locked.has(month),
          report: report ? this.view(report) : null,
        };
      }),
    };
  }

  /** Every project of the caller's scope (an owner: their unit) with its report for the month or none: the one-grid fill. */
  async grid(user: AuthUser, month: string) {
    this.assertReportable(month);
    const [rows, locked] = await Promise.all([this.reports.grid(readScopeOf(user), month), this.locks.lockedMonths([month])]);
    const today = this.clock.today();
    return {
      month,
      dueOn: reportDueOn(month, this.dueDay),
      locked: locked.has(month),
      items: rows.map((row) => ({
        ...row,
        status: row.report?.status ?? 'missing',
        overdue: isReportOverdue(month, row.report?.status === 'submitted', today, this.dueDay),
        report: row.report ? this.view(row.report) : null,
      })),
    };
  }

  /** One save in the caller's transaction, checked (`checkSave`): the same content writes nothing. */
  async applySave(
    tx: Transaction,
    user: AuthUser,
    project: ProjectRef,
    month: string,
    content: MonthlyReportContent,
    current: MonthlyReportRow | undefined,
    files?: AttachedFilesChange,
  ): Promise<{ report: MonthlyReportRow; outcome: SaveOutcome }> {
    const changesFiles = files !== undefined && filesChanged(files);
    if (current && sameContent(current, content) && !changesFiles) return { report: current, outcome: 'unchanged' };
    let report = await this.reports.save(tx, project.id, month, content, user.id);
    if (changesFiles) {
      await this.attachments.set(tx, user, { kind: 'monthly_report', ownerId: month, projectId: project.id }, files.after);
      report = (await this.reports.find(project.id, month, tx)) as MonthlyReportRow;
    }
    await this.audit.record(tx, [auditEntry(user, project, 'monthly_report.saved', current, report, null)]);
    return { report, outcome: 'saved' };
  }

  /** One submission in the caller's transaction (the report a draft or returned): late at the first submission, kept after. */
  async applySubmit(tx: Transaction, user: AuthUser, project: ProjectRef, current: MonthlyReportRow): Promise<MonthlyReportRow> {
    const late = current.submittedAt ? current.late : isLateSubmission(current.month, this.clock.today(), this.dueDay);
    const submitted = await this.reports.submit(tx, project.id, current.month, late, user.id);
    await this.audit.record(
      tx,
      [auditEntry(user, project, 'monthly_report.submitted', current, submitted, null)],
      [
        domainEvent('monthly_report.submitted', {
          aggregateId: project.id,
          actorId: user.id,
          data: { month: current.month, completedInvestment: submitted.completedInvestment, late },
        }),
      ],
    );
    return submitted;
  }

  view(report: MonthlyReportRow) {
    return { ...report, dueOn: reportDueOn(report.month, this.dueDay) };
  }

  /** The project, locked; an owner of another unit is refused here too (the guard refused them first). */
  private async lockProject(tx: Transaction, user: AuthUser, projectId: string, action: string): Promise<ProjectRef> {
    const project = (await this.projects.lockRefs(tx, [projectId])).get(projectId);
    if (!project) throw projectNotFound(projectId);
    assertCanEditProject(user, project, action);
    return project;
  }
}

/** Why a save is refused against the report as it is, or undefined: a submitted report is closed until returned. */
export function checkSave(
  current: MonthlyReportRow | undefined,
  content: MonthlyReportContent,
  expectedVersion?: number,
  changesFiles = false,
): DomainException | undefined {
  if (current?.status === 'submitted') {
    if (sameContent(current, content) && !changesFiles) return undefined;
    return domainError('report_submitted', { month: current.month }, { extensions: { status: current.status } });
  }
  if (current && expectedVersion !== undefined && current.version !== expectedVersion) return versionConflict(current);
  return undefined;
}

export function sameContent(current: MonthlyReportRow, content: MonthlyReportContent): boolean {
  return current.completedInvestment === content.completedInvestment && current.progress === content.progress && current.problems === content.problems;
}

const versionConflict = (current: MonthlyReportRow) =>
  domainError('version_conflict', { subject: { zh: '该月报', en: 'report' } }, { extensions: { currentVersion: current.version } });

const alreadySubmitted = (current: MonthlyReportRow) =>
  domainError('report_already_submitted', { month: current.month }, { extensions: { status: current.status } });

function auditEntry(
  user: AuthUser,
  project: ProjectRef,
  action: string,
  before: MonthlyReportRow | undefined,
  after: MonthlyReportRow,
  comment: string | null,
) {
  const fields = (row: MonthlyReportRow) => ({
    month: row.month,
    completedInvestment: row.completedInvestment,
    progress: row.progress,
    problems: row.problems,
    status: row.status,
    late: row.late,
    version: row.version,
    fileIds: row.files.map((file) => file.id),
  });
  return {
    projectId: project.id,
    entityType: 'monthly_report',
    entityId: `${project.id}:${after.month}`,
    action,
    actorId: user.id,
    actorName: user.displayName,
    before: before ? fields(before) : null,
    after: fields(after),
    comment,
  };
}
