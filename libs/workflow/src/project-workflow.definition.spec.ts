import type { ProjectStatus } from '@qj/domain';
import { defaultBaselines } from '@qj/domain';
import type { ProjectEvidence } from './project-workflow.definition';
import { projectWorkflowEngine as engine, projectWorkflowEngineFor } from './project-workflow.engine';
import type { Accepted, Actor, Refusal, WorkflowCommand, WorkflowSnapshot } from './workflow.types';

const owner: Actor = { id: 'u-owner', roles: ['owner'] };
const reviewer: Actor = { id: 'u-reviewer', roles: ['reviewer'] };
const reviewer2: Actor = { id: 'u-reviewer-2', roles: ['reviewer'] };
const admin: Actor = { id: 'u-admin', roles: ['admin'] };
const viewer: Actor = { id: 'u-viewer', roles: ['viewer'] };
const now = new Date('2026-11-26T02:00:00Z'); // 2026-11-26 10:00 in Chongqing
const today = '2026-11-26';

const startEvidence: ProjectEvidence = {
  approvalDocNo: '綦发改投〔2026〕88号',
  approvalDate: '2026-06-01',
  constructionPermitNo: '500222202611260101',
  actualStartDate: '2026-11-20',
};

/** Milestones as the API would load them: the default template, done flags by code. */
function milestones(done: string[] = [], notApplicable: string[] = []) {
  return defaultBaselines('complete').map((m) => ({
    code: m.code,
    name: m.name.zh,
    done: done.includes(m.code),
    notApplicable: notApplicable.includes(m.code),
  }));
}

function snapshot(state: ProjectStatus, extra: Partial<WorkflowSnapshot<ProjectStatus>> = {}): WorkflowSnapshot<ProjectStatus> {
  return { id: 'p-1', state, previousState: null, version: 3, milestones: milestones(), ...extra };
}

function command(
  kind: WorkflowCommand<ProjectStatus, ProjectEvidence>['kind'],
  to: ProjectStatus,
  actor: Actor,
  extra: Partial<WorkflowCommand<ProjectStatus, ProjectEvidence>> = {},
): WorkflowCommand<ProjectStatus, ProjectEvidence> {
  return { kind, to, actor, now, today, ...extra };
}

function accepted(decision: ReturnType<typeof engine.decide>): Accepted<ProjectStatus> {
  if (!decision.ok) throw new Error(`refused: ${decision.code} ${decision.message}`);
  return decision;
}

function refused(decision: ReturnType<typeof engine.decide>): Refusal<ProjectStatus> {
  if (decision.ok) throw new Error(`accepted: ${decision.from} → ${decision.state}`);
  return decision;
}

const permitDoneCodes = ['proposal', 'feasibility_approval', 'preliminary_design_approval', 'construction_permit'];
const permitDone = milestones(permitDoneCodes);

