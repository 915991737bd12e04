/**
 * The workflow write mix (test/bench/workflow.bench.ts), one client per slice of the projects so that no two
 * clients ever touch the same project, milestone or request (versions never collide; every write should win).
 *
 * Each client walks its own projects in turn and, on each, does four writes:
 *   1. PATCH /api/milestones/:id          (owner of the project's unit; the first of two milestones, new forecastDate, its version)
 *   2. the project's next transition step  (see below)
 *   3. PATCH /api/milestones/:id          (the second milestone)
 *   4. the project's next transition step
 * The transition step is: with a pending request, the reviewer approves it (POST /api/transition-requests/:id/approve);
 * otherwise the owner requests the next move (POST /api/projects/:id/transition-requests): from study or start to
 * on_hold with a reason, from on_hold back to the stage it left (resume). So the mix is 50 % milestone updates,
 * 25 % requests and 25 % approvals, and projects go round study/start → on_hold → back, indefinitely.
 *
 * State (milestone versions, stage, previous stage, pending request id) starts from the database, read before
 * each burst (the bench's `prepare`), and is kept up to date from the answers: the milestone's new version,
 * the request's id; a 409 on a milestone carries its current version, which is taken.
 */
import type { ScenarioClient, ScenarioStep } from '../scenario';

export interface WorkflowMilestone {
  id: string;
  version: number;
}

export interface WorkflowProject {
  id: string;
  /** The owner account of the project's unit (owner_<unit code>). */
  owner: string;
  stage: string;
  previousStage: string | null;
  pendingRequestId: string | null;
  /** Two of its milestones. */
  milestones: WorkflowMilestone[];
}

export interface WorkflowMixData {
  /** username → access token (the owners and the reviewer). */
  tokens: Record<string, string>;
  reviewer: string;
  /** clients[i]: the projects of client i. */
  clients: WorkflowProject[][];
  /** Where each client starts in its list (varied per burst, so bursts do not all start on the same projects). */
  offset: number;
  /** Forecast dates are this date plus 0 … 999 days (never before the projects were created). */
  forecastFrom: string;
}

const DAY_MS = 86_400_000;

type Pending =
  | { kind: 'milestone'; project: WorkflowProject; milestone: WorkflowMilestone }
  | { kind: 'request'; project: WorkflowProject; to: string }
  | { kind: 'approve'; project: WorkflowProject; requestId: string };

export function createClient(raw: unknown, index: number): ScenarioClient {
  const data = raw as WorkflowMixData;
  const projects = data.clients[index] ?? [];
  const auth = (username: string) => ({ authorization: `Bearer ${data.tokens[username]}` });
  const forecastFrom = Date.parse(`${data.forecastFrom}T00:00:00Z`);
  let cursor = projects.length ? data.offset % projects.length : 0;
  let phase = 0;
  let writes = 0;
  let pending: Pending | undefined;

  const milestoneStep = (project: WorkflowProject, milestone: WorkflowMilestone): ScenarioStep => {
    pending = { kind: 'milestone', project, milestone };
    const forecastDate = new Date(forecastFrom + ((index * 7919 + writes) % 1000) * DAY_MS).toISOString().slice(0, 10);
    return {
      label: 'milestone.patch',
      method: 'PATCH',
      path: `/api/milestones/${milestone.id}`,
      headers: auth(project.owner),
      body: JSON.stringify({ version: milestone.version, forecastDate }),
      expectStatus: 200,
    };
  };

  const transitionStep = (project: WorkflowProject): ScenarioStep => {
    if (project.pendingRequestId) {
      pending = { kind: 'approve', project, requestId: project.pendingRequestId };
      return {
        label: 'transition.approve',
        method: 'POST',
        path: `/api/transition-requests/${project.pendingRequestId}/approve`,
        headers: auth(data.reviewer),
        body: JSON.stringify({ comment: '同意（压测）' }),
        expectStatus: 200,
      };
    }
    const to = project.stage === 'on_hold' ? (project.previousStage as string) : 'on_hold';
    pending = { kind: 'request', project, to };
    return {
      label: 'transition.request',
      method: 'POST',
      path: `/api/projects/${project.id}/transition-requests`,
      headers: auth(project.owner),
      body: JSON.stringify(to === 'on_hold' ? { to, reason: '资金未落实（压测）' } : { to, comment: '恢复推进（压测）' }),
      expectStatus: 201,
    };
  };

  return {
    next() {
      if (!projects.length) return undefined;
      const project = projects[cursor];
      const step = phase % 2 === 0 ? milestoneStep(project, project.milestones[(phase / 2) % project.milestones.length]) : transitionStep(project);
      phase = (phase + 1) % 4;
      if (phase === 0) cursor = (cursor + 1) % projects.length;
      writes++;
      return step;
    },
    answered(_step, status, body) {
      const done = pending;
      pending = undefined;
      if (!done) return;
      const json = (() => {
        try {
          return body ? (JSON.parse(body) as Record<string, unknown>) : {};
        } catch {
          return {};
        }
      })();
      if (done.kind === 'milestone') {
        if (status === 200 && typeof json.version === 'number') done.milestone.version = json.version;
        else if (status === 200) done.milestone.version += 1;
        else if (status === 409) {
          const current = json.current as { version?: number } | undefined;
          if (typeof current?.version === 'number') done.milestone.version = current.version;
        }
      } else if (done.kind === 'request') {
        if (status === 201 && typeof json.id === 'string') done.project.pendingRequestId = json.id;
      } else if (status === 200) {
        const { project } = done;
        project.pendingRequestId = null;
        if (project.stage === 'on_hold') {
          project.stage = project.previousStage as string;
          project.previousStage = null;
        } else {
          project.previousStage = project.stage;
          project.stage = 'on_hold';
        }
      }
    },
  };
}
