import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SECTORS } from '@qj/catalog';
import {
  countRate,
  hundredthsToNumber,
  monthEnd,
  monthKey,
  rateLabel,
  SECTOR_LABELS,
  thresholdsInHundredths,
  type AnnualPlan,
  type CountRate,
  type InvestmentLightRules,
  type Light,
  type ProjectStatus,
  type ReportAmount,
} from '@qj/domain';
import { DataSource, EntityManager } from 'typeorm';
import { happenedBySql, plannedBySql, projectFiguresSql, rateHundredthsSql, scheduleHundredthsSql } from '../investment.sql';
import { managerOf, Transaction } from './transaction';
import { ALL_UNITS, UnitScope, unitOfScope } from './unit-scope';

/** How the investment summary groups projects: the whole district, or as the stage roll-ups do. */
export const INVESTMENT_DIMENSIONS = ['district', 'part', 'chapter', 'column', 'sector', 'unit'] as const;
export type InvestmentDimension = (typeof INVESTMENT_DIMENSIONS)[number];
/** The summary's groupings: the public dimensions, and 投资类型 (government / enterprise; `unset` where not stated) for the bulletin. */
export type InvestmentGrouping = InvestmentDimension | 'investment_type';

/** A project named in two chapters counts under both (like the roll-ups); units are keyed by their code. */
const KEY_OF: Record<InvestmentGrouping, string> = {
  district: `'district'`,
  investment_type: `COALESCE(lit.investment_type, 'unset')`,
  part: 'unnest(lit.part_nos)::text',
  chapter: 'unnest(lit.chapter_nos)::text',
  column: 'unnest(lit.column_nos)::text',
  sector: 'lit.sector',
  unit: 'lit.unit_code',
};

const LABEL_OF: Record<InvestmentGrouping, string> = {
  district: `'全区'`,
  investment_type: `CASE a.key WHEN 'government' THEN '政府投资' WHEN 'enterprise' THEN '企业投资' ELSE '未填报投资类型' END`,
  part: `(SELECT label || ' ' || title FROM plan_part WHERE no = a.key::smallint)`,
  chapter: `(SELECT label || ' ' || title FROM plan_chapter WHERE no = a.key::smallint)`,
  column: `(SELECT label || ' ' || title FROM plan_column WHERE no = a.key::smallint)`,
  sector: `(SELECT sector_labels ->> a.key FROM params)`,
  unit: `(SELECT name FROM unit WHERE code = a.key)`,
};

const SORT_OF: Record<InvestmentGrouping, string> = {
  district: '0',
  investment_type: `CASE a.key WHEN 'government' THEN 1 WHEN 'enterprise' THEN 2 ELSE 3 END`,
  part: 'a.key::int',
  chapter: 'a.key::int',
  column: 'a.key::int',
  sector: `COALESCE(array_position((SELECT sector_order FROM params), a.key), 999)`,
  unit: '0',
};

const MULTI: Partial<Record<InvestmentGrouping, string>> = { part: 'part_nos', chapter: 'chapter_nos', column: 'column_nos' };

type LightCounts = Record<Light, number>;

/** One row of GET /api/investment/summary (and of the monthly snapshot). */
export interface InvestmentSummaryRow {
  key: string;
  label: string;
  projectCount: number;
  plannedInvestment: string;
  originalPlannedInvestment: string;
  completedYtd: string;
  completionRate: number | null;
  scheduleRate: number;
  gapPoints: number | null;
  lights: LightCounts;
  lightsBy: { investment: LightCounts; start: LightCounts; registration: LightCounts };
  startRateToDate: CountRate;
  startRateYear: CountRate;
  completionRateToDate: CountRate;
  completionRateYear: CountRate;
}

/** What one project's figures are computed from (by `projectInvestmentFigures` of libs/domain). */
export interface ProjectInvestmentFacts {
  id: string;
  unitId: string;
  stage: ProjectStatus;
  previousStage: ProjectStatus | null;
  groundbreakingOn: string | null;
  completionOn: string | null;
  statisticsRegisteredOn: string | null;
  plan: AnnualPlan | null;
  reports: ReportAmount[];
}

