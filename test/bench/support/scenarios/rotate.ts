/**
 * The simplest scenario: a fixed list of requests, each client going round it from its own starting point
 * (client i starts at step i mod n), so at any moment the clients spread evenly over the list.
 */
import type { ScenarioClient, ScenarioStep } from '../scenario';

export interface RotateData {
  steps: ScenarioStep[];
}

export function createClient(data: unknown, index: number): ScenarioClient {
  const { steps } = data as RotateData;
  if (!steps.length) throw new Error('rotate scenario: no steps');
  let next = index % steps.length;
  return {
    next: () => {
      const step = steps[next];
      next = (next + 1) % steps.length;
      return step;
    },
  };
}
