import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock, type Env } from '@qj/config';
import { addDays } from '@qj/domain';
import { domainError } from '@qj/http';
import {
  DemoRepository,
  DemoUser,
  InvestmentPlanRepository,
  MonthlyReportRepository,
  ProjectStateRepository,
  RollupRepository,
  StatusLightRepository,
  UnitOfWork,
  UnitRepository,
  type TrackerActivity,
} from '@qj/persistence';
import type { AuthUser } from '../auth';
import { ProjectFactsService } from '../catalog/project-facts.service';
import { InvestmentPlansService } from '../investment-plans/investment-plans.service';
import { MilestonesService } from '../milestones/milestones.service';
import { MonthLockService } from '../monthly-reports/month-lock.service';
import { MonthlyReportsService } from '../monthly-reports/monthly-reports.service';
import { PreworkService } from '../prework/prework.service';
import { WorkflowService } from '../workflow/workflow.service';
import { type DemoAction, demoScenario } from './demo-scenario';

/** The seed of the history everyone sees (the command line may choose another). */
export const DEMO_SEED = 2026;
/** Demo users sign in with nothing: their password hash is no hash, and they are inactive. */
const NO_PASSWORD = '!demo';
const REVIEWER = 'demo_reviewer';
/** Transactions at once: well within the pool (20), leaving the serving API its share. */
const PARALLEL_UNITS = 6;

export interface DemoLoaded {
  seed: number;
  year: number;
  lastMonth: number;
  actions: Record<DemoAction['kind'], number>;
  milliseconds: number;
}

export interface DemoClearedSummary {
  removed: Record<string, number>;
  milliseconds: number;
}

const ACTIVITY_LABELS: Record<keyof TrackerActivity, string> = {
  auditRows: '审计记录',
  transitionRequests: '阶段申请',
  rebaselineRequests: '基线调整申请',
  investmentPlans: '年度计划',
  monthlyReports: '月报',
  bulletins: '调度通报',
};

/**
 * Loads the demo history through the application's own services — plans issued by a demo reviewer, reports,
 * milestone updates and stage requests by a demo owner of each unit, approved by the reviewer — so its audit rows,
 * outbox events, lights and roll-ups are the real ones. It runs in an application context of its own (see
 * demo-context.ts), so it can set that context's Clock to each day of the history without moving the serving API's.
 */
@Injectable()
export class DemoLoaderService {
  private readonly dueDay: number;

  constructor(
    private readonly demo: DemoRepository,
    private readonly units: UnitRepository,
    private readonly planRows: InvestmentPlanRepository,
    private readonly plans: InvestmentPlansService,
    private readonly reportRows: MonthlyReportRepository,
    private readonly reports: MonthlyReportsService,
    private readonly monthLocks: MonthLockService,
    private readonly milestones: MilestonesService,
    private readonly prework: PreworkService,
    private readonly workflow: WorkflowService,
    private readonly facts: ProjectFactsService,
    private readonly projectStates: ProjectStateRepository,
    private readonly lights: StatusLightRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly rollups: RollupRepository,
    private readonly clock: Clock,
    config: ConfigService<Env, true>,
  ) {
    this.dueDay = config.get('REPORT_DUE_DAY', { infer: true });
  }