/** A page of projects by their figures (the red list): filters, and the page. */
export interface ProjectFiguresQuery {
  year: number;
  month: number;
  rules: InvestmentLightRules;
  scope: UnitScope;
  /** Which light `light` filters on: the project light (worst of the three) or one of them. */
  kind: 'project' | 'investment' | 'start' | 'registration';
  light?: Light;
  unitId?: string;
  chapter?: number;
  page: number;
  pageSize: number;
}

/** One project's figures as projectFiguresSql renders them (hundredths as strings, dates as YYYY-MM-DD). */
export interface ProjectFiguresRow {
  projectId: string;
  name: string;
  unitId: string;
  unitName: string;
  plannedInvestment: string | null;
  originalInvestment: string | null;
  planVersion: number | null;
  plannedStartMonth: number | null;
  plannedCompletionMonth: number | null;
  completedYtd: string;
  rateHundredths: string | null;
  scheduleHundredths: string;
  startedOn: string | null;
  completedOn: string | null;
  registeredOn: string | null;
  lights: { investment: Light; start: Light; registration: Light };
  light: Light;
}

const LIGHT_COLUMN: Record<ProjectFiguresQuery['kind'], string> = { project: 'light', investment: 'inv', start: 'st', registration: 'reg' };

export interface SummaryQuery {
  year: number;
  month: number;
  by: InvestmentGrouping;
  scope: UnitScope;
  rules: InvestmentLightRules;
}

/**
 * The investment figures of the monthly 调度, read from the plans, the submitted monthly reports and the milestones in
 * one query per request (the rules rendered by investment.sql.ts). Only submitted reports count.
 */
