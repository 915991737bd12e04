import { api } from './client';
import type { RollupDimension, RollupList, RollupRow as RollupRowDto } from './types';
import { every, PROJECT_STATUSES, RAG_LEVELS, STAGES } from './types';

/**
 * The dashboard's numbers: GET /api/rollups?by=…, the roll-up table the workers keep with the server's one set of
 * rules. The browser computes nothing of its own (it would count by other rules); it only adds rows up.
 */
export type { RollupDimension };
/** The dashboard's order of the dimensions. */
export const ROLLUP_DIMENSIONS = every<RollupDimension>()('chapter', 'sector', 'part', 'unit', 'column');

/** A roll-up's counts under its key (chapter/column/part number, sector code or unit id: what the project list filters by). */
export type RollupRow = Pick<
  RollupRowDto,
  'key' | 'label' | 'total' | 'byStage' | 'targets' | 'reached' | 'rag' | 'overdueMilestones' | 'staleProjects' | 'pendingRequests'
>;

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
    for (const s of PROJECT_STATUSES) total.byStage[s] += row.byStage[s];
    for (const s of STAGES) {
      total.targets[s] += row.targets[s];
      total.reached[s] += row.reached[s];
    }
    for (const r of RAG_LEVELS) total.rag[r] += row.rag[r];
    total.overdueMilestones += row.overdueMilestones;
    total.staleProjects += row.staleProjects;
    total.pendingRequests += row.pendingRequests;
  }
  return total;
}

/** The district's rows of a dimension, as the workers keep them (GET /api/rollups), and the projects that count under several keys. */
export async function loadDashboard(by: RollupDimension, signal?: AbortSignal): Promise<DashboardData> {
  const [answer, sectors] = await Promise.all([
    api.get<RollupList>('/api/rollups', { by }, signal),
    by === 'sector' ? Promise.resolve(null) : api.get<RollupList>('/api/rollups', { by: 'sector' }, signal),
  ]);
  return { by, rows: answer.items, totals: sumRows(sectors?.items ?? answer.items), multiCounted: answer.multiCounted, asOf: new Date() };
}
