import { builtinGuards } from './builtin.guards';
import { allowedTransitions, createWorkflowEngine, decide } from './workflow.engine';
import { RETURN_TO_PREVIOUS, type GuardFn, type WorkflowDefinition, type WorkflowSnapshot } from './workflow.types';

/**
 * A second, unrelated workflow (a report's drafting) proves the engine is generic: a new state,
 * a custom guard kind and a transition without approval are definition and registry changes only.
 */
type DocState = 'draft' | 'review' | 'published' | 'frozen' | 'withdrawn';
interface DocEvidence {
  readonly summary?: string;
}

const minWords: GuardFn<{ min: number }> = (params, { snapshot }) => {
  const words = Number(snapshot.attributes?.words ?? 0);
  return words >= params.min ? { ok: true } : { ok: false, detail: `字数不足 ${params.min}`, missing: ['words'] };
};
const guards = { ...builtinGuards, minWords };

const docWorkflow: WorkflowDefinition<DocState, DocEvidence> = {
  id: 'doc',
  version: 2,
  initial: 'draft',
  states: {
    draft: { label: { zh: '草稿', en: 'Draft' }, terminal: false },
    review: { label: { zh: '审阅', en: 'Review' }, terminal: false },
    published: { label: { zh: '已发布', en: 'Published' }, terminal: true },
    frozen: { label: { zh: '冻结', en: 'Frozen' }, terminal: false, remembersPrevious: true },
    withdrawn: { label: { zh: '撤回', en: 'Withdrawn' }, terminal: true },
  },
  transitions: [
    {
      id: 'submit',
      name: { zh: '提交', en: 'Submit' },
      from: 'draft',
      to: 'review',
      requestableBy: ['author'],
      approval: { required: false, by: [] },
      requiredEvidence: ['summary'],
      guards: { minWords: { min: 100 }, milestonesDone: { milestones: ['outline'] } },
      emits: ['doc.submitted'],
    },
    {
      id: 'publish',
      name: { zh: '发布', en: 'Publish' },
      from: 'review',
      to: 'published',
      requestableBy: ['author'],
      approval: { required: true, by: ['editor', 'chief'] },
      emits: ['doc.published', 'doc.indexed'],
    },
    {
      id: 'freeze',
      name: { zh: '冻结', en: 'Freeze' },
      from: ['draft', 'review'],
      to: 'frozen',
      requestableBy: ['editor'],
      approval: { required: false, by: [] },
      guards: { reasonPresent: {} },
      emits: ['doc.frozen'],
    },
    {
      id: 'thaw',
      name: { zh: '解冻', en: 'Thaw' },
      from: 'frozen',
      to: RETURN_TO_PREVIOUS,
      requestableBy: ['editor'],
      approval: { required: false, by: [] },
      emits: ['doc.thawed'],
    },
    {
      id: 'withdraw',
      name: { zh: '撤回', en: 'Withdraw' },
      from: ['draft', 'review', 'frozen'],
      to: 'withdrawn',
      requestableBy: ['author'],
      approval: { required: false, by: [] },
      requiresReason: true,
      emits: ['doc.withdrawn'],
    },
  ],
  adminOverride: { roles: ['root'], requiresReason: false, allowFromTerminal: true, targets: ['draft', 'withdrawn'], emits: ['doc.forced'] },
  requestedEvent: 'doc.requested',
  rejectedEvent: 'doc.rejected',
  withdrawnEvent: 'doc.withdrawn',
};

const engine = createWorkflowEngine(docWorkflow, guards);
const author = { id: 'a', roles: ['author'] };
const editor = { id: 'e', roles: ['editor'] };
const root = { id: 'r', roles: ['root'] };
const now = new Date('2026-03-01T00:00:00Z');
const today = '2026-03-01';

function doc(state: DocState, extra: Partial<WorkflowSnapshot<DocState>> = {}): WorkflowSnapshot<DocState> {
  return { id: 'd-1', state, version: 1, milestones: [{ code: 'outline', name: '提纲', done: true }], attributes: { words: 500 }, ...extra };
}