@Injectable()
export class InvestmentFiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A project's facts for year Y: its plan, that year's reports (every status; the rules count the submitted ones), its start and completion. */
  async projectFacts(projectId: string, year: number): Promise<ProjectInvestmentFacts | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT p.id, p.unit_id AS "unitId", p.stage, p.previous_stage AS "previousStage",
              p.statistics_registered_on::text AS "statisticsRegisteredOn",
              (SELECT actual_date::text FROM milestone WHERE project_id = p.id AND code = 'groundbreaking' AND status = 'done') AS "groundbreakingOn",
              (SELECT COALESCE(max(actual_date) FILTER (WHERE code = 'acceptance'), max(actual_date) FILTER (WHERE code = 'in_service'))::text
                 FROM milestone WHERE project_id = p.id AND status = 'done') AS "completionOn",
              (SELECT json_build_object('plannedInvestment', planned_investment::text, 'originalInvestment', original_investment::text,
                        'version', version, 'plannedStartMonth', planned_start_month, 'plannedCompletionMonth', planned_completion_month)
                 FROM investment_plan WHERE project_id = p.id AND year = $2) AS plan,
              COALESCE((SELECT json_agg(json_build_object('month', month, 'completedInvestment', completed_investment::text, 'status', status) ORDER BY month)
                 FROM monthly_report WHERE project_id = p.id AND year = $2), '[]') AS reports
       FROM project p WHERE p.id = $1`,
      [projectId, year],
    );
    return row as ProjectInvestmentFacts | undefined;
  }

  /**
   * Every project with a plan for year Y, with its facts (as `projectFacts` gives one) and its name and unit's name: the
   * bulletin lists the projects behind from these, each judged by `projectInvestmentFigures` of libs/domain.
   */
  async projectFactsOfYear(year: number): Promise<Array<ProjectInvestmentFacts & { name: string; unitName: string; planOrder: number }>> {
    return this.dataSource.query(
      `WITH ms AS (
         SELECT project_id, max(actual_date) FILTER (WHERE code = 'groundbreaking') AS groundbreaking_on,
                COALESCE(max(actual_date) FILTER (WHERE code = 'acceptance'), max(actual_date) FILTER (WHERE code = 'in_service')) AS completion_on
         FROM milestone WHERE code IN ('groundbreaking', 'acceptance', 'in_service') AND status = 'done' GROUP BY project_id
       ), rs AS (
         SELECT project_id, json_agg(json_build_object('month', month, 'completedInvestment', completed_investment::text, 'status', status) ORDER BY month) AS reports
         FROM monthly_report WHERE year = $1 GROUP BY project_id
       )
       SELECT p.id, p.name, u.name AS "unitName", p.plan_order AS "planOrder", p.unit_id AS "unitId", p.stage, p.previous_stage AS "previousStage",
              p.statistics_registered_on::text AS "statisticsRegisteredOn", ms.groundbreaking_on::text AS "groundbreakingOn",
              ms.completion_on::text AS "completionOn",
              json_build_object('plannedInvestment', ip.planned_investment::text, 'originalInvestment', ip.original_investment::text, 'version', ip.version,
                'plannedStartMonth', ip.planned_start_month, 'plannedCompletionMonth', ip.planned_completion_month) AS plan,
              COALESCE(rs.reports, '[]') AS reports
       FROM investment_plan ip JOIN project p ON p.id = ip.project_id JOIN unit u ON u.id = p.unit_id
       LEFT JOIN ms ON ms.project_id = p.id LEFT JOIN rs ON rs.project_id = p.id
       WHERE ip.year = $1 ORDER BY p.plan_order`,
      [year],
    );
  }

  /**
   * The summary of year Y at month m grouped by `by`, over the projects with a plan for Y that the scope lets the
   * user see. Amounts are summed exactly, the completion rate is that of the sums, lights are counted per project.
   */
  async summary(query: SummaryQuery, manager?: EntityManager): Promise<{ items: InvestmentSummaryRow[]; multiCounted: number }> {
    const { year, month, by, scope, rules } = query;
    const db = manager ?? this.dataSource.manager;
    const unitId = unitOfScope(scope);
    const { yellow, red } = thresholdsInHundredths(rules);
    const y = '$1::int';
    const m = '$2::int';
    const end = '$4::date';
    const counted = (column: string, prefix: string) =>
      (['green', 'yellow', 'red'] as const).map((light) => `count(*) FILTER (WHERE ${column} = '${light}')::int AS ${prefix}_${light}`).join(', ');
    const tally = (plannedMonth: string, done: string, name: string) =>
      (['to_date', 'year'] as const)
        .map(
          (basis) =>
            `count(*) FILTER (WHERE ${plannedBySql(plannedMonth, basis, m)})::int AS ${name}_${basis}_den,
             count(*) FILTER (WHERE ${plannedBySql(plannedMonth, basis, m)} AND ${happenedBySql(done, end)})::int AS ${name}_${basis}_num`,
        )
        .join(', ');
    const multi = MULTI[by];
    const rows: Array<Record<string, string | number | null>> = await db.query(
      `WITH params AS (SELECT $6::jsonb AS sector_labels, $7::text[] AS sector_order),
       lit AS MATERIALIZED (
         -- Materialised: each project's lights are computed once, not once per count that reads them.
         ${projectFiguresSql(
           { year: y, month: m, monthKey: '$3::text', monthEnd: end, yellow: '$8::numeric', red: '$9::numeric' },
           {
             columns: 'u.code AS unit_code, p.sector, p.investment_type, p.part_nos, p.chapter_nos, p.column_nos',
             where: 'ip.project_id IS NOT NULL AND ($5::uuid IS NULL OR p.unit_id = $5::uuid)',
           },
         )}
       ), keyed AS (
         SELECT ${KEY_OF[by]} AS key, lit.* FROM lit
       ), a AS (
         SELECT key, count(*)::int AS project_count, sum(planned) AS planned, sum(original) AS original, sum(ytd) AS ytd,
                ${counted('light', 'all')}, ${counted('inv', 'inv')}, ${counted('st', 'st')}, ${counted('reg', 'reg')},
                ${tally('psm', 'started_on', 'start')}, ${tally('pcm', 'completed_on', 'completion')}
         FROM keyed GROUP BY key
       )
       SELECT a.*, COALESCE(${LABEL_OF[by]}, a.key) AS label, ${SORT_OF[by]} AS sort_order,
              a.planned::numeric(20, 2)::text AS planned_text, a.original::numeric(20, 2)::text AS original_text, a.ytd::numeric(20, 2)::text AS ytd_text,
              ${rateHundredthsSql('a.ytd', 'a.planned')}::text AS rate_h, ${scheduleHundredthsSql(m)}::text AS schedule_h,
              ${multi ? `(SELECT count(*) FILTER (WHERE cardinality(${multi}) > 1) FROM lit)::int` : '0'} AS multi_counted
       FROM a ORDER BY sort_order, label, a.key`,
      [year, month, monthKey(year, month), monthEnd(year, month), unitId, JSON.stringify(SECTOR_LABELS), [...SECTORS], yellow.toString(), red.toString()],
    );
    return { items: rows.map((row) => toSummaryRow(row, year, month)), multiCounted: Number(rows[0]?.multi_counted ?? 0) };
  }

  /**
   * The projects with a plan for year Y whose light (of `kind`) is `light`, with their figures at month m, from the same
   * rendering as the summary (whose light counts they add up to) and the per-project figures: worst first (light, then
   * the gap), one statement per page.
   */
  async projectFigures(query: ProjectFiguresQuery): Promise<{ items: ProjectFiguresRow[]; total: number }> {
    const { year, month, rules } = query;
    const { yellow, red } = thresholdsInHundredths(rules);
    const params: unknown[] = [year, month, monthKey(year, month), monthEnd(year, month), yellow.toString(), red.toString(), unitOfScope(query.scope)];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where = ['ip.project_id IS NOT NULL', '($7::uuid IS NULL OR p.unit_id = $7::uuid)'];
    if (query.unitId !== undefined) where.push(`p.unit_id = ${bind(query.unitId)}::uuid`);
    if (query.chapter !== undefined) where.push(`p.chapter_nos @> ARRAY[${bind(query.chapter)}::smallint]`);
    const lightColumn = LIGHT_COLUMN[query.kind];
    const filter = query.light === undefined ? '' : `WHERE f.${lightColumn} = ${bind(query.light)}`;
    const rows: Array<ProjectFiguresRow & { total: string }> = await this.dataSource.query(
      `SELECT f.project_id AS "projectId", f.name, f.unit_id AS "unitId", f.unit_name AS "unitName",
              f.planned::numeric(20, 2)::text AS "plannedInvestment", f.original::numeric(20, 2)::text AS "originalInvestment", f.plan_version AS "planVersion",
              f.psm AS "plannedStartMonth", f.pcm AS "plannedCompletionMonth", f.ytd::numeric(20, 2)::text AS "completedYtd",
              f.rate_h::text AS "rateHundredths", f.schedule_h::text AS "scheduleHundredths", f.started_on::text AS "startedOn",
              f.completed_on::text AS "completedOn", f.registered_on::text AS "registeredOn",
              json_build_object('investment', f.inv, 'start', f.st, 'registration', f.reg) AS lights, f.light, count(*) OVER () AS total
       FROM (${projectFiguresSql(
         { year: '$1::int', month: '$2::int', monthKey: '$3::text', monthEnd: '$4::date', yellow: '$5::numeric', red: '$6::numeric' },
         { columns: 'p.name, u.name AS unit_name, p.plan_order', where: where.join(' AND ') },
       )}) f ${filter}
       ORDER BY array_position(ARRAY['red', 'yellow', 'green']::text[], f.${lightColumn}), f.rate_h - f.schedule_h NULLS LAST, f.plan_order, f.project_id
       LIMIT ${bind(query.pageSize)} OFFSET ${bind((query.page - 1) * query.pageSize)}`,
      params,
    );
    return { items: rows.map(({ total: _total, ...row }) => row), total: Number(rows[0]?.total ?? 0) };
  }

  /** Every unit (code and name) the scope lets the user see: rankings list the units without figures apart. */
  async units(scope: UnitScope): Promise<Array<{ key: string; label: string }>> {
    const unitId = unitOfScope(scope);
    return this.dataSource.query(`SELECT code AS key, name AS label FROM unit WHERE $1::uuid IS NULL OR id = $1::uuid ORDER BY code`, [unitId]);
  }

  /**
   * Freezes month m of year Y: copies the district-wide summary of every dimension into investment_snapshot, for the
   * bulletin to publish. Idempotent: once a month is frozen a second call changes nothing and answers `created: false`
   * (concurrent calls serialise on an advisory lock, so a month is never half from one call and half from another).
   */
  async snapshotMonth(year: number, month: number, rules: InvestmentLightRules, tx?: Transaction): Promise<{ created: boolean; rows: number }> {
    // In the caller's transaction when given (publishing a bulletin freezes its month in the same commit).
    const inTransaction = <T>(work: (manager: EntityManager) => Promise<T>) => (tx ? work(managerOf(tx)) : this.dataSource.transaction(work));
    return inTransaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('investment_snapshot'), $1::int)`, [year * 100 + month]);
      const [existing] = await manager.query(`SELECT count(*)::int AS n FROM investment_snapshot WHERE year = $1 AND month = $2`, [year, month]);
      if (existing.n > 0) return { created: false, rows: existing.n as number };
      let rows = 0;
      for (const by of INVESTMENT_DIMENSIONS) {
        const { items } = await this.summary({ year, month, by, scope: ALL_UNITS, rules }, manager);
        if (!items.length) continue;
        await manager.query(
          `INSERT INTO investment_snapshot (year, month, dimension, key, sort_order, data)
           SELECT $1, $2, $3, item ->> 'key', ordinal, item FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS e(item, ordinal)`,
          [year, month, by, JSON.stringify(items)],
        );
        rows += items.length;
      }
      return { created: true, rows };
    });
  }

  /** The frozen summary of month m by a dimension, as snapshotMonth kept it (empty when the month was never frozen). */
  async snapshotOf(year: number, month: number, by: InvestmentDimension): Promise<{ items: InvestmentSummaryRow[]; takenAt: Date | null }> {
    const rows: Array<{ data: InvestmentSummaryRow; takenAt: Date }> = await this.dataSource.query(
      `SELECT data, taken_at AS "takenAt" FROM investment_snapshot WHERE year = $1 AND month = $2 AND dimension = $3
       ORDER BY sort_order`,
      [year, month, by],
    );
    return { items: rows.map((row) => row.data), takenAt: rows[0]?.takenAt ?? null };
  }
}

