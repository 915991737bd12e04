import type { GuardFn, GuardOutcome, GuardRegistry, MilestoneFact } from './workflow.types';

const PASS: GuardOutcome = { ok: true };

/** A value counts as present unless null, undefined or blank text. */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  return typeof value !== 'string' || value.trim().length > 0;
}

function asStringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function findMilestone(milestones: readonly MilestoneFact[], ref: string): MilestoneFact | undefined {
  return milestones.find((m) => m.code === ref || m.name === ref);
}

/** Every listed milestone exists and is done; a missing milestone fails closed. */
export const milestonesDone: GuardFn<{ milestones: readonly string[] }> = (params, { snapshot }) => {
  const refs = asStringList(params?.milestones);
  const missing = refs.filter((ref) => !findMilestone(snapshot.milestones, ref)?.done);
  if (missing.length === 0) return PASS;
  const names = missing.map((ref) => findMilestone(snapshot.milestones, ref)?.name ?? ref);
  return { ok: false, detail: `里程碑未完成：${names.join('、')}`, missing };
};

export const evidencePresent: GuardFn<{ fields: readonly string[] }> = (params, { command }) => {
  const evidence = (command.evidence ?? {}) as Record<string, unknown>;
  const missing = asStringList(params?.fields).filter((field) => !isPresent(evidence[field]));
  return missing.length === 0 ? PASS : { ok: false, detail: `缺少材料：${missing.join('、')}`, missing };
};

export const reasonPresent: GuardFn = (_params, { command }) =>
  isPresent(command.reason) ? PASS : { ok: false, detail: '须填写原因', missing: ['reason'] };

/** Guards every definition can use; extend with `{ ...builtinGuards, myGuard }`. */
export const builtinGuards: GuardRegistry = { milestonesDone, evidencePresent, reasonPresent };