describe('project workflow: the happy path', () => {
  it('study → start: owner requests, a reviewer approves', () => {
    const snap = snapshot('study', { milestones: permitDone });
    const request = accepted(engine.decide(snap, command('request', 'start', owner, { evidence: startEvidence, comment: '已取得施工许可' })));
    expect(request).toMatchObject({ state: 'study', changed: false, version: 3, transitionId: 'begin_construction' });
    expect(request.events).toHaveLength(1);
    expect(request.events[0]).toMatchObject({
      name: 'project.transition_requested',
      aggregateId: 'p-1',
      aggregateVersion: 3,
      occurredAt: '2026-11-26T02:00:00.000Z',
      actorId: 'u-owner',
      payload: { from: 'study', to: 'start', transitionId: 'begin_construction', requestedBy: 'u-owner', comment: '已取得施工许可', evidence: startEvidence },
    });

    expect(engine.canApprove({ transitionId: 'begin_construction', requestedBy: owner.id }, reviewer)).toEqual({ ok: true });
    const applied = accepted(engine.decide(snap, command('apply', 'start', reviewer, { evidence: startEvidence, requestedBy: owner.id })));
    expect(applied).toMatchObject({ from: 'study', state: 'start', previousState: null, version: 4, changed: true });
    expect(applied.events.map((e) => e.name)).toEqual(['project.stage_changed']);
    expect(applied.events[0].payload).toMatchObject({
      workflowId: 'project',
      workflowVersion: engine.definition.version,
      requestedBy: 'u-owner',
      kind: 'apply',
    });
    // The evidence's start date is 开工's actual date; 施工许可 was already done, so it keeps its own.
    expect(applied.completions).toEqual([{ milestone: 'groundbreaking', date: '2026-11-20', evidenceField: 'actualStartDate', documentNo: null }]);
    // A request completes nothing: only the approval does.
    expect(request.completions).toEqual([]);
  });

  it('study → start with 施工许可 still open: the permit date in the evidence completes it', () => {
    const snap = snapshot('study', { milestones: milestones(['proposal', 'feasibility_approval'], ['preliminary_design_approval']) });
    const withoutDate = refused(engine.decide(snap, command('request', 'start', owner, { evidence: startEvidence })));
    expect(withoutDate.failedGuards[0]).toMatchObject({
      guard: 'milestonesSettled',
      missing: ['construction_permit'],
      detail: '前置里程碑未办结：施工许可（须填写其完成日期）',
    });
    const evidence = { ...startEvidence, constructionPermitDate: '2026-11-10' };
    const applied = accepted(engine.decide(snap, command('apply', 'start', reviewer, { evidence, requestedBy: owner.id })));
    expect(applied.completions).toEqual([
      { milestone: 'construction_permit', date: '2026-11-10', evidenceField: 'constructionPermitDate', documentNo: '500222202611260101' },
      { milestone: 'groundbreaking', date: '2026-11-20', evidenceField: 'actualStartDate', documentNo: null },
    ]);
  });

  it('start → complete needs 主体完工 settled; approval completes 竣工验收 and 投入使用 on the acceptance date', () => {
    const snap = snapshot('start', { milestones: milestones([...permitDoneCodes, 'groundbreaking', 'main_works_done']) });
    const applied = accepted(
      engine.decide(snap, command('apply', 'complete', reviewer, { evidence: { acceptanceDate: '2026-11-25' }, requestedBy: owner.id })),
    );
    expect(applied.state).toBe('complete');
    expect(applied.events.map((e) => e.name)).toEqual(['project.stage_changed']);
    expect(applied.completions).toEqual([
      { milestone: 'acceptance', date: '2026-11-25', evidenceField: 'acceptanceDate', documentNo: null },
      { milestone: 'in_service', date: '2026-11-25', evidenceField: 'acceptanceDate', documentNo: null },
    ]);
    const open = refused(engine.decide(snapshot('start'), command('request', 'complete', owner, { evidence: { acceptanceDate: '2026-11-25' } })));
    expect(open.failedGuards[0]).toMatchObject({ guard: 'milestonesSettled', missing: ['main_works_done'] });
  });

  it('the checklist before the form: what is settled, what the form completes, what blocks', () => {
    const snap = snapshot('study', { milestones: milestones(['proposal'], ['feasibility_approval']) });
    const [begin] = engine.allowedTransitions(snap, owner).filter((t) => t.transitionId === 'begin_construction');
    const settled = begin.guards.find((g) => g.guard === 'milestonesSettled');
    expect(settled).toMatchObject({ ok: false });
    expect(settled?.checklist.map((item) => [item.milestone, item.state])).toEqual([
      ['proposal', 'done'],
      ['feasibility_approval', 'not_applicable'],
      ['preliminary_design_approval', 'pending'],
      ['construction_permit', 'needs_evidence'],
    ]);
    const ready = engine.allowedTransitions(
      snapshot('study', { milestones: milestones(['proposal', 'feasibility_approval', 'preliminary_design_approval']) }),
      owner,
    );
    expect(ready.find((t) => t.transitionId === 'begin_construction')?.guards.every((g) => g.ok)).toBe(true);
  });

  it('reject and withdraw: always possible while pending, only by whom they belong to', () => {
    const close = (verdict: 'reject' | 'withdraw', actor: Actor, transitionId = 'begin_construction') =>
      engine.closeRequest(snapshot('study'), { verdict, transitionId, to: 'start', requestedBy: owner.id, actor, comment: '材料不全', now });
    const rejected = accepted(close('reject', reviewer));
    expect(rejected).toMatchObject({ state: 'study', changed: false, completions: [] });
    expect(rejected.events[0]).toMatchObject({
      name: 'project.transition_rejected',
      payload: { kind: 'reject', to: 'start', comment: '材料不全', requestedBy: owner.id },
    });
    expect(accepted(close('withdraw', owner)).events[0].name).toBe('transition.withdrawn');
    expect(refused(close('withdraw', reviewer)).code).toBe('not_requester');
    expect(refused(close('reject', owner)).code).toBe('own_request');
    expect(refused(close('reject', admin)).code).toBe('forbidden');
    // A transition a later release removed is still rejected by the definition's approvers.
    expect(accepted(close('reject', reviewer, 'removed_in_a_later_release')).ok).toBe(true);
  });

  it('a request filed under version 1 is decided by version 1', () => {
    const v1 = projectWorkflowEngineFor(1);
    expect(v1?.definition.version).toBe(1);
    const onlyPermit = snapshot('study', { milestones: milestones(['construction_permit']) });
    const applied = accepted((v1 as typeof engine).decide(onlyPermit, command('apply', 'start', reviewer, { evidence: startEvidence, requestedBy: owner.id })));
    expect(applied).toMatchObject({ state: 'start', completions: [] });
    expect(applied.events[0].payload.workflowVersion).toBe(1);
    expect(engine.decide(onlyPermit, command('apply', 'start', reviewer, { evidence: startEvidence, requestedBy: owner.id })).ok).toBe(false);
    expect(projectWorkflowEngineFor(99)).toBeUndefined();
  });

  it.each(['study', 'start'] as const)('%s → on_hold → back to %s', (stage) => {
    const held = accepted(engine.decide(snapshot(stage), command('apply', 'on_hold', reviewer, { reason: '资金未落实', requestedBy: owner.id })));
    expect(held).toMatchObject({ state: 'on_hold', previousState: stage });
    expect(held.events.map((e) => e.name)).toEqual(['project.put_on_hold']);
    expect(held.events[0].payload.reason).toBe('资金未落实');

    const heldSnap = snapshot('on_hold', { previousState: stage, version: held.version });
    expect(engine.allowedTransitions(heldSnap, owner).map((a) => [a.transitionId, a.to])).toEqual([['resume', stage]]);
    const resumed = accepted(engine.decide(heldSnap, command('apply', stage, reviewer, { requestedBy: owner.id })));
    expect(resumed).toMatchObject({ state: stage, previousState: null, transitionId: 'resume' });
    expect(resumed.events.map((e) => e.name)).toEqual(['project.resumed']);
  });

  it('cancels from study or start with a reason', () => {
    const cancelled = accepted(engine.decide(snapshot('start'), command('apply', 'cancelled', reviewer2, { reason: '规划调整', requestedBy: reviewer.id })));
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.events.map((e) => e.name)).toEqual(['project.cancelled']);
  });

  it('lists what each role may do', () => {
    const snap = snapshot('study');
    expect(engine.allowedTransitions(snap, owner).map((a) => `${a.transitionId}:${a.canRequest}/${a.canApprove}`)).toEqual([
      'begin_construction:true/false',
      'hold:true/false',
      'cancel:true/false',
    ]);
    expect(engine.allowedTransitions(snap, reviewer).map((a) => `${a.transitionId}:${a.canRequest}/${a.canApprove}`)).toEqual([
      'begin_construction:false/true',
      'hold:true/true',
      'cancel:true/true',
    ]);
    expect(engine.allowedTransitions(snap, viewer)).toEqual([]);
    expect(engine.allowedTransitions(snap, owner)[0]).toMatchObject({
      to: 'start',
      requiresApproval: true,
      approverRoles: ['reviewer'],
      requiredEvidence: ['approvalDocNo', 'approvalDate', 'constructionPermitNo', 'actualStartDate'],
      requiresReason: false,
    });
    expect(engine.overrideTargets(snap, admin)).toEqual(['start', 'complete', 'on_hold', 'cancelled']);
    expect(engine.overrideTargets(snap, owner)).toEqual([]);
  });
});