  /** The history up to `now` (the serving API's Clock; the command line's is the real time), as `loadedBy` (null: the command line). */
  async load(loadedBy: string | null, seed = DEMO_SEED, now: Date | null = null): Promise<DemoLoaded> {
    const started = Date.now();
    this.clock.setNow(now);
    const today = this.clock.today();
    const units = await this.units.all();
    const users: DemoUser[] = [
      { username: REVIEWER, displayName: '演示·区发展改革委审核员', role: 'reviewer', unitId: null },
      ...units.map((unit) => ({ username: `demo_owner_${unit.code}`, displayName: `演示·${unit.name}项目负责人`, role: 'owner' as const, unitId: unit.id })),
    ];
    const begun = await this.demo.begin(seed, loadedBy, users, NO_PASSWORD);
    if (!begun.ok && begun.reason === 'loaded') throw domainError('demo_loaded');
    if (!begun.ok && begun.reason === 'active') {
      const activity = Object.entries(begun.activity)
        .filter(([, count]) => count > 0)
        .map(([key, count]) => `${ACTIVITY_LABELS[key as keyof TrackerActivity]} ${count}`)
        .join('，');
      throw domainError('demo_tracker_active', { activity }, { extensions: { activity: begun.activity } });
    }
    if (!begun.ok) throw new Error('unreachable');
    const actor = (username: string, role: AuthUser['role'], unitId: string | null): AuthUser => ({
      id: begun.userIds.get(username) as string,
      username,
      displayName: users.find((user) => user.username === username)?.displayName as string,
      role,
      unitId,
      tokenGeneration: 0,
    });
    const reviewer = actor(REVIEWER, 'reviewer', null);
    const ownerOf = new Map(units.map((unit) => [unit.id, actor(`demo_owner_${unit.code}`, 'owner', unit.id)]));
    const projects = await this.demo.projects();
    const scenario = demoScenario(projects, today, this.dueDay, seed);
    const versions = new Map(
      projects.flatMap((project) => project.milestones.map((m) => [`${project.id}:${m.code}`, { id: m.id, version: m.version, kind: m.kind }])),
    );
    try {
      // Consecutive actions of one kind on one day go in one batch, as the Excel imports write them.
      for (let i = 0; i < scenario.actions.length;) {
        const first = scenario.actions[i];
        let end = i + 1;
        while (end < scenario.actions.length && scenario.actions[end].on === first.on && scenario.actions[end].kind === first.kind) end += 1;
        this.clock.setNow(new Date(`${first.on}T12:00:00Z`));
        await this.replay(scenario.actions.slice(i, end), scenario.year, reviewer, ownerOf, versions);
        i = end;
      }
      this.clock.setNow(now);
      // Today's lights of the projects it moved (their changes set them as of each day) and the roll-ups, without
      // waiting for the workers (which follow the events all the same). Other projects' rows stay as they were.
      const moved = [...new Set(scenario.actions.map((action) => action.projectId))];
      await this.unitOfWork.run((tx) => this.lights.refresh(tx, moved));
      await this.rollups.recomputeAll(this.clock.businessDay());
      await this.demo.finish();
    } catch (error) {
      await this.clear(now);
      throw error;
    }
    const counts = { plan: 0, facts: 0, milestone: 0, start: 0, complete: 0, report: 0 };
    for (const action of scenario.actions) counts[action.kind] += 1;
    return { seed, year: scenario.year, lastMonth: scenario.lastMonth, actions: counts, milliseconds: Date.now() - started };
  }

  async clear(now: Date | null = null): Promise<DemoClearedSummary> {
    const started = Date.now();
    this.clock.setNow(now);
    const result = await this.demo.clear();
    if (!result) throw domainError('demo_not_loaded');
    // The projects are back as they were, lights included; the roll-ups count them again for today.
    await this.rollups.recomputeAll(this.clock.businessDay());
    return { removed: result.cleared, milliseconds: Date.now() - started };
  }

