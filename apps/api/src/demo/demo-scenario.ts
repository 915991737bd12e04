import { addDays, type CalendarDate, monthOfDate, PLAN_YEARS, reportDueOn } from '@qj/domain';
import type { DemoProject } from '@qj/persistence';

/** One thing a person did on a day of the demo history; the loader replays them in date order through the services. */
export type DemoAction =
  | {
      kind: 'plan';
      on: CalendarDate;
      projectId: string;
      unitId: string;
      plannedInvestment: string;
      plannedStartMonth: number | null;
      plannedCompletionMonth: number | null;
      reason: string | null;
    }
  | { kind: 'facts'; on: CalendarDate; projectId: string; unitId: string; totalInvestment: string; registeredOn: CalendarDate | null }
  /** Done on its day, or (with a forecast) a new forecast date. */
  | { kind: 'milestone'; on: CalendarDate; projectId: string; unitId: string; code: string; forecastDate?: CalendarDate }
  | { kind: 'start'; on: CalendarDate; projectId: string; unitId: string }
  | { kind: 'complete'; on: CalendarDate; projectId: string; unitId: string }
  | { kind: 'report'; on: CalendarDate; projectId: string; unitId: string; month: string; completedInvestment: string; progress: string; problems: string };

export interface DemoScenario {
  year: number;
  /** The last month reported: the one before today's. */
  lastMonth: number;
  actions: DemoAction[];
}

/** A small seeded PRNG (mulberry32): the same seed gives the same history, so a demo and its test are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (year: number, month: number, day: number): CalendarDate => `${year}-${pad(month)}-${pad(day)}`;
/** 万元 from 分, as the API's exact decimal strings. */
const amount = (fen: number) => `${Math.floor(fen / 100)}.${pad(fen % 100)}`;

const PROGRESS = ['按计划推进，完成当月形象进度', '主体工程施工中', '完成场地平整和临时设施', '前期手续办理中', '设备采购和安装有序推进'];
const PROBLEMS = ['征地拆迁进度滞后', '建设资金到位不足', '施工许可办理中，等待审批', '雨季影响施工进度'];

/**
 * The year so far of a district in the monthly 调度 (pure and seeded): the DRC issues the annual plans in January and
 * adjusts a few in July (中期调整); owners report every month (most on time, some late, the last month's stragglers
 * not yet), at a pace that puts most projects near 序时进度 and some behind (the lights); projects planned to start
 * this year get their approvals and most of them start by an approved request, most get registered for statistics
 * (入库纳统); a few under construction complete; some projects in preparation move their milestones.
 */
