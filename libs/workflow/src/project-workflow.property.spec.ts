import fc from 'fast-check';
import { MILESTONE_CODES, PROJECT_STATUSES, type ProjectStatus } from '@qj/domain';
import type { ProjectEvidence } from './project-workflow.definition';
import { projectWorkflowEngine as engine } from './project-workflow.engine';
import { isPresent } from './builtin.guards';
import { fromStates } from './workflow-definition.validator';
import { RETURN_TO_PREVIOUS, type Actor, type Decision, type WorkflowCommand, type WorkflowSnapshot } from './workflow.types';

const definition = engine.definition;
const now = new Date('2026-11-26T02:00:00Z');
const ids = ['u1', 'u2', 'u3'] as const;

// Biased toward commands that can succeed, so long sequences actually move through the states.
const actorArb: fc.Arbitrary<Actor> = fc.record({
  id: fc.constantFrom(...ids),
  roles: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(['owner'], ['reviewer'], ['owner', 'reviewer']) },
    { weight: 1, arbitrary: fc.subarray(['owner', 'reviewer', 'admin', 'viewer']) },
  ),
});

const dateValue = fc.constantFrom<string | undefined>('2026-06-01', '2026-11-26', undefined, '', '2026-02-30', '2026-12-01', 'soon');
const evidenceArb: fc.Arbitrary<ProjectEvidence> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constant({
      approvalDocNo: '綦发改〔2026〕1号',
      approvalDate: '2026-06-01',
      constructionPermitNo: 'P-1',
      actualStartDate: '2026-11-20',
      acceptanceDate: '2026-11-25',
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        approvalDocNo: fc.constantFrom<string | undefined>('綦发改〔2026〕1号', '', ' ', undefined),
        approvalDate: dateValue,
        constructionPermitNo: fc.constantFrom<string | undefined>('P-1', '', undefined),
        actualStartDate: dateValue,
        acceptanceDate: dateValue,
      },
      { requiredKeys: [] },
    ),
  },
);

type Step =
  | { readonly type: 'command'; readonly command: WorkflowCommand<ProjectStatus, ProjectEvidence> }
  | { readonly type: 'milestones'; readonly done: readonly string[] };

const commandArb = fc.record({
  kind: fc.constantFrom<'request' | 'apply' | 'override'>('request', 'apply', 'apply', 'override'),
  to: fc.constantFrom<ProjectStatus>(...PROJECT_STATUSES),
  actor: actorArb,
  evidence: evidenceArb,
  reason: fc.constantFrom<string | undefined>('资金未落实', '资金未落实', undefined, '', '  '),
  requestedBy: fc.option(fc.constantFrom(...ids), { nil: undefined }),
  now: fc.constant(now),
  today: fc.constant(now.toISOString().slice(0, 10)),
});

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: commandArb.map((command) => ({ type: 'command' as const, command })) },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.subarray([...MILESTONE_CODES]), fc.constant([...MILESTONE_CODES])).map((done) => ({ type: 'milestones' as const, done })),
  },
);
const stepsArb = fc.array(stepArb, { minLength: 1, maxLength: 60, size: 'max' });

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

function initialSnapshot(): WorkflowSnapshot<ProjectStatus> {
  return { id: 'p-1', state: definition.initial, previousState: null, version: 1, milestones: MILESTONE_CODES.map((code) => ({ code, done: false })) };
}

/** Runs the steps, feeding each accepted decision back as the next snapshot. */
function simulate(
  steps: readonly Step[],
  check: (before: WorkflowSnapshot<ProjectStatus>, command: WorkflowCommand<ProjectStatus, ProjectEvidence>, decision: Decision<ProjectStatus>) => void,
): void {
  let snapshot = deepFreeze(initialSnapshot());
  for (const step of steps) {
    if (step.type === 'milestones') {
      snapshot = deepFreeze({ ...snapshot, milestones: MILESTONE_CODES.map((code) => ({ code, done: step.done.includes(code) })) });
      continue;
    }
    const decision = engine.decide(snapshot, step.command);
    check(snapshot, step.command, decision);
    if (decision.ok && decision.changed) {
      snapshot = deepFreeze({ ...snapshot, state: decision.state, previousState: decision.previousState, version: decision.version });
    }
  }
}

const hasRole = (actor: Actor, roles: readonly string[]) => actor.roles.some((r) => roles.includes(r));