  private async replay(
    batch: DemoAction[],
    year: number,
    reviewer: AuthUser,
    ownerOf: Map<string, AuthUser>,
    versions: Map<string, { id: string; version: number; kind: string }>,
  ): Promise<void> {
    const kind = batch[0].kind;
    if (kind === 'plan') {
      await byUnit(batch as Array<Extract<DemoAction, { kind: 'plan' }>>, (items) =>
        this.unitOfWork.run(async (tx) => {
          const refs = await this.projectStates.lockRefs(
            tx,
            items.map((item) => item.projectId),
          );
          for (const item of items) {
            const current = await this.planRows.current(item.projectId, year, tx);
            const { kind: _kind, on: _on, projectId: _projectId, unitId: _unitId, ...input } = item;
            await this.plans.applyIssue(tx, reviewer, refs.get(item.projectId) as NonNullable<ReturnType<typeof refs.get>>, year, input, current);
          }
        }),
      );
    } else if (kind === 'report') {
      await byUnit(batch as Array<Extract<DemoAction, { kind: 'report' }>>, (items) =>
        this.unitOfWork.run(async (tx) => {
          const refs = await this.projectStates.lockRefs(
            tx,
            items.map((item) => item.projectId),
          );
          await this.monthLocks.assertOpen(tx, [...new Set(items.map((item) => item.month))]);
          for (const item of items) {
            const owner = ownerOf.get(item.unitId) as AuthUser;
            const ref = refs.get(item.projectId) as NonNullable<ReturnType<typeof refs.get>>;
            const current = await this.reportRows.find(item.projectId, item.month, tx);
            const content = { completedInvestment: item.completedInvestment, progress: item.progress, problems: item.problems };
            const { report } = await this.reports.applySave(tx, owner, ref, item.month, content, current);
            await this.reports.applySubmit(tx, owner, ref, report);
          }
        }),
      );
    } else if (kind === 'milestone') {
      await byUnit(batch as Array<Extract<DemoAction, { kind: 'milestone' }>>, async (items) => {
        const owner = ownerOf.get(items[0].unitId) as AuthUser;
        const milestoneOf = (item: (typeof items)[number]) => versions.get(`${item.projectId}:${item.code}`) as { id: string; version: number; kind: string };
        // An approval is done on the 前期手续 checklist with its 批复文号 and date, as its owner would enter it.
        const approvals = items.filter((item) => !item.forecastDate && milestoneOf(item).kind === 'approval');
        for (const [index, item] of approvals.entries()) {
          const milestone = milestoneOf(item);
          const done = await this.prework.update(owner, milestone.id, {
            version: milestone.version,
            status: 'done',
            documentNo: `綦发改审〔${item.on.slice(0, 4)}〕${item.on.slice(5, 7)}${item.on.slice(8)}${index + 1}号`,
            documentDate: item.on,
          });
          versions.set(`${item.projectId}:${item.code}`, { ...milestone, version: done.version });
        }
        const updates = items
          .filter((item) => !approvals.includes(item))
          .map((item) => {
            const milestone = milestoneOf(item);
            const dto = item.forecastDate ? { forecastDate: item.forecastDate } : { actualDate: item.on };
            return { milestoneId: milestone.id, version: milestone.version, dto };
          });
        const rows = updates.length ? await this.milestones.updateMany(owner, updates) : [];
        for (const row of rows) versions.set(`${row.projectId}:${row.code}`, { id: row.id, version: row.version, kind: row.kind });
      });
    } else {
      for (const item of batch as Array<Exclude<DemoAction, { kind: 'plan' | 'report' | 'milestone' }>>) {
        await this.replayOne(item, reviewer, ownerOf.get(item.unitId) as AuthUser);
      }
    }
  }

  private async replayOne(item: Exclude<DemoAction, { kind: 'plan' | 'report' | 'milestone' }>, reviewer: AuthUser, owner: AuthUser): Promise<void> {
    if (item.kind === 'facts') {
      const state = await this.projectStates.state(item.projectId);
      await this.facts.update(
        owner,
        item.projectId,
        {
          version: state?.version,
          totalInvestment: item.totalInvestment,
          investmentType: Number.parseInt(item.projectId.slice(0, 2), 16) % 3 === 0 ? 'enterprise' : 'government',
          statisticsRegisteredOn: item.registeredOn,
        },
        undefined,
      );
      return;
    }
    const serial = item.projectId.slice(0, 6).toUpperCase();
    const request =
      item.kind === 'start'
        ? await this.workflow.requestTransition(owner, item.projectId, {
            to: 'start',
            evidence: {
              approvalDocNo: `綦发改投〔${item.on.slice(0, 4)}〕${serial}号`,
              approvalDate: addDays(item.on, -12),
              constructionPermitNo: `QJ-${item.on.slice(0, 4)}-${serial}`,
              constructionPermitDate: addDays(item.on, -5),
              actualStartDate: item.on,
            },
            comment: '已取得施工许可，申请开工',
          })
        : await this.workflow.requestTransition(owner, item.projectId, {
            to: 'complete',
            evidence: { acceptanceDate: item.on },
            comment: '已通过竣工验收，申请建成投用',
          });
    await this.workflow.decide(reviewer, (request as { id: string }).id, 'approve', item.kind === 'start' ? '同意开工' : '同意建成投用');
  }
}

/**
 * One transaction per unit, as each unit's owner fills in its own grid, several at once: their projects are disjoint,
 * and the load waits on round trips far more than on PostgreSQL's work.
 */
async function byUnit<T extends { unitId: string }>(items: T[], work: (unitItems: T[]) => Promise<unknown>): Promise<void> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    groups.set(item.unitId, [...(groups.get(item.unitId) ?? []), item]);
  }
  const queue = [...groups.values()];
  const runners = Array.from({ length: Math.min(PARALLEL_UNITS, queue.length) }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await work(next);
  });
  // Every runner settles before a failure is thrown: the caller clears up after it, and nothing may still be writing.
  const failed = (await Promise.allSettled(runners)).find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}
