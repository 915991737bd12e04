import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SECTORS } from '@qj/catalog';
import { PROJECT_STATUSES, SECTOR_LABELS, type BusinessDay } from '@qj/domain';
import { approvalCountsSql, inPreparationSql, isApprovalSql, preworkRateHundredthsSql } from '../prework.sql';
import { overdueMilestoneSql, staleProjectSql, targetReachedSql } from '../rules.sql';
import { DataSource, EntityManager } from 'typeorm';

export const ROLLUP_DIMENSIONS = ['part', 'chapter', 'column', 'sector', 'unit'] as const;
export type RollupDimensionName = (typeof ROLLUP_DIMENSIONS)[number];

/** How each dimension keys a project: a project named in two chapters counts under both. */
const KEY_OF: Record<RollupDimensionName, string> = {
  part: 'unnest(p.part_nos)::text',
  chapter: 'unnest(p.chapter_nos)::text',
  column: 'unnest(p.column_nos)::text',
  sector: 'p.sector',
  unit: 'p.unit_id::text',
};

/** Which projects can stand under any of the keys `$5`: an incremental recompute reads only those. */
const PROJECTS_UNDER: Record<RollupDimensionName, string> = {
  part: 'p.part_nos && $5::text[]::smallint[]',
  chapter: 'p.chapter_nos && $5::text[]::smallint[]',
  column: 'p.column_nos && $5::text[]::smallint[]',
  sector: 'p.sector = ANY($5::text[])',
  unit: 'p.unit_id::text = ANY($5::text[])',
};

const LABEL_OF: Record<RollupDimensionName, string> = {
  part: `(SELECT label || ' ' || title FROM plan_part WHERE no = a.key::smallint)`,
  chapter: `(SELECT label || ' ' || title FROM plan_chapter WHERE no = a.key::smallint)`,
  column: `(SELECT label || ' ' || title FROM plan_column WHERE no = a.key::smallint)`,
  sector: `COALESCE((SELECT sector_labels FROM params) ->> a.key, a.key)`,
  unit: `(SELECT name FROM unit WHERE id = a.key::uuid)`,
};

const SORT_OF: Record<RollupDimensionName, string> = {
  part: 'a.key::int',
  chapter: 'a.key::int',
  column: 'a.key::int',
  sector: `COALESCE(array_position((SELECT sector_order FROM params), a.key), 999)`,
  unit: '0',
};

/** One week of the district's trend (GET /api/rollups/trend). */
export interface DistrictWeek {
  week: string;
  total: number;
  byStage: Record<'study' | 'start' | 'complete' | 'on_hold' | 'cancelled', number>;
  rag: Record<'green' | 'amber' | 'red', number>;
  overdueMilestones: number;
  staleProjects: number;
  pendingRequests: number;
}

export interface RollupRow {
  dimension: string;
  key: string;
  label: string;
  sortOrder: number;
  total: number;
  byStage: Record<string, number>;
  targets: Record<string, number>;
  reached: Record<string, number>;
  rag: Record<string, number>;
  overdueMilestones: number;
  staleProjects: number;
  pendingRequests: number;
  prework: { required: number; done: number; notApplicable: number; rate: number | null };
  computedAt: Date;
}

const ROW_COLUMNS = `dimension, key, label, sort_order AS "sortOrder", total, by_stage AS "byStage", targets, reached, rag,
  overdue_milestones AS "overdueMilestones", stale_projects AS "staleProjects", pending_requests AS "pendingRequests", prework, computed_at AS "computedAt"`;

/**
 * Roll-ups per part, chapter, column, sector and unit, computed from the projects themselves, so a
 * recompute is idempotent: seeing an event twice recomputes the same numbers. `keys` limits the work
 * to what a change touched; without it every key of the dimension is recomputed and vanished keys removed.
 */