describe('project workflow: refusals', () => {
  it('transition_not_allowed: no skipping study → complete, and lists what is allowed', () => {
    const refusal = refused(engine.decide(snapshot('study'), command('request', 'complete', owner)));
    expect(refusal).toMatchObject({ code: 'transition_not_allowed', currentState: 'study', previousState: null, transitionId: null });
    expect(refusal.message).toBe('不能从「前期研究」变更为「建成投用」');
    expect(refusal.allowed.map((a) => a.to)).toEqual(['start', 'on_hold', 'cancelled']);
  });

  it('transition_not_allowed: no going back, no staying put, no resume to another stage', () => {
    expect(refused(engine.decide(snapshot('start'), command('request', 'study', owner))).code).toBe('transition_not_allowed');
    expect(refused(engine.decide(snapshot('start'), command('request', 'start', owner))).code).toBe('transition_not_allowed');
    expect(refused(engine.decide(snapshot('on_hold', { previousState: 'study' }), command('request', 'start', owner))).code).toBe('transition_not_allowed');
    expect(refused(engine.decide(snapshot('on_hold', { previousState: 'study' }), command('request', 'cancelled', owner))).code).toBe('transition_not_allowed');
    // A held project that lost its previous state can only be fixed by an admin.
    const orphan = snapshot('on_hold', { previousState: null });
    expect(engine.allowedTransitions(orphan, owner)).toEqual([]);
    expect(refused(engine.decide(orphan, command('request', 'study', owner))).code).toBe('transition_not_allowed');
    expect(accepted(engine.decide(orphan, command('override', 'study', admin, { reason: '数据修复' }))).state).toBe('study');
  });

  it('forbidden: wrong role to request, to apply without approval rights, to override', () => {
    expect(refused(engine.decide(snapshot('study'), command('request', 'on_hold', viewer, { reason: 'x' }))).code).toBe('forbidden');
    expect(refused(engine.decide(snapshot('study'), command('request', 'start', reviewer))).code).toBe('forbidden');
    const ownerApplies = refused(engine.decide(snapshot('study'), command('apply', 'on_hold', owner, { reason: 'x', requestedBy: 'u-other' })));
    expect(ownerApplies).toMatchObject({ code: 'forbidden', transitionId: 'hold' });
    expect(refused(engine.decide(snapshot('study'), command('override', 'complete', owner, { reason: 'x' }))).code).toBe('forbidden');
  });

  it('approval_required: an approval-gated transition cannot be applied without a request', () => {
    const refusal = refused(engine.decide(snapshot('study'), command('apply', 'on_hold', reviewer, { reason: '资金未落实' })));
    expect(refusal.code).toBe('approval_required');
  });

  it('own_request: nobody approves their own request', () => {
    const refusal = refused(engine.decide(snapshot('start'), command('apply', 'on_hold', reviewer, { reason: '资金未落实', requestedBy: reviewer.id })));
    expect(refusal).toMatchObject({ code: 'own_request', currentState: 'start' });
    expect(engine.canApprove({ transitionId: 'hold', requestedBy: reviewer.id }, reviewer)).toMatchObject({ ok: false, code: 'own_request' });
  });

  it('evidence_missing: names every missing field, and still reports failed guards', () => {
    const refusal = refused(
      engine.decide(snapshot('study'), command('request', 'start', owner, { evidence: { approvalDocNo: '  ', approvalDate: '2026-06-01' } })),
    );
    expect(refusal.code).toBe('evidence_missing');
    expect(refusal.missingEvidence).toEqual(['approvalDocNo', 'constructionPermitNo', 'actualStartDate']);
    expect(refusal.message).toBe('缺少材料：批复文号、施工许可证号、实际开工日期');
    expect(refusal.failedGuards).toEqual([
      expect.objectContaining({
        guard: 'milestonesSettled',
        missing: ['proposal', 'feasibility_approval', 'preliminary_design_approval', 'construction_permit'],
      }),
    ]);
  });

  it('guard_failed: earlier milestones neither done nor 不适用', () => {
    const refusal = refused(
      engine.decide(
        snapshot('study', { milestones: milestones(['proposal', 'construction_permit']) }),
        command('request', 'start', owner, { evidence: startEvidence }),
      ),
    );
    expect(refusal).toMatchObject({
      code: 'guard_failed',
      message: '前置里程碑未办结：可行性研究报告批复（未完成，也未标记不适用）、初步设计批复（未完成，也未标记不适用）',
      missingEvidence: [],
    });
  });

  it('a milestone the project does not track is not required of it', () => {
    expect(accepted(engine.decide(snapshot('study', { milestones: [] }), command('request', 'start', owner, { evidence: startEvidence }))).state).toBe('study');
  });

  it('guard_failed: impossible or future evidence dates', () => {
    const evidence = { ...startEvidence, approvalDate: '2026-02-30', actualStartDate: '2026-11-27' };
    const refusal = refused(engine.decide(snapshot('study', { milestones: permitDone }), command('request', 'start', owner, { evidence })));
    expect(refusal.code).toBe('guard_failed');
    expect(refusal.failedGuards).toEqual([
      {
        guard: 'evidenceDates',
        detail: '日期无效（应为 YYYY-MM-DD）：批复日期；日期晚于今天（2026-11-26）：实际开工日期',
        missing: ['approvalDate', 'actualStartDate'],
      },
    ]);
    // "Today" is the command's (the Clock's day in APP_TIMEZONE), not `now`'s UTC date: at 2026-11-26T16:30Z it is the 27th in Chongqing.
    const later = command('request', 'start', owner, {
      evidence: { ...startEvidence, actualStartDate: '2026-11-27' },
      now: new Date('2026-11-26T16:30:00Z'),
      today: '2026-11-27',
    });
    expect(engine.decide(snapshot('study', { milestones: permitDone }), later).ok).toBe(true);
  });

  it('reason_required: hold, cancel and override need a reason', () => {
    expect(refused(engine.decide(snapshot('study'), command('request', 'on_hold', owner, { reason: '   ' }))).code).toBe('reason_required');
    expect(refused(engine.decide(snapshot('start'), command('request', 'cancelled', owner))).code).toBe('reason_required');
    expect(refused(engine.decide(snapshot('study'), command('override', 'complete', admin))).code).toBe('reason_required');
  });

  it('terminal_state: complete and cancelled accept nothing, not even an override', () => {
    for (const state of ['complete', 'cancelled'] as const) {
      for (const kind of ['request', 'apply', 'override'] as const) {
        const refusal = refused(engine.decide(snapshot(state), command(kind, 'study', admin, { reason: '误操作', requestedBy: owner.id })));
        expect(refusal).toMatchObject({ code: 'terminal_state', currentState: state, allowed: [] });
      }
      expect(engine.overrideTargets(snapshot(state), admin)).toEqual([]);
    }
  });

  it('stale_version: the client acted on an old version', () => {
    const refusal = refused(engine.decide(snapshot('study'), command('request', 'on_hold', owner, { reason: 'x', expectedVersion: 2 })));
    expect(refusal.code).toBe('version_conflict');
    expect(engine.decide(snapshot('study'), command('request', 'on_hold', owner, { reason: 'x', expectedVersion: 3 })).ok).toBe(true);
  });

  it('unknown_state: a status the definition does not know', () => {
    expect(refused(engine.decide(snapshot('paused' as ProjectStatus), command('request', 'start', owner))).code).toBe('unknown_state');
    expect(refused(engine.decide(snapshot('study'), command('request', 'paused' as ProjectStatus, owner))).code).toBe('unknown_state');
  });
});

