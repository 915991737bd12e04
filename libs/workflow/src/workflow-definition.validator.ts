import { builtinGuards } from './builtin.guards';
import { RETURN_TO_PREVIOUS, type GuardRegistry, type TransitionDefinition, type WorkflowDefinition } from './workflow.types';

export function fromStates<State extends string, Evidence>(transition: TransitionDefinition<State, Evidence>): readonly State[] {
  return typeof transition.from === 'string' ? [transition.from] : transition.from;
}

/**
 * Every problem in a definition, as readable sentences; empty when valid. Checked once at load,
 * so the engine can trust the definition and a bad edit fails at start-up, not on some request.
 */
export function validateWorkflowDefinition<State extends string, Evidence>(
  definition: WorkflowDefinition<State, Evidence>,
  guards: GuardRegistry = builtinGuards,
): string[] {
  const problems: string[] = [];
  const states = Object.keys(definition.states) as State[];
  const isState = (s: string): s is State => Object.prototype.hasOwnProperty.call(definition.states, s);
  const terminal = (s: State) => definition.states[s].terminal;
  const override = definition.adminOverride;

  if (!definition.id) problems.push('id is empty');
  if (!Number.isInteger(definition.version) || definition.version < 1) problems.push('version must be a positive integer');
  if (states.length === 0) problems.push('no states');
  if ((states as string[]).includes(RETURN_TO_PREVIOUS)) problems.push(`"${RETURN_TO_PREVIOUS}" is reserved and cannot name a state`);
  if (!isState(definition.initial)) problems.push(`initial state "${definition.initial}" is not declared`);
  else if (terminal(definition.initial)) problems.push(`initial state "${definition.initial}" is terminal`);
  if (!definition.requestedEvent) problems.push('requestedEvent is empty');
  if (!definition.rejectedEvent) problems.push('rejectedEvent is empty');
  if (!definition.withdrawnEvent) problems.push('withdrawnEvent is empty');

  const seenIds = new Set<string>();
  const seenPairs = new Set<string>();
  for (const t of definition.transitions) {
    const where = `transition "${t.id}"`;
    if (!t.id) problems.push('a transition has an empty id');
    if (seenIds.has(t.id)) problems.push(`${where} is declared twice`);
    seenIds.add(t.id);
    const from = fromStates(t);
    if (from.length === 0) problems.push(`${where} has no from state`);
    for (const s of from) {
      if (!isState(s)) problems.push(`${where} leaves undeclared state "${s}"`);
      else if (terminal(s)) problems.push(`${where} leaves terminal state "${s}"`);
      else if (t.to === RETURN_TO_PREVIOUS && !definition.states[s].remembersPrevious) {
        problems.push(`${where} returns to the previous state from "${s}", which does not remember one`);
      }
      if (t.to === s) problems.push(`${where} does not change state ("${s}" → "${s}")`);
      const pair = `${s}→${t.to}`;
      if (seenPairs.has(pair)) problems.push(`more than one transition ${pair}`);
      seenPairs.add(pair);
    }
    if (t.to !== RETURN_TO_PREVIOUS && !isState(t.to)) problems.push(`${where} goes to undeclared state "${t.to}"`);
    if (t.requestableBy.length === 0) problems.push(`${where} can be requested by nobody`);
    if (t.approval.required && t.approval.by.length === 0) problems.push(`${where} needs approval but names no approver role`);
    if (t.emits.length === 0) problems.push(`${where} emits no event`);
    for (const guard of Object.keys(t.guards ?? {})) {
      if (!Object.prototype.hasOwnProperty.call(guards, guard)) problems.push(`${where} uses unknown guard "${guard}"`);
    }
    for (const field of t.requiredEvidence ?? []) if (!field) problems.push(`${where} requires an unnamed evidence field`);
    for (const rule of t.completesMilestones ?? []) {
      if (!rule.milestone) problems.push(`${where} completes an unnamed milestone`);
      if (rule.evidence.length === 0) problems.push(`${where} completes milestone "${rule.milestone}" from no evidence field`);
      if (rule.documentNo === '') problems.push(`${where} takes milestone "${rule.milestone}"'s document number from an unnamed evidence field`);
    }
  }

  for (const s of states) {
    if (!definition.states[s].remembersPrevious) continue;
    if (terminal(s)) problems.push(`state "${s}" is terminal but remembers a previous state`);
    const exits = definition.transitions.filter((t) => fromStates(t).includes(s));
    if (!exits.some((t) => t.to === RETURN_TO_PREVIOUS)) problems.push(`state "${s}" remembers a previous state but has no transition back to it`);
    // A concrete exit to a state we may have come from would make "to: X" ambiguous with the return.
    const mayPrecede = (p: State) =>
      definition.transitions.some((t) => t.to === s && fromStates(t).includes(p)) ||
      ((!terminal(p) || override.allowFromTerminal) && (override.targets ?? states).includes(s));
    for (const t of exits) {
      if (t.to !== RETURN_TO_PREVIOUS && isState(t.to) && t.to !== s && mayPrecede(t.to)) {
        problems.push(`transition "${t.id}" from "${s}" to "${t.to}" is ambiguous with the return to the previous state`);
      }
    }
  }

  if (override.roles.length === 0) problems.push('adminOverride names no role');
  if (override.emits.length === 0) problems.push('adminOverride emits no event');
  for (const s of override.targets ?? []) if (!isState(s)) problems.push(`adminOverride targets undeclared state "${s}"`);
  return problems;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Validates and freezes a definition; throws listing every problem. */
export function defineWorkflow<State extends string, Evidence = Record<string, unknown>>(
  definition: WorkflowDefinition<State, Evidence>,
  guards: GuardRegistry = builtinGuards,
): WorkflowDefinition<State, Evidence> {
  const problems = validateWorkflowDefinition(definition, guards);
  if (problems.length > 0) {
    throw new Error(`Invalid workflow definition "${definition.id}" v${definition.version}:\n- ${problems.join('\n- ')}`);
  }
  return deepFreeze(definition);
}