@Injectable()
export class RollupRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async recompute(dimension: RollupDimensionName, day: BusinessDay, keys?: readonly string[], manager?: EntityManager): Promise<void> {
    const db = manager ?? this.dataSource.manager;
    await db.query(
      `WITH params AS (SELECT $3::jsonb AS sector_labels, $4::text[] AS sector_order),
       keyed AS (
         SELECT ${KEY_OF[dimension]} AS key, p.id, p.stage, p.target, p.rag,
           ${targetReachedSql('p')} AS reached,
           (SELECT count(*) FROM milestone m WHERE m.project_id = p.id AND ${overdueMilestoneSql('m', 'p', '$2::date')}) AS overdue,
           ${staleProjectSql('p', '$2::date', '$6::text')} AS stale,
           EXISTS (SELECT 1 FROM transition_request r WHERE r.project_id = p.id AND r.status = 'pending') AS pending,
           ap.required AS ap_required, ap.done AS ap_done, ap.not_applicable AS ap_na
         FROM project p
         -- 前期手续 count for the projects in preparation only (the rule of prework.sql.ts).
         CROSS JOIN LATERAL (SELECT ${approvalCountsSql('am')} FROM milestone am
                             WHERE am.project_id = p.id AND ${isApprovalSql('am')} AND ${inPreparationSql('p')}) ap
         WHERE $5::text[] IS NULL OR ${PROJECTS_UNDER[dimension]}
       ), a AS (
         SELECT key, count(*)::int AS total,
           jsonb_build_object('study', count(*) FILTER (WHERE stage = 'study'), 'start', count(*) FILTER (WHERE stage = 'start'),
             'complete', count(*) FILTER (WHERE stage = 'complete'), 'on_hold', count(*) FILTER (WHERE stage = 'on_hold'),
             'cancelled', count(*) FILTER (WHERE stage = 'cancelled')) AS by_stage,
           jsonb_build_object('study', count(*) FILTER (WHERE target = 'study'), 'start', count(*) FILTER (WHERE target = 'start'),
             'complete', count(*) FILTER (WHERE target = 'complete')) AS targets,
           jsonb_build_object('study', count(*) FILTER (WHERE target = 'study' AND reached), 'start', count(*) FILTER (WHERE target = 'start' AND reached),
             'complete', count(*) FILTER (WHERE target = 'complete' AND reached)) AS reached,
           jsonb_build_object('green', count(*) FILTER (WHERE rag = 'green'), 'amber', count(*) FILTER (WHERE rag = 'amber'),
             'red', count(*) FILTER (WHERE rag = 'red')) AS rag,
           COALESCE(sum(overdue), 0)::int AS overdue_milestones,
           count(*) FILTER (WHERE stale)::int AS stale_projects,
           count(*) FILTER (WHERE pending)::int AS pending_requests,
           sum(ap_required)::int AS ap_required, sum(ap_done)::int AS ap_done, sum(ap_na)::int AS ap_na
         FROM keyed WHERE ($5::text[] IS NULL OR key = ANY($5::text[])) GROUP BY key
       ), upserted AS (
         INSERT INTO rollup (dimension, key, label, sort_order, total, by_stage, targets, reached, rag, overdue_milestones, stale_projects, pending_requests,
                             prework, computed_at)
         SELECT $1, a.key, COALESCE(${LABEL_OF[dimension]}, a.key), ${SORT_OF[dimension]}, a.total, a.by_stage, a.targets, a.reached, a.rag,
                a.overdue_milestones, a.stale_projects, a.pending_requests,
                jsonb_build_object('required', a.ap_required, 'done', a.ap_done, 'notApplicable', a.ap_na,
                  'rate', ${preworkRateHundredthsSql('a.ap_required', 'a.ap_done', 'a.ap_na')} / 100.0),
                now()
         FROM a
         ON CONFLICT (dimension, key) DO UPDATE SET label = EXCLUDED.label, sort_order = EXCLUDED.sort_order, total = EXCLUDED.total,
           by_stage = EXCLUDED.by_stage, targets = EXCLUDED.targets, reached = EXCLUDED.reached, rag = EXCLUDED.rag,
           overdue_milestones = EXCLUDED.overdue_milestones, stale_projects = EXCLUDED.stale_projects,
           pending_requests = EXCLUDED.pending_requests, prework = EXCLUDED.prework, computed_at = EXCLUDED.computed_at
         RETURNING key
       )
       DELETE FROM rollup r WHERE r.dimension = $1 AND ($5::text[] IS NULL OR r.key = ANY($5::text[]))
         AND r.key NOT IN (SELECT key FROM upserted)`,
      [dimension, day.today, JSON.stringify(SECTOR_LABELS), [...SECTORS], keys ? [...keys] : null, day.timeZone],
    );
  }

  async recomputeAll(day: BusinessDay): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const dimension of ROLLUP_DIMENSIONS) await this.recompute(dimension, day, undefined, manager);
    });
  }

  /** Recomputes exactly the keys these projects stand under, in every dimension. */
  async refreshForProjects(projectIds: readonly string[], day: BusinessDay, formerUnitIds: readonly string[] = []): Promise<void> {
    if (!projectIds.length) return;
    const [keys] = await this.dataSource.query(
      `SELECT (SELECT array_agg(DISTINCT k::text) FROM project p, unnest(p.part_nos) k WHERE p.id = ANY($1::uuid[])) AS part,
              (SELECT array_agg(DISTINCT k::text) FROM project p, unnest(p.chapter_nos) k WHERE p.id = ANY($1::uuid[])) AS chapter,
              (SELECT array_agg(DISTINCT k::text) FROM project p, unnest(p.column_nos) k WHERE p.id = ANY($1::uuid[])) AS "column",
              (SELECT array_agg(DISTINCT p.sector) FROM project p WHERE p.id = ANY($1::uuid[])) AS sector,
              (SELECT array_agg(DISTINCT p.unit_id::text) FROM project p WHERE p.id = ANY($1::uuid[])) AS unit`,
      [projectIds],
    );
    // A project that changed unit leaves its former unit's roll-up too.
    keys.unit = [...new Set([...(keys.unit ?? []), ...formerUnitIds])];
    await this.dataSource.transaction(async (manager) => {
      for (const dimension of ROLLUP_DIMENSIONS) {
        if (keys[dimension]?.length) await this.recompute(dimension, day, keys[dimension], manager);
      }
    });
  }

  async list(dimension: RollupDimensionName): Promise<RollupRow[]> {
    return this.dataSource.query(`SELECT ${ROW_COLUMNS} FROM rollup WHERE dimension = $1 ORDER BY sort_order, label`, [dimension]);
  }

  /** Keeps this week's copy of every roll-up; a second call in the same week keeps the first copy. */
  async snapshot(week: string): Promise<number> {
    const rows = await this.dataSource.query(
      `INSERT INTO rollup_snapshot (week, dimension, key, data)
       SELECT $1, dimension, key, jsonb_build_object('label', label, 'total', total, 'byStage', by_stage, 'targets', targets,
              'reached', reached, 'rag', rag, 'overdueMilestones', overdue_milestones, 'staleProjects', stale_projects,
              'pendingRequests', pending_requests, 'prework', prework, 'computedAt', computed_at)
       FROM rollup r
       ON CONFLICT (week, dimension, key) DO NOTHING RETURNING key`,
      [week],
    );
    return rows.length;
  }

  async history(dimension: RollupDimensionName, key: string): Promise<Array<{ week: string; data: Record<string, unknown>; takenAt: Date }>> {
    return this.dataSource.query(`SELECT week, data, taken_at AS "takenAt" FROM rollup_snapshot WHERE dimension = $1 AND key = $2 ORDER BY week`, [
      dimension,
      key,
    ]);
  }

  /**
   * The district's weekly totals, oldest first: every unit's snapshot summed per week. Each project has exactly
   * one unit, so each counts once — the trend the dashboard draws, in one read instead of one per unit.
   */
  async districtTrend(): Promise<DistrictWeek[]> {
    const sumOf = (path: string) => `sum((data${path})::int)::int`;
    const stages = PROJECT_STATUSES.map((stage) => `'${stage}', ${sumOf(`->'byStage'->>'${stage}'`)}`).join(', ');
    const rag = ['green', 'amber', 'red'].map((level) => `'${level}', ${sumOf(`->'rag'->>'${level}'`)}`).join(', ');
    return this.dataSource.query(
      `SELECT week, ${sumOf(`->>'total'`)} AS total, jsonb_build_object(${stages}) AS "byStage", jsonb_build_object(${rag}) AS rag,
              ${sumOf(`->>'overdueMilestones'`)} AS "overdueMilestones", ${sumOf(`->>'staleProjects'`)} AS "staleProjects",
              ${sumOf(`->>'pendingRequests'`)} AS "pendingRequests"
       FROM rollup_snapshot WHERE dimension = 'unit' GROUP BY week ORDER BY week`,
    );
  }

  /** The snapshot of `week` for a whole dimension, keyed, for week-over-week comparisons. */
  async snapshotOf(dimension: RollupDimensionName, week: string): Promise<Map<string, Record<string, unknown>>> {
    const rows: Array<{ key: string; data: Record<string, unknown> }> = await this.dataSource.query(
      `SELECT key, data FROM rollup_snapshot WHERE dimension = $1 AND week = $2`,
      [dimension, week],
    );
    return new Map(rows.map((row) => [row.key, row.data]));
  }
}
