import { api } from './client';
import type { ProjectStatus, RagLevel, Stage } from './types';
import { PROJECT_STATUSES, STAGES } from './types';

/**
 * The dashboard's numbers: GET /api/rollups?by=…, the roll-up table the workers keep with the server's one set of
 * rules. The browser computes nothing of its own (it would count by other rules); it only adds rows up.
 */
export type RollupDimension = 'chapter' | 'column' | 'part' | 'sector' | 'unit';
export const ROLLUP_DIMENSIONS: RollupDimension[] = ['chapter', 'sector', 'part', 'unit', 'column'];

export interface RollupRow {
  /** Chapter/column/part number, sector code or unit id: what the project list filters by. */
  key: string;
  label: string;
  total: number;
  byStage: Record<ProjectStatus, number>;
  targets: Record<Stage, number>;
  reached: Record<Stage, number>;
  rag: Record<RagLevel, number>;
  overdueMilestones: number;
  staleProjects: number;
  pendingRequests: number;
}

export interface DashboardData {
  by: RollupDimension;
  rows: RollupRow[];
  /** Every project counted once (summed over sectors: each project has exactly one). */
  totals: RollupRow;
  /** Projects counted under more than one key of `by` (a project named in two chapters counts in both). */
  multiCounted: number;
  asOf: Date;
}

function emptyRow(key: string, label: string): RollupRow {
  return {
    key,
    label,
    total: 0,
    byStage: { study: 0, start: 0, complete: 0, on_hold: 0, cancelled: 0 },
    targets: { study: 0, start: 0, complete: 0 },
    reached: { study: 0, start: 0, complete: 0 },
    rag: { green: 0, amber: 0, red: 0 },
    overdueMilestones: 0,
    staleProjects: 0,
    pendingRequests: 0,
  };
}

export function sumRows(rows: readonly RollupRow[], key = 'all', label = ''): RollupRow {
  const total = emptyRow(key, label);
  for (const row of rows) {
    total.total += row.total;
    for (const s of PROJECT_STATUSES) total.byStage[s] += row.byStage?.[s] ?? 0;
    for (const s of STAGES) {
      total.targets[s] += row.targets?.[s] ?? 0;
      total.reached[s] += row.reached?.[s] ?? 0;
    }
    for (const r of ['green', 'amber', 'red'] as const) total.rag[r] += row.rag?.[r] ?? 0;
    total.overdueMilestones += row.overdueMilestones ?? 0;
    total.staleProjects += row.staleProjects ?? 0;
    total.pendingRequests += row.pendingRequests ?? 0;
  }
  return total;
}

/** The district's rows of a dimension, as the workers keep them (GET /api/rollups), and the projects that count under several keys. */
export async function loadDashboard(by: RollupDimension, signal?: AbortSignal): Promise<DashboardData> {
  const [answer, sectors] = await Promise.all([
    api.get<{ items: RollupRow[]; multiCounted: number }>('/api/rollups', { by }, signal),
    by === 'sector' ? Promise.resolve(null) : api.get<{ items: RollupRow[] }>('/api/rollups', { by: 'sector' }, signal),
  ]);
  return { by, rows: answer.items, totals: sumRows(sectors?.items ?? answer.items), multiCounted: answer.multiCounted, asOf: new Date() };
}