export function demoScenario(projects: readonly DemoProject[], today: CalendarDate, dueDay: number, seed: number): DemoScenario {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const year = Math.min(Math.max(Number(today.slice(0, 4)), PLAN_YEARS.from), PLAN_YEARS.to);
  const todayMonth = Number(monthOfDate(today).slice(5, 7));
  const lastMonth = Number(today.slice(0, 4)) > year ? 12 : todayMonth - 1;
  const notAfterToday = (date: CalendarDate) => date <= today;
  const actions: DemoAction[] = [];
  const issuedOn = dayOf(year, 1, 12);
  if (!notAfterToday(issuedOn)) return { year, lastMonth, actions };

  for (const project of projects) {
    if (random() < 0.12) continue; // no plan this year: not in the monthly 调度
    const has = (code: string) => project.milestones.some((m) => m.code === code);
    const underway = project.stage === 'start';
    const toStart = !underway && project.stage === 'study' && project.target !== 'study' && has('groundbreaking') && random() < 0.3;
    const startMonth = toStart ? between(2, 11) : null;
    const completes = underway && project.target === 'complete' && has('acceptance') && lastMonth >= 8 && random() < 0.5;
    const completionMonth = completes ? between(7, lastMonth) : null;
    const planFen = underway || toStart ? between(3_000, 40_000) * 100 * 100 : between(100, 1_500) * 100 * 100;
    actions.push({
      kind: 'plan',
      on: issuedOn,
      projectId: project.id,
      unitId: project.unitId,
      plannedInvestment: amount(planFen),
      plannedStartMonth: startMonth,
      plannedCompletionMonth: completionMonth,
      reason: null,
    });
    if (lastMonth >= 7 && random() < 0.06) {
      actions.push({
        kind: 'plan',
        on: dayOf(year, 7, 15),
        projectId: project.id,
        unitId: project.unitId,
        plannedInvestment: amount(Math.round((planFen * pick([0.8, 0.9, 1.15])) / 100) * 100),
        plannedStartMonth: startMonth,
        plannedCompletionMonth: completionMonth,
        reason: '中期调整：根据项目实际进展和资金到位情况调整年度计划',
      });
    }
    const totalFen = planFen * between(3, 8);
    const unitId = project.unitId;

    // When (and whether) the project started this year: most of those planned to, in their month or the next.
    let startedOn: CalendarDate | null = null;
    if (startMonth !== null && random() < 0.78) {
      const month = startMonth + (random() < 0.3 ? 1 : 0);
      const on = dayOf(year, month, between(5, 25));
      if (month <= lastMonth && notAfterToday(on)) startedOn = on;
    }
    if (startedOn) {
      // The approvals of the project's type come first (开工 needs them all), months before the start, in their order;
      // the permit is the request's evidence.
      const codes = project.milestones.filter((m) => m.kind === 'approval' && m.status === 'pending' && m.code !== 'construction_permit').map((m) => m.code);
      const start: CalendarDate = startedOn;
      codes.forEach((code, index) => {
        const on = addDays(start, -between(25, 40) * (codes.length - index));
        actions.push({ kind: 'milestone', on: on < issuedOn ? addDays(issuedOn, index + 1) : on, projectId: project.id, unitId, code });
      });
      actions.push({ kind: 'start', on: startedOn, projectId: project.id, unitId });
      if (random() < 0.85) {
        const registeredOn = addDays(startedOn, between(10, 40));
        if (notAfterToday(registeredOn))
          actions.push({ kind: 'facts', on: registeredOn, projectId: project.id, unitId, totalInvestment: amount(totalFen), registeredOn });
      }
    } else if (underway) {
      actions.push({
        kind: 'facts',
        on: addDays(issuedOn, 3),
        projectId: project.id,
        unitId,
        totalInvestment: amount(totalFen),
        registeredOn: `${year - 1}-06-30`,
      });
    } else if (random() < 0.45) {
      // Preliminary work: the proposal approved this year, and for some the feasibility study forecast, a few slipping.
      const on = dayOf(year, between(2, Math.max(2, lastMonth)), between(3, 26));
      if (has('proposal') && notAfterToday(on)) actions.push({ kind: 'milestone', on, projectId: project.id, unitId, code: 'proposal' });
      const feasibility = project.milestones.find((m) => m.code === 'feasibility_approval');
      if (feasibility?.baselineDate && random() < 0.4 && notAfterToday(addDays(on, 20))) {
        const slip = random() < 0.35 ? between(45, 160) : between(-20, 20);
        actions.push({
          kind: 'milestone',
          on: addDays(on, 20),
          projectId: project.id,
          unitId,
          code: 'feasibility_approval',
          forecastDate: addDays(feasibility.baselineDate, slip),
        });
      }
    }
    let completedOn: CalendarDate | null = null;
    if (completionMonth !== null) {
      const on = dayOf(year, completionMonth, between(8, 26));
      if (notAfterToday(on)) {
        actions.push({ kind: 'milestone', on: addDays(on, -20), projectId: project.id, unitId, code: 'main_works_done' });
        actions.push({ kind: 'complete', on, projectId: project.id, unitId });
        completedOn = on;
      }
    }

    // The pace of its investment against the plan: most near 序时进度, some 10–30 points behind, a few further.
    const roll = random();
    const pace =
      startMonth !== null && !startedOn
        ? 0.25 + random() * 0.3
        : roll < 0.62
          ? 0.92 + random() * 0.16
          : roll < 0.88
            ? 0.66 + random() * 0.2
            : 0.3 + random() * 0.3;
    const behind = pace < 0.88;
    for (let month = 1; month <= lastMonth; month += 1) {
      const reportMonth = `${year}-${pad(month)}`;
      if (completedOn && reportMonth > monthOfDate(completedOn)) break;
      const due = reportDueOn(reportMonth, dueDay);
      const lateness = random();
      const submitOn = lateness < 0.86 ? addDays(due, -between(0, 4)) : addDays(due, between(1, 12));
      // The last month's stragglers have not reported yet: their report is simply missing today.
      if (!notAfterToday(submitOn) || (month === lastMonth && random() < 0.04)) continue;
      const fen = Math.round(((planFen / 12) * pace * (0.85 + random() * 0.3)) / 100) * 100;
      actions.push({
        kind: 'report',
        on: submitOn,
        projectId: project.id,
        unitId,
        month: reportMonth,
        completedInvestment: amount(fen),
        progress: pick(PROGRESS),
        problems: behind && random() < 0.6 ? pick(PROBLEMS) : '',
      });
    }
  }
  // Replayed in date order; on one day, a project's milestones before its stage change before its facts.
  const order: Record<DemoAction['kind'], number> = { plan: 0, milestone: 1, start: 2, complete: 3, facts: 4, report: 5 };
  actions.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : order[a.kind] - order[b.kind]));
  return { year, lastMonth, actions };
}
