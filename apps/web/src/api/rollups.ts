import { api, isApiError } from './client';
import type { Page, ProjectListItem, ProjectStatus, RagLevel, Stage, TransitionRequest } from './types';
import { PROJECT_STATUSES, SECTORS, STAGES } from './types';
import { fetchPlanTree, fetchUnits, indexPlan } from '../lib/reference-data';

/**
 * The dashboard's numbers, behind one function. It reads GET /api/rollups?by=… (the roll-up table kept by
 * the worker); while that endpoint answers 404, or has nothing computed yet, it computes the same rows from
 * GET /api/projects in the browser. Both paths give the same row shape, so the charts never know which ran.
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
  source: 'rollups' | 'computed';
  /** In the computed fallback `overdueMilestones` counts projects with an overdue milestone, not milestones. */
  overdueCountsProjects: boolean;
  asOf: Date;
}

const STALE_DAYS = 30;

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

/** The endpoint's answer, whichever envelope it settles on: `{ items }`, `{ rows }` or a bare array. */
function rowsOf(answer: unknown): RollupRow[] {
  const list = Array.isArray(answer) ? answer : ((answer as { items?: unknown[]; rows?: unknown[] })?.items ?? (answer as { rows?: unknown[] })?.rows ?? []);
  return (list as Array<Partial<RollupRow>>).map((row) => ({ ...emptyRow(String(row.key), String(row.label ?? row.key)), ...row, key: String(row.key) }) as RollupRow);
}

async function fromRollups(by: RollupDimension, signal?: AbortSignal): Promise<DashboardData | null> {
  try {
    const [rows, sectors] = await Promise.all([
      api.get<unknown>('/api/rollups', { by }, signal).then(rowsOf),
      by === 'sector' ? Promise.resolve(null) : api.get<unknown>('/api/rollups', { by: 'sector' }, signal).then(rowsOf),
    ]);
    if (!rows.length) return null; // nothing computed yet: count from the projects instead
    return { by, rows, totals: sumRows(sectors ?? rows), source: 'rollups', overdueCountsProjects: false, asOf: new Date() };
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

async function allPages<T>(path: string, query: Record<string, string | number | undefined>, signal?: AbortSignal): Promise<T[]> {
  const pageSize = 200;
  const first = await api.get<Page<T>>(path, { ...query, page: 1, pageSize }, signal);
  const pages = Math.ceil(first.total / pageSize);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => api.get<Page<T>>(path, { ...query, page: i + 2, pageSize }, signal)));
  return [first, ...rest].flatMap((page) => page.items);
}

interface Snapshot {
  at: number;
  projects: ProjectListItem[];
  overdue: Set<string>;
  pending: Set<string>;
}
let snapshot: Promise<Snapshot> | undefined;
let snapshotAt = 0;

/**
 * One read of everything the fallback needs, shared for 30 seconds so switching the dimension is instant.
 * Not tied to a caller's AbortSignal: a page left early must not spoil the shared read for the next one.
 */
function projectSnapshot(fresh = false): Promise<Snapshot> {
  if (!snapshot || fresh || Date.now() - snapshotAt > 30_000) {
    snapshotAt = Date.now();
    snapshot = Promise.all([
      allPages<ProjectListItem>('/api/projects', {}),
      allPages<ProjectListItem>('/api/projects', { overdue: 'true' }),
      allPages<TransitionRequest>('/api/transition-requests', { status: 'pending' }),
    ]).then(([projects, overdue, pending]) => ({
      at: Date.now(),
      projects,
      overdue: new Set(overdue.map((p) => p.id)),
      pending: new Set(pending.map((r) => r.projectId)),
    }));
    snapshot.catch(() => (snapshot = undefined));
  }
  return snapshot;
}

function reached(project: ProjectListItem): boolean {
  if (project.stage === 'on_hold' || project.stage === 'cancelled') return false;
  const stage = STAGES.indexOf(project.stage as Stage);
  const target = STAGES.indexOf(project.target);
  return stage > target || (stage === target && project.target !== 'study');
}

async function computed(by: RollupDimension, fresh = false): Promise<DashboardData> {
  const [{ projects, overdue, pending, at }, tree, units] = await Promise.all([projectSnapshot(fresh), fetchPlanTree(), fetchUnits()]);
  const plan = indexPlan(tree);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const staleBefore = Date.now() - STALE_DAYS * 86_400_000;

  const keysOf = (p: ProjectListItem, dimension: RollupDimension): string[] => {
    const columns = p.columns?.length ? p.columns : [p.column];
    switch (dimension) {
      case 'sector':
        return [p.sector];
      case 'unit':
        return [p.unitId];
      case 'column':
        return columns.map(String);
      case 'chapter':
        return [...new Set(columns.map((c) => plan.column.get(c)?.chapter ?? p.chapter))].map(String);
      case 'part':
        return [...new Set(columns.map((c) => plan.column.get(c)?.part ?? p.part))].map(String);
    }
  };
  const labelOf = (dimension: RollupDimension, key: string): string => {
    const no = Number(key);
    if (dimension === 'chapter') return plan.chapter.has(no) ? `${plan.chapter.get(no)?.label} ${plan.chapter.get(no)?.title}` : `第${key}章`;
    if (dimension === 'part') return plan.part.has(no) ? `${plan.part.get(no)?.label} ${plan.part.get(no)?.title}` : `第${key}篇`;
    if (dimension === 'column') return plan.column.has(no) ? `${plan.column.get(no)?.label} ${plan.column.get(no)?.title}` : `专栏${key}`;
    if (dimension === 'unit') return unitNames.get(key) ?? key;
    return key;
  };
  const rowsFor = (dimension: RollupDimension): RollupRow[] => {
    const rows = new Map<string, RollupRow>();
    for (const p of projects) {
      for (const key of keysOf(p, dimension)) {
        const row = rows.get(key) ?? emptyRow(key, labelOf(dimension, key));
        rows.set(key, row);
        row.total += 1;
        row.byStage[p.stage] = (row.byStage[p.stage] ?? 0) + 1;
        row.targets[p.target] += 1;
        if (reached(p)) row.reached[p.target] += 1;
        row.rag[p.rag] = (row.rag[p.rag] ?? 0) + 1;
        if (overdue.has(p.id)) row.overdueMilestones += 1;
        if (pending.has(p.id)) row.pendingRequests += 1;
        if (Date.parse(p.updatedAt) < staleBefore) row.staleProjects += 1;
      }
    }
    const order = (row: RollupRow) =>
      dimension === 'sector' ? SECTORS.indexOf(row.key as (typeof SECTORS)[number]) : dimension === 'unit' ? -row.total : Number(row.key);
    return [...rows.values()].sort((a, b) => order(a) - order(b));
  };
  const rows = rowsFor(by);
  return { by, rows, totals: sumRows(by === 'sector' ? rows : rowsFor('sector')), source: 'computed', overdueCountsProjects: true, asOf: new Date(at) };
}

export async function loadDashboard(by: RollupDimension, signal?: AbortSignal, fresh = false): Promise<DashboardData> {
  return (await fromRollups(by, signal)) ?? computed(by, fresh);
}
