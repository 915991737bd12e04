import { Injectable } from '@nestjs/common';
import { domainError, FieldError, ValidationFailedException } from '@qj/http';
import {
  InvestmentPlanRepository,
  InvestmentPlanRow,
  ProjectRef,
  ProjectStateRepository,
  AuditRepository,
  UnitOfWork,
  type Transaction,
} from '@qj/persistence';
import { domainEvent } from '@qj/queue';
import { AuthUser, canEditProject, canReadEverything, refuseOutsideUnit } from '../auth';

/** What one issue of a plan says: the amount (万元, exact decimal string), the months, and why (an adjustment's reason). */
export interface PlanInput {
  plannedInvestment: string;
  plannedStartMonth: number | null;
  plannedCompletionMonth: number | null;
  reason: string | null;
}

export type PlanOutcome = 'issued' | 'adjusted' | 'unchanged';

export const projectNotFound = (id: string) => domainError('project_not_found', { id });

/**
 * The annual plan (年度计划) of a project, issued and adjusted (中期调整) by the DRC. Every issue appends a version
 * and keeps the original amount; issuing the values the plan already has changes nothing. The Excel import goes
 * through `checkIssue` and `applyIssue` too, so both paths refuse and write the same things.
 */
@Injectable()
export class InvestmentPlansService {
  constructor(
    private readonly plans: InvestmentPlanRepository,
    private readonly projects: ProjectStateRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditRepository,
  ) {}

  async issue(user: AuthUser, projectId: string, year: number, input: PlanInput) {
    const shape = checkMonths(input);
    if (shape.length) throw new ValidationFailedException(shape);
    return this.unitOfWork.run(async (tx) => {
      const project = (await this.projects.lockRefs(tx, [projectId])).get(projectId);
      if (!project) throw projectNotFound(projectId);
      const current = await this.plans.current(projectId, year, tx);
      const errors = checkIssue(current, input);
      if (errors.length) throw new ValidationFailedException(errors);
      const { plan } = await this.applyIssue(tx, user, project, year, input, current);
      return view(plan);
    });
  }

  /**
   * One issue in the caller's transaction, the project locked and the input checked (`checkIssue`): unchanged
   * values write nothing; else the version row, the current plan, the audit row and `investment_plan.issued`.
   */
  async applyIssue(
    tx: Transaction,
    user: AuthUser,
    project: ProjectRef,
    year: number,
    input: PlanInput,
    current: InvestmentPlanRow | undefined,
  ): Promise<{ plan: InvestmentPlanRow; outcome: PlanOutcome }> {
    if (current && sameValues(current, input)) return { plan: current, outcome: 'unchanged' };
    const plan = await this.plans.issue(tx, { projectId: project.id, year, ...input, issuedBy: user.id });
    const adjusted = plan.version > 1;
    const fields = (row: Pick<InvestmentPlanRow, 'plannedInvestment' | 'plannedStartMonth' | 'plannedCompletionMonth' | 'version'>) => ({
      year,
      version: row.version,
      plannedInvestment: row.plannedInvestment,
      plannedStartMonth: row.plannedStartMonth,
      plannedCompletionMonth: row.plannedCompletionMonth,
    });
    await this.audit.record(
      tx,
      [
        {
          projectId: project.id,
          entityType: 'investment_plan',
          entityId: `${project.id}:${year}`,
          action: adjusted ? 'investment_plan.adjusted' : 'investment_plan.issued',
          actorId: user.id,
          actorName: user.displayName,
          before: current ? fields(current) : null,
          after: { ...fields(plan), originalInvestment: plan.originalInvestment },
          comment: input.reason,
        },
      ],
      [
        domainEvent('investment_plan.issued', {
          aggregateId: project.id,
          actorId: user.id,
          data: {
            year,
            version: plan.version,
            plannedInvestment: plan.plannedInvestment,
            previousInvestment: current?.plannedInvestment ?? null,
            plannedStartMonth: plan.plannedStartMonth,
            plannedCompletionMonth: plan.plannedCompletionMonth,
            reason: input.reason,
          },
        }),
      ],
    );
    return { plan, outcome: adjusted ? 'adjusted' : 'issued' };
  }

  async current(user: AuthUser, projectId: string, year: number) {
    await this.readableProject(user, projectId, 'investment-plan.read');
    const plan = await this.plans.current(projectId, year);
    if (!plan) throw domainError('plan_not_found', { year }, { extensions: { year } });
    return view(plan);
  }

  async versions(user: AuthUser, projectId: string, year: number) {
    await this.readableProject(user, projectId, 'investment-plan.read');
    const rows = await this.plans.versions(projectId, year);
    return {
      projectId,
      year,
      items: rows.map(({ id: _id, projectId: _projectId, year: _year, ...row }) => ({ ...row, kind: row.version === 1 ? 'original' : 'adjustment' })),
    };
  }

  /** Reviewers and admins read every project; an owner their unit's (another unit's: 403, as for the project's history). */
  private async readableProject(user: AuthUser, projectId: string, action: string): Promise<void> {
    const project = await this.projects.find(projectId);
    if (!project) throw projectNotFound(projectId);
    if (!canReadEverything(user) && !canEditProject(user, project)) refuseOutsideUnit(projectId, action);
  }
}

/** The months' own rule: completion not before the start (both months of the same year). */
export function checkMonths(input: PlanInput): FieldError[] {
  if (input.plannedStartMonth !== null && input.plannedCompletionMonth !== null && input.plannedCompletionMonth < input.plannedStartMonth) {
    return [
      {
        field: 'plannedCompletionMonth',
        message: `计划竣工月份（${input.plannedCompletionMonth} 月）不能早于计划开工月份（${input.plannedStartMonth} 月）`,
      },
    ];
  }
  return [];
}

/** Refusals of an issue against the plan as it is: an adjustment (other values than the current plan's) needs its reason. */
export function checkIssue(current: InvestmentPlanRow | undefined, input: PlanInput): FieldError[] {
  const errors = checkMonths(input);
  if (current && !sameValues(current, input) && !input.reason) {
    errors.push({ field: 'reason', message: `该项目已有 ${current.year} 年度计划，调整（中期调整）须说明原因（reason）` });
  }
  return errors;
}

export function sameValues(current: InvestmentPlanRow, input: PlanInput): boolean {
  return (
    current.plannedInvestment === input.plannedInvestment &&
    current.plannedStartMonth === input.plannedStartMonth &&
    current.plannedCompletionMonth === input.plannedCompletionMonth
  );
}

export function view(plan: InvestmentPlanRow) {
  return { ...plan, adjusted: plan.version > 1 };
}
