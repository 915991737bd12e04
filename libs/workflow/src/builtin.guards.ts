import type { ChecklistItem, GuardFn, GuardOutcome, GuardRegistry, MilestoneFact } from './workflow.types';

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

/**
 * The milestones a `milestonesSettled` guard requires: the listed ones, or with `approvalsOfType` the approvals the
 * project's type requires, in path order — the listed ones only when the project tracks no approval (fails closed).
 */
function requiredRefs(params: { milestones?: readonly string[]; approvalsOfType?: boolean } | undefined, milestones: readonly MilestoneFact[]): string[] {
  const approvals = params?.approvalsOfType ? milestones.filter((m) => m.approval && m.code).map((m) => m.code as string) : [];
  return approvals.length ? approvals : asStringList(params?.milestones);
}

/**
 * Every required milestone the project tracks is settled: done, marked 不适用, or marked done by this transition's own
 * evidence (`completesMilestones`, the date present). A milestone the project does not track is not required: its
 * path (seeded from its 2030 target) never had it. The checklist says where each one stands.
 */
export const milestonesSettled: GuardFn<{ milestones: readonly string[]; approvalsOfType?: boolean }> = (params, { snapshot, transition, command }) => {
  const evidence = (command.evidence ?? {}) as Record<string, unknown>;
  const checklist: ChecklistItem[] = requiredRefs(params, snapshot.milestones).map((ref) => {
    const milestone = findMilestone(snapshot.milestones, ref);
    if (!milestone) return { milestone: ref, name: ref, state: 'untracked' };
    const item = { milestone: milestone.code ?? ref, name: milestone.name ?? ref };
    if (milestone.done) return { ...item, state: 'done' };
    if (milestone.notApplicable) return { ...item, state: 'not_applicable' };
    const rule = transition.completesMilestones?.find((c) => c.milestone === milestone.code || c.milestone === milestone.name);
    if (!rule) return { ...item, state: 'pending' };
    return { ...item, state: rule.evidence.some((field) => isPresent(evidence[field])) ? 'by_evidence' : 'needs_evidence', evidence: rule.evidence };
  });
  const unsettled = checklist.filter((item) => item.state === 'pending' || item.state === 'needs_evidence');
  if (unsettled.length === 0) return { ok: true, checklist };
  const detail = unsettled.map((item) => (item.state === 'pending' ? `${item.name}（未完成，也未标记不适用）` : `${item.name}（须填写其完成日期）`)).join('、');
  return { ok: false, detail: `前置里程碑未办结：${detail}`, missing: unsettled.map((item) => item.milestone), checklist };
};

export const evidencePresent: GuardFn<{ fields: readonly string[] }> = (params, { command }) => {
  const evidence = (command.evidence ?? {}) as Record<string, unknown>;
  const missing = asStringList(params?.fields).filter((field) => !isPresent(evidence[field]));
  return missing.length === 0 ? PASS : { ok: false, detail: `缺少材料：${missing.join('、')}`, missing };
};

export const reasonPresent: GuardFn = (_params, { command }) => (isPresent(command.reason) ? PASS : { ok: false, detail: '须填写原因', missing: ['reason'] });

/** Guards every definition can use; extend with `{ ...builtinGuards, myGuard }`. */
export const builtinGuards: GuardRegistry = { milestonesDone, milestonesSettled, evidencePresent, reasonPresent };