describe('project workflow properties', () => {
  it('(1) every reached state comes from a declared transition the actor may take, or an admin override', () => {
    const reached = new Set<string>();
    const applied = new Set<string>();
    fc.assert(
      fc.property(stepsArb, (steps) => {
        simulate(steps, (before, command, decision) => {
          if (!decision.ok) return;
          if (!decision.changed) {
            expect(command.kind).toBe('request');
            expect(decision.state).toBe(before.state);
            expect(decision.events.map((e) => e.name)).toEqual([definition.requestedEvent]);
            return;
          }
          expect(Object.keys(definition.states)).toContain(decision.state);
          expect(decision.state).not.toBe(before.state);
          expect(decision.version).toBe(before.version + 1);
          expect(definition.states[before.state].terminal).toBe(false);
          reached.add(decision.state);
          if (command.kind === 'override') {
            expect(hasRole(command.actor, definition.adminOverride.roles)).toBe(true);
            expect(isPresent(command.reason)).toBe(true);
            expect(decision.events.map((e) => e.name)).toEqual(definition.adminOverride.emits);
            applied.add('override');
            return;
          }
          const transition = definition.transitions.find(
            (t) =>
              fromStates(t).includes(before.state) && (t.to === decision.state || (t.to === RETURN_TO_PREVIOUS && before.previousState === decision.state)),
          );
          expect(transition).toBeDefined();
          expect(transition!.id).toBe(decision.transitionId);
          expect(decision.events.map((e) => e.name)).toEqual(transition!.emits);
          if (transition!.approval.required) {
            expect(command.requestedBy).toBeDefined();
            expect(command.requestedBy).not.toBe(command.actor.id);
            expect(hasRole(command.actor, transition!.approval.by)).toBe(true);
          } else {
            expect(hasRole(command.actor, transition!.requestableBy)).toBe(true);
          }
          applied.add(transition!.id);
        });
      }),
      { numRuns: 500 },
    );
    // Not vacuous: the random walks really went everywhere (the rarest, complete, is applied ~20 times per 500 runs).
    expect([...reached].sort()).toEqual([...PROJECT_STATUSES].sort());
    expect([...applied].sort()).toEqual(['begin_construction', 'cancel', 'complete', 'hold', 'override', 'resume']);
  });

  it('(2) a refusal leaves state and previousState unchanged, and decide never mutates its input', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        simulate(steps, (before, command, decision) => {
          // Inputs are frozen, so a mutation attempt would have thrown; decide is also deterministic.
          expect(engine.decide(before, command)).toEqual(decision);
          if (decision.ok) return;
          expect(decision.currentState).toBe(before.state);
          expect(decision.previousState).toBe(before.previousState ?? null);
          expect(decision).not.toHaveProperty('events');
        });
      }),
      { numRuns: 300 },
    );
  });

  it('(3) on_hold always returns to the stage it left', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        let left: ProjectStatus | null = null;
        simulate(steps, (before, command, decision) => {
          if (!decision.ok || !decision.changed) return;
          if (decision.state === 'on_hold') {
            left = before.state === 'on_hold' ? left : before.state;
            expect(['study', 'start']).toContain(left);
            expect(decision.previousState).toBe(left);
            return;
          }
          if (before.state === 'on_hold' && command.kind !== 'override') expect(decision.state).toBe(left);
          expect(decision.previousState).toBeNull();
        });
      }),
      { numRuns: 500 },
    );
  });

  it('(4) terminal states accept no transition at all', () => {
    const terminal = (Object.keys(definition.states) as ProjectStatus[]).filter((s) => definition.states[s].terminal);
    expect(terminal.sort()).toEqual(['cancelled', 'complete']);
    fc.assert(
      fc.property(
        fc.constantFrom(...terminal),
        fc.constantFrom<ProjectStatus | null>(null, 'study', 'start'),
        fc.subarray([...MILESTONE_CODES]),
        fc.array(commandArb, { minLength: 1, maxLength: 10 }),
        (state, previousState, done, commands) => {
          const snapshot = deepFreeze({
            ...initialSnapshot(),
            state,
            previousState,
            milestones: MILESTONE_CODES.map((code) => ({ code, done: done.includes(code) })),
          });
          for (const command of commands) {
            const decision = engine.decide(snapshot, { ...command, actor: { ...command.actor, roles: [...command.actor.roles, 'admin'] } });
            expect(decision).toMatchObject({ ok: false, code: 'terminal_state', currentState: state, allowed: [] });
            expect(engine.allowedTransitions(snapshot, command.actor)).toEqual([]);
            expect(engine.overrideTargets(snapshot, { id: 'a', roles: ['admin'] })).toEqual([]);
          }
        },
      ),
    );
  });
});