describe('project workflow: admin override', () => {
  it('skips a stage with a reason, recording what it bypassed', () => {
    const result = accepted(engine.decide(snapshot('study'), command('override', 'complete', admin, { reason: '历史项目补录' })));
    expect(result).toMatchObject({ state: 'complete', transitionId: null, version: 4 });
    expect(result.events.map((e) => e.name)).toEqual(['project.overridden']);
    expect(result.events[0].payload).toMatchObject({
      kind: 'override',
      from: 'study',
      to: 'complete',
      reason: '历史项目补录',
      bypassed: { declaredTransitionId: null, failedGuards: [], missingEvidence: [] },
    });
  });

  it('follows a declared route without its evidence, and says so', () => {
    const result = accepted(engine.decide(snapshot('study'), command('override', 'start', admin, { reason: '线下已批复' })));
    expect(result.events[0].payload.bypassed).toMatchObject({
      declaredTransitionId: 'begin_construction',
      missingEvidence: ['approvalDocNo', 'approvalDate', 'constructionPermitNo', 'actualStartDate'],
      failedGuards: [expect.objectContaining({ guard: 'milestonesSettled', missing: [...permitDoneCodes] })],
    });
  });

  it('into on_hold remembers the stage; out of on_hold clears it', () => {
    const held = accepted(engine.decide(snapshot('start'), command('override', 'on_hold', admin, { reason: '督查要求' })));
    expect(held).toMatchObject({ state: 'on_hold', previousState: 'start' });
    const out = accepted(engine.decide(snapshot('on_hold', { previousState: 'start' }), command('override', 'study', admin, { reason: '退回前期' })));
    expect(out).toMatchObject({ state: 'study', previousState: null });
  });

  it('refuses a no-op override', () => {
    expect(refused(engine.decide(snapshot('start'), command('override', 'start', admin, { reason: 'x' }))).code).toBe('transition_not_allowed');
  });
});