describe('workflow engine (generic)', () => {
  it('applies a transition that needs no approval directly, with a custom guard', () => {
    const result = engine.decide(doc('draft'), { kind: 'apply', to: 'review', actor: author, evidence: { summary: 's' }, now, today });
    expect(result).toMatchObject({ ok: true, state: 'review', version: 2, transitionId: 'submit' });
    const short = engine.decide(doc('draft', { attributes: { words: 20 } }), {
      kind: 'apply',
      to: 'review',
      actor: author,
      evidence: { summary: 's' },
      now,
      today,
    });
    expect(short).toMatchObject({ ok: false, code: 'guard_failed', failedGuards: [{ guard: 'minWords', detail: '字数不足 100', missing: ['words'] }] });
  });

  it('emits every event a transition declares, sharing one payload', () => {
    const result = engine.decide(doc('review'), { kind: 'apply', to: 'published', actor: { id: 'c', roles: ['chief'] }, requestedBy: 'a', now, today });
    expect(result.ok && result.events.map((e) => [e.name, e.payload.workflowVersion, e.aggregateVersion])).toEqual([
      ['doc.published', 2, 2],
      ['doc.indexed', 2, 2],
    ]);
  });

  it('reports reason, evidence and every guard together, under the first code', () => {
    const result = engine.decide(doc('draft', { attributes: {}, milestones: [] }), { kind: 'request', to: 'review', actor: author, now, today });
    expect(result).toMatchObject({
      ok: false,
      code: 'evidence_missing',
      transitionId: 'submit',
      missingEvidence: ['summary'],
      failedGuards: [{ guard: 'minWords' }, { guard: 'milestonesDone', detail: '里程碑未完成：outline' }],
    });
  });

  it('runs a guard declared by name (reasonPresent) like any other', () => {
    expect(engine.decide(doc('draft'), { kind: 'apply', to: 'frozen', actor: editor, now, today })).toMatchObject({
      ok: false,
      code: 'guard_failed',
      failedGuards: [{ guard: 'reasonPresent', missing: ['reason'] }],
    });
  });

  it('remembers the state before a hold-like state and returns to it', () => {
    const frozen = engine.decide(doc('review'), { kind: 'apply', to: 'frozen', actor: editor, reason: '待定', now, today });
    expect(frozen).toMatchObject({ ok: true, state: 'frozen', previousState: 'review' });
    const thawed = engine.decide(doc('frozen', { previousState: 'review' }), { kind: 'apply', to: 'review', actor: editor, now, today });
    expect(thawed).toMatchObject({ ok: true, state: 'review', previousState: null, transitionId: 'thaw' });
    expect(engine.decide(doc('frozen', { previousState: 'review' }), { kind: 'apply', to: 'draft', actor: editor, now, today })).toMatchObject({
      ok: false,
      code: 'transition_not_allowed',
    });
  });

  it('lets an override leave a terminal state when the rule allows, but only to its targets', () => {
    expect(engine.decide(doc('published'), { kind: 'override', to: 'draft', actor: root, now, today })).toMatchObject({ ok: true, state: 'draft' });
    expect(engine.decide(doc('published'), { kind: 'override', to: 'review', actor: root, now, today })).toMatchObject({
      ok: false,
      code: 'transition_not_allowed',
    });
    expect(engine.decide(doc('published'), { kind: 'apply', to: 'draft', actor: root, now, today })).toMatchObject({ ok: false, code: 'terminal_state' });
    expect(engine.overrideTargets(doc('published'), root)).toEqual(['draft', 'withdrawn']);
  });

  it('fails closed on a guard that is not in the registry', () => {
    // decide without the custom registry: minWords is unknown there.
    const result = decide(docWorkflow, doc('draft'), { kind: 'apply', to: 'review', actor: author, evidence: { summary: 's' }, now, today });
    expect(result).toMatchObject({ ok: false, code: 'guard_failed', failedGuards: [{ guard: 'minWords', detail: '未注册的校验规则：minWords' }] });
    expect(() => createWorkflowEngine(docWorkflow)).toThrow(/unknown guard "minWords"/);
  });

  it('lists transitions for approvers as well as requesters', () => {
    expect(allowedTransitions(docWorkflow, doc('review'), { id: 'c', roles: ['chief'] })).toEqual([
      expect.objectContaining({ transitionId: 'publish', to: 'published', canRequest: false, canApprove: true, approverRoles: ['editor', 'chief'] }),
    ]);
  });

  it('trims reason and comment and keeps blank ones out of events', () => {
    const result = engine.decide(doc('draft'), { kind: 'apply', to: 'withdrawn', actor: author, reason: '  重复  ', comment: '   ', now, today });
    expect(result.ok && result.events[0].payload).toMatchObject({ reason: '重复', comment: null, requestedBy: null });
  });
});
