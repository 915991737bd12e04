import { isCalendarDate } from '@qj/domain';
import { builtinGuards, isPresent } from './builtin.guards';
import type { GuardFn, GuardRegistry } from './workflow.types';

export interface EvidenceDatesParams {
  readonly fields: readonly string[];
  /** Reject dates after today: an "actual start date" cannot be in the future. */
  readonly notAfterToday?: boolean;
}

/**
 * Present date fields must be real `YYYY-MM-DD` dates (2026-02-30 is refused) and, optionally, not
 * after the command's today (the plan's day in APP_TIMEZONE). Absent fields are left to `requiredEvidence`, so nothing is reported twice.
 */
export const evidenceDates: GuardFn<EvidenceDatesParams> = (params, { command, definition }) => {
  const evidence = (command.evidence ?? {}) as Record<string, unknown>;
  const labels = (definition.evidenceLabels ?? {}) as Record<string, { zh: string } | undefined>;
  const label = (field: string) => labels[field]?.zh ?? field;
  const { today } = command;
  const invalid: string[] = [];
  const future: string[] = [];
  for (const field of params.fields ?? []) {
    const value = evidence[field];
    if (!isPresent(value)) continue;
    if (typeof value !== 'string' || !isCalendarDate(value)) invalid.push(field);
    else if (params.notAfterToday && value > today) future.push(field);
  }
  if (invalid.length === 0 && future.length === 0) return { ok: true };
  const details = [
    ...(invalid.length > 0 ? [`日期无效（应为 YYYY-MM-DD）：${invalid.map(label).join('、')}`] : []),
    ...(future.length > 0 ? [`日期晚于今天（${today}）：${future.map(label).join('、')}`] : []),
  ];
  return { ok: false, detail: details.join('；'), missing: [...invalid, ...future] };
};

/** The project workflow's guard kinds: the built-ins plus date checks on evidence. */
export const projectGuards: GuardRegistry = { ...builtinGuards, evidenceDates };
