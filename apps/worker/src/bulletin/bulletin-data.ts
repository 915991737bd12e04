/**
 * What a month's 调度通报 says, gathered once from the figures (the summary, rankings and per-project lights) and
 * rendered twice: the Word document leaders read and the Excel annex staff reuse. Amounts are 万元 as decimal
 * strings (exact, as PostgreSQL sums them); rates are percentages with two decimals; null where a rate has no
 * denominator.
 */
export interface BulletinFigures {
  projectCount: number;
  plannedInvestment: string;
  originalPlannedInvestment: string;
  completedYtd: string;
  completionRate: number | null;
  /** Against the original plan (年初计划), so an adjustment cannot hide slippage. */
  completionRateOriginal: number | null;
  scheduleRate: number;
  gapPoints: number | null;
  startsPlannedToDate: number;
  startedToDate: number;
  startRateToDate: number | null;
  startsPlannedYear: number;
  startedYear: number;
  startRateYear: number | null;
  completionsPlannedYear: number;
  completedYear: number;
  completionRateYear: number | null;
  /** Projects per investment light (投资进度; the start and registration lights are in each project's reasons). */
  lights: { green: number; yellow: number; red: number };
}

/** The district's figures, with the 总投资 of its projects (those with a plan for the year that state it). */
export interface DistrictFigures extends BulletinFigures {
  totalInvestment: string;
}

export interface BulletinRow extends BulletinFigures {
  key: string;
  label: string;
}

export interface BulletinRanking {
  rank: number;
  unit: string;
  completionRate: number;
  plannedInvestment: string;
  completedYtd: string;
}

export interface BulletinProjectBehind {
  name: string;
  unit: string;
  plannedInvestment: string;
  completedYtd: string;
  completionRate: number | null;
  gapPoints: number | null;
  /** The investment light. */
  light: 'yellow' | 'red';
  /** Every reason of the project's lights (investment, start, registration), worst first. */
  reasons: string[];
}

export interface BulletinLateReport {
  name: string;
  unit: string;
  /** When it came in, or null while still missing. */
  submittedOn: string | null;
}

export interface BulletinAdjustment {
  name: string;
  unit: string;
  originalInvestment: string;
  plannedInvestment: string;
  reason: string | null;
}

/** A row of the month's 问题清单 figures: raised (新增) and closed (销号) in the month, not closed and overdue at its end. */
export interface BulletinProblemRow {
  key: string;
  label: string;
  opened: number;
  closed: number;
  openAtEnd: number;
  overdueAtEnd: number;
}

export interface BulletinOverdueProblem {
  title: string;
  projectName: string;
  category: string;
  /** The unit it is assigned to (交办单位). */
  unitName: string;
  dueDate: string;
  overdueDays: number;
}

export interface BulletinSupervisionNotice {
  /** 督办〔2026〕3号 */
  number: string;
  problemTitle: string;
  projectName: string;
  unitName: string;
  issuedOn: string;
  replyBy: string;
}

/**
 * The month's problems (问题清单) and 督办: counted as GET /api/problems reads them, open and overdue as on `asOf` (the
 * month's last day, or the day it was generated while the month runs).
 */
export interface BulletinProblems {
  from: string;
  asOf: string;
  total: BulletinProblemRow;
  /** Every category, in the district's order. */
  byCategory: BulletinProblemRow[];
  /** Each unit problems are assigned to (and 未交办 for those not yet assigned) that has a figure this month. */
  byUnit: BulletinProblemRow[];
  /** Not closed and overdue at `asOf`, most days first. */
  overdue: BulletinOverdueProblem[];
  notices: BulletinSupervisionNotice[];
}

/** 前期手续办结率 of the projects in preparation, as GET /api/prework/summary counts them when the bulletin is generated. */
export interface BulletinPreworkRow {
  label: string;
  projects: number;
  required: number;
  done: number;
  notApplicable: number;
  rate: number | null;
}

export interface BulletinPrework {
  district: BulletinPreworkRow;
  byUnit: BulletinPreworkRow[];
}

export interface BulletinData {
  /** YYYY-MM */
  month: string;
  year: number;
  monthNo: number;
  /** The calendar date it was generated on, in APP_TIMEZONE. */
  generatedOn: string;
  district: DistrictFigures;
  /** Projects still in preparation (前期) and under construction (在建). */
  inPreparation: number;
  underConstruction: number;
  byInvestmentType: BulletinRow[];
  byChapter: BulletinRow[];
  rankingDefinition: string;
  ranked: BulletinRanking[];
  unranked: string[];
  behind: BulletinProjectBehind[];
  lateReports: BulletinLateReport[];
  adjustments: BulletinAdjustment[];
  problems: BulletinProblems;
  prework: BulletinPrework;
}