function toSummaryRow(row: Record<string, string | number | null>, year: number, month: number): InvestmentSummaryRow {
  const n = (name: string) => Number(row[name]);
  const lights = (prefix: string): LightCounts => ({ green: n(`${prefix}_green`), yellow: n(`${prefix}_yellow`), red: n(`${prefix}_red`) });
  const rate = row.rate_h === null ? null : BigInt(row.rate_h);
  const schedule = BigInt(row.schedule_h as string);
  const ofCounts = (name: 'start' | 'completion', basis: 'to_date' | 'year') =>
    countRate(n(`${name}_${basis}_num`), n(`${name}_${basis}_den`), rateLabel(name, basis, year, month));
  return {
    key: String(row.key),
    label: String(row.label),
    projectCount: n('project_count'),
    plannedInvestment: String(row.planned_text),
    originalPlannedInvestment: String(row.original_text),
    completedYtd: String(row.ytd_text),
    completionRate: rate === null ? null : hundredthsToNumber(rate),
    scheduleRate: hundredthsToNumber(schedule),
    gapPoints: rate === null ? null : hundredthsToNumber(rate - schedule),
    lights: lights('all'),
    lightsBy: { investment: lights('inv'), start: lights('st'), registration: lights('reg') },
    startRateToDate: ofCounts('start', 'to_date'),
    startRateYear: ofCounts('start', 'year'),
    completionRateToDate: ofCounts('completion', 'to_date'),
    completionRateYear: ofCounts('completion', 'year'),
  };
}