describe('project workflow v3: 开工 needs the approvals of the project’s type (前期手续 as data)', () => {
  /** An enterprise project's path: 备案 and the permits are its approvals; 项目建议书 and 可研批复 are plain milestones. */
  const enterprise = (done: string[], notApplicable: string[] = []) =>
    [
      ...milestones(done, notApplicable),
      ...['enterprise_filing', 'eia', 'energy_review'].map((code) => ({
        code,
        name: code,
        done: done.includes(code),
        notApplicable: notApplicable.includes(code),
      })),
    ].map((m) => ({ ...m, approval: ['enterprise_filing', 'eia', 'energy_review', 'construction_permit'].includes(m.code) }));
  const evidence = { ...startEvidence, constructionPermitDate: '2026-11-10' };

  it('is the current version; versions 1 and 2 stay for requests filed under them', () => {
    expect(engine.definition.version).toBe(3);
    expect([1, 2].map((v) => projectWorkflowEngineFor(v)?.definition.version)).toEqual([1, 2]);
  });

  it('refuses with the missing approvals named, and ignores what the type does not require', () => {
    const refusal = refused(
      engine.decide(snapshot('study', { milestones: enterprise(['enterprise_filing']) }), command('request', 'start', owner, { evidence })),
    );
    expect(refusal.failedGuards[0]).toMatchObject({ guard: 'milestonesSettled', missing: ['eia', 'energy_review'] });
    expect(refusal.failedGuards[0].detail).toBe('前置里程碑未办结：eia（未完成，也未标记不适用）、energy_review（未完成，也未标记不适用）');
    // 施工许可 is completed by the evidence's permit date; 项目建议书 and 可研批复 are not asked of an enterprise project.
    const [begin] = engine.allowedTransitions(snapshot('study', { milestones: enterprise(['enterprise_filing']) }), owner);
    const required = begin.guards.find((g) => g.guard === 'milestonesSettled')?.checklist?.map((i) => i.milestone);
    expect(required?.sort()).toEqual(['construction_permit', 'eia', 'energy_review', 'enterprise_filing']);
  });

  it('accepts when each is done or 不适用', () => {
    const snap = snapshot('study', { milestones: enterprise(['enterprise_filing', 'eia'], ['energy_review']) });
    expect(accepted(engine.decide(snap, command('apply', 'start', reviewer, { evidence, requestedBy: owner.id }))).state).toBe('start');
  });

  it('fails closed: a project that tracks no approval needs version 2’s four', () => {
    const refusal = refused(engine.decide(snapshot('study'), command('request', 'start', owner, { evidence })));
    expect(refusal.failedGuards[0]).toMatchObject({ missing: ['proposal', 'feasibility_approval', 'preliminary_design_approval'] });
  });
});
