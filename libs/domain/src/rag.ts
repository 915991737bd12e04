import { diffDays, parseCalendarDate, type CalendarDate } from './calendar-date';
import { PLAN_END, targetMilestoneCode } from './milestone-templates';
import { isActiveStatus, overdueDays } from './rules';
import type { ProjectStatus, Stage } from './stage';

/**
 * RAG (红黄绿灯) rules. Each bound is exclusive — "more than N days" — so with the defaults a
 * milestone exactly 30 days overdue is amber and 31 days is red.
 */
export interface RagRules {
  /** Overdue by more than this many days → at least amber. 0: any overdue milestone. */
  readonly amberOverdueDays: number;
  /** Overdue by more than this many days → red. */
  readonly redOverdueDays: number;
  /** Forecast later than baseline by more than this many days → at least amber. */
  readonly forecastSlipDays: number;
  /** The plan's deadline: the target milestone forecast after it → red. */
  readonly targetDeadline: CalendarDate;
}

export const DEFAULT_RAG_RULES: RagRules = {
  amberOverdueDays: 0,
  redOverdueDays: 30,
  forecastSlipDays: 30,
  targetDeadline: PLAN_END,
};

export interface RagMilestone {
  readonly code: string;
  /** Enables the "a prerequisite of the target milestone is already past the deadline" check. */
  readonly sortOrder?: number;
  readonly baselineDate: CalendarDate | null;
  readonly forecastDate?: CalendarDate | null;
  /** Done or marked 不适用: settled, so no rule looks at it. */
  readonly done: boolean;
}

export interface RagInput {
  /** Today in APP_TIMEZONE (the Clock's `today()`); never slice a UTC ISO string for this. */
  readonly today: CalendarDate;
  readonly milestones: readonly RagMilestone[];
  /** The project's 2030 target; without one the deadline rule is skipped. */
  readonly target?: Stage | null;
  /** The project's status: a completed or cancelled project has no schedule left to miss (green, no reasons). */
  readonly status?: ProjectStatus;
}

export type RagLevel = 'green' | 'amber' | 'red';
export type RagReasonCode = 'milestone_overdue' | 'forecast_slip' | 'target_out_of_reach';

export interface RagReason {
  readonly code: RagReasonCode;
  readonly level: Exclude<RagLevel, 'green'>;
  readonly milestone: string;
  /** Days overdue, days of slip, or days past the deadline. */
  readonly days: number;
}

export interface RagResult {
  readonly rag: RagLevel;
  /** Every rule that fired, worst first, so the UI can say why; empty when green. */
  readonly reasons: readonly RagReason[];
  /** Pending milestones whose forecast (or baseline) is before today, even below the amber bound. */
  readonly overdueCount: number;
  readonly maxOverdueDays: number;
}

function resolveRules(overrides: Partial<RagRules>): RagRules {
  const rules = { ...DEFAULT_RAG_RULES, ...overrides };
  for (const key of ['amberOverdueDays', 'redOverdueDays', 'forecastSlipDays'] as const) {
    if (!Number.isInteger(rules[key]) || rules[key] < 0) throw new RangeError(`${key} must be a non-negative integer`);
  }
  if (rules.amberOverdueDays > rules.redOverdueDays) throw new RangeError('amberOverdueDays must not exceed redOverdueDays');
  parseCalendarDate(rules.targetDeadline);
  return rules;
}

const LEVEL_RANK: Record<RagLevel, number> = { green: 0, amber: 1, red: 2 };

/**
 * A project's RAG status from its milestones. Only pending milestones count: a milestone finished
 * late is history, and keeping the project amber for it forever would hide today's problems.
 *
 * - overdue: pending and its forecast (or, lacking one, baseline) is before today; amber past
 *   `amberOverdueDays`, red past `redOverdueDays`. A later forecast thus stops a milestone from
 *   counting as overdue, but then shows up as a slip.
 * - forecast slip: forecast more than `forecastSlipDays` after baseline → amber (earlier is fine).
 * - target out of reach: the pending milestone that realises the target (or one that must come
 *   before it, when sortOrder is given) is forecast (or baselined) after `targetDeadline` → red.
 */
export function computeRag(input: RagInput, ruleOverrides: Partial<RagRules> = {}): RagResult {
  const rules = resolveRules(ruleOverrides);
  const today = parseCalendarDate(input.today);
  const status = input.status ?? 'study';
  if (!isActiveStatus(status)) return { rag: 'green', reasons: [], overdueCount: 0, maxOverdueDays: 0 };
  const pending = input.milestones.filter((m) => !m.done);
  const reasons: RagReason[] = [];
  let overdueCount = 0;
  let maxOverdueDays = 0;

  for (const m of pending) {
    const days = overdueDays({ ...m, status: 'pending' }, status, today);
    if (days > 0) {
      overdueCount += 1;
      maxOverdueDays = Math.max(maxOverdueDays, days);
      const level = days > rules.redOverdueDays ? 'red' : days > rules.amberOverdueDays ? 'amber' : null;
      if (level) reasons.push({ code: 'milestone_overdue', level, milestone: m.code, days });
    }
    if (m.forecastDate && m.baselineDate) {
      const slip = diffDays(m.forecastDate, m.baselineDate);
      if (slip > rules.forecastSlipDays) reasons.push({ code: 'forecast_slip', level: 'amber', milestone: m.code, days: slip });
    }
  }

  if (input.target) {
    const targetCode = targetMilestoneCode(input.target);
    const targetMilestone = pending.find((m) => m.code === targetCode);
    if (targetMilestone) {
      const gate = targetMilestone.sortOrder;
      const atRisk = pending.filter((m) => m === targetMilestone || (gate !== undefined && m.sortOrder !== undefined && m.sortOrder < gate));
      for (const m of atRisk) {
        const effective = m.forecastDate ?? m.baselineDate;
        const late = effective ? diffDays(effective, rules.targetDeadline) : 0;
        if (late > 0) reasons.push({ code: 'target_out_of_reach', level: 'red', milestone: m.code, days: late });
      }
    }
  }

  reasons.sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || b.days - a.days || a.milestone.localeCompare(b.milestone));
  const rag = reasons.reduce<RagLevel>((worst, r) => (LEVEL_RANK[r.level] > LEVEL_RANK[worst] ? r.level : worst), 'green');
  return { rag, reasons, overdueCount, maxOverdueDays };
}
