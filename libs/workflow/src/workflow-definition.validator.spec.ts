import { projectWorkflow } from './project-workflow.definition';
import { projectGuards } from './project-workflow.guards';
import { defineWorkflow, validateWorkflowDefinition } from './workflow-definition.validator';
import { RETURN_TO_PREVIOUS, type TransitionDefinition, type WorkflowDefinition } from './workflow.types';

type S = 'a' | 'b' | 'held' | 'end';
const base: WorkflowDefinition<S> = {
  id: 't',
  version: 1,
  initial: 'a',
  states: {
    a: { label: { zh: '甲', en: 'A' }, terminal: false },
    b: { label: { zh: '乙', en: 'B' }, terminal: false },
    held: { label: { zh: '停', en: 'Held' }, terminal: false, remembersPrevious: true },
    end: { label: { zh: '终', en: 'End' }, terminal: true },
  },
  transitions: [
    { id: 'go', name: { zh: '走', en: 'Go' }, from: 'a', to: 'b', requestableBy: ['x'], approval: { required: false, by: [] }, emits: ['e'] },
    { id: 'hold', name: { zh: '停', en: 'Hold' }, from: ['a', 'b'], to: 'held', requestableBy: ['x'], approval: { required: false, by: [] }, emits: ['e'] },
    {
      id: 'back',
      name: { zh: '回', en: 'Back' },
      from: 'held',
      to: RETURN_TO_PREVIOUS,
      requestableBy: ['x'],
      approval: { required: false, by: [] },
      emits: ['e'],
    },
    { id: 'finish', name: { zh: '完', en: 'Finish' }, from: 'b', to: 'end', requestableBy: ['x'], approval: { required: false, by: [] }, emits: ['e'] },
  ],
  adminOverride: { roles: ['admin'], requiresReason: true, allowFromTerminal: false, emits: ['o'] },
  requestedEvent: 'r',
  rejectedEvent: 'x',
  withdrawnEvent: 'w',
};

const withTransition = (t: Partial<TransitionDefinition<S, Record<string, unknown>>>): WorkflowDefinition<S> => ({
  ...base,
  transitions: [...base.transitions, { ...base.transitions[0], id: 'extra', ...t }],
});

describe('validateWorkflowDefinition', () => {
  it('accepts the project workflow and the base fixture', () => {
    expect(validateWorkflowDefinition(projectWorkflow, projectGuards)).toEqual([]);
    expect(validateWorkflowDefinition(base)).toEqual([]);
  });

  it.each<[string, WorkflowDefinition<S>, RegExp]>([
    ['a transition out of a terminal state', withTransition({ from: 'end', to: 'a' }), /leaves terminal state "end"/],
    ['an undeclared state', withTransition({ from: 'a', to: 'nowhere' as S }), /undeclared state "nowhere"/],
    ['a self-loop', withTransition({ from: 'b', to: 'b' }), /does not change state/],
    ['two routes between the same states', withTransition({ from: 'a', to: 'b' }), /more than one transition a→b/],
    ['a return from a state that remembers nothing', withTransition({ from: 'b', to: RETURN_TO_PREVIOUS }), /does not remember one/],
    ['an exit that clashes with the return', withTransition({ from: 'held', to: 'b' }), /ambiguous with the return/],
    ['an unknown guard', withTransition({ from: 'b', to: 'a', guards: { teleport: {} } }), /unknown guard "teleport"/],
    ['approval without approvers', withTransition({ from: 'b', to: 'a', approval: { required: true, by: [] } }), /names no approver role/],
    ['no requester', withTransition({ from: 'b', to: 'a', requestableBy: [] }), /requested by nobody/],
    ['no event', withTransition({ from: 'b', to: 'a', emits: [] }), /emits no event/],
    ['a duplicate id', withTransition({ id: 'go', from: 'b', to: 'a' }), /"go" is declared twice/],
    [
      'a document number from an unnamed field',
      withTransition({ from: 'b', to: 'a', completesMilestones: [{ milestone: 'permit', evidence: ['permitDate'], documentNo: '' }] }),
      /"permit"'s document number from an unnamed evidence field/,
    ],
    ['a terminal initial state', { ...base, initial: 'end' }, /initial state "end" is terminal/],
    [
      'a reserved state name',
      { ...base, states: { ...base.states, [RETURN_TO_PREVIOUS]: { label: { zh: '', en: '' }, terminal: false } } as WorkflowDefinition<S>['states'] },
      /reserved/,
    ],
    ['a holding state with no way back', { ...base, transitions: base.transitions.filter((t) => t.id !== 'back') }, /has no transition back/],
    ['an override with no role', { ...base, adminOverride: { ...base.adminOverride, roles: [] } }, /names no role/],
    ['a bad version', { ...base, version: 0 }, /version/],
  ])('rejects %s', (_name, definition, problem) => {
    expect(validateWorkflowDefinition(definition).join('\n')).toMatch(problem);
  });

  it('allows an exit from a holding state to a state it can never have come from', () => {
    expect(validateWorkflowDefinition(withTransition({ from: 'held', to: 'end' }))).toEqual([]);
  });

  it('defineWorkflow throws listing every problem, and freezes a valid definition', () => {
    expect(() => defineWorkflow({ ...base, version: 0, initial: 'end' })).toThrow(/version must be a positive integer\n- initial state "end" is terminal/);
    const frozen = defineWorkflow(structuredClone(base));
    expect(Object.isFrozen(frozen.transitions[0].requestableBy)).toBe(true);
  });
});
