import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { monthEnd, monthKey, thresholdsInHundredths, type BusinessDay, type InvestmentLightRules } from '@qj/domain';
import { DataSource } from 'typeorm';
import { PROJECT_FACTS_SQL, ProjectFacts } from './project-facts.repository';
import { combinedLightSql, projectFiguresSql } from '../investment.sql';
import { lastChangedAtSql, nextMilestoneSql, overdueMilestoneSql, stageOrderSql, staleProjectSql, statusOrderSql } from '../rules.sql';
import { isUuid } from '@qj/http';
import { UnitScope, unitOfScope } from './unit-scope';

export const PROJECT_SORTS = [
  'plan',
  'name',
  'stage',
  'target',
  'sector',
  'column',
  'chapter',
  'updatedAt',
  'plannedInvestment',
  'completedYtd',
  'completionRate',
  'lastChangedAt',
] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

export interface ProjectListFilter {
  part?: number;
  chapter?: number;
  column?: number;
  sector?: string;
  stage?: string;
  target?: string;
  /** A unit's id or code. */
  unit?: string;
  q?: string;
  rag?: string;
  /** Has an overdue milestone (see `isMilestoneOverdue`). */
  overdue?: boolean;
  /** Stale: no update by a person for STALE_DAYS days (see `isStale`). */
  stale?: boolean;
  /** Today and the time zone, for `overdue` and `stale`. */
  day: BusinessDay;
  sort?: ProjectSort;
  descending?: boolean;
  page: number;
  pageSize: number;
  /**
   * The investment figures' period (months 1–m of year Y) and thresholds, and whose projects' figures the reader may
   * see (`scope`; null: none). Outside it a row's figures are null, as the per-project figures answer 403.
   */
  figures: { year: number; month: number; rules: InvestmentLightRules; scope: UnitScope | null };
}

export interface ProjectListItem extends ProjectFacts {
  id: string;
  key: string;
  name: string;
  column: number;
  item: number | null;
  chapter: number;
  part: number;
  columns: number[];
  sector: string;
  stage: string;
  target: string;
  targetAmbiguous: boolean;
  targetVerb: string;
  baselineStage: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  rag: string;
  version: number;
  updatedAt: Date;
  /** 年度计划投资 of the figures' year (万元); null without a plan or outside the reader's scope. */
  plannedInvestment: string | null;
  /** 本年累计完成投资 to the figures' month; null outside the reader's scope. */
  completedYtd: string | null;
  /** 投资完成率 (%); null without a plan (or a plan of 0) or outside the reader's scope. */
  completionRate: number | null;
  /** The project light (milestone RAG and the 调度's lights, `combineProjectLight`); null outside the reader's scope. */
  light: string | null;
  /** 最近更新: the latest change to the project or any of its milestones (`lastChangedAtSql`). */
  lastChangedAt: Date;
  /** The open milestone due first (`nextMilestoneSql`), for the list's cards on a phone. */
  nextMilestone: NextMilestone | null;
}

export interface NextMilestone {
  id: string;
  code: string;
  name: string;
  /** Its forecast, else its baseline. */
  dueDate: string;
  /** Days past due today; 0 unless overdue. */
  overdueDays: number;
}

const STAGE_ORDER = statusOrderSql('p.stage');
const TARGET_ORDER = stageOrderSql('p.target');
const ORDER_BY: Record<ProjectSort, string> = {
  plan: 'p.plan_order',
  name: 'p.pinyin',
  stage: STAGE_ORDER,
  target: TARGET_ORDER,
  sector: 'p.sector',
  column: 'p.column_no',
  chapter: 'p.chapter_no',
  updatedAt: 'p.updated_at',
  // Projects without the figure sort after those with it, whichever the direction.
  plannedInvestment: 'p.planned_investment',
  completedYtd: 'p.completed_ytd',
  completionRate: 'p.rate_h',
  lastChangedAt: 'p.last_changed_at',
};
const NULLS_LAST = new Set<ProjectSort>(['plannedInvestment', 'completedYtd', 'completionRate']);

/** Projects counted under more than one key of a dimension: the sums over parts, chapters or columns exceed the total by them. */
export interface MultiCounted {
  part: number;
  chapter: number;
  column: number;
}

const MULTI_COUNTED = `(SELECT json_build_object(
    'part', count(*) FILTER (WHERE cardinality(part_nos) > 1),
    'chapter', count(*) FILTER (WHERE cardinality(chapter_nos) > 1),
    'column', count(*) FILTER (WHERE cardinality(column_nos) > 1)) FROM project)`;

/** An indicator of column 1 (主要指标), as the plan states it. */
export interface IndicatorRow {
  no: number;
  category: string;
  name: string;
  unit: string | null;
  value2025: string | null;
  target2030: string | null;
  value2025Number: number | null;
  target2030Number: number | null;
  nature: string;
  natureLabel: string;
  annualGrowth: boolean;
}

/** `q` is matched literally: LIKE's wildcards and escape character in it are escaped. */
export function likeContains(q: string): string {
  return `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function likePrefix(q: string): string {
  return `${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * How well `search_text` (名称, pinyin, initials, space-separated) matches a search, best first: 0 the whole name's
 * initials (yggt → 渝贵高铁), 1 a prefix of the initials, 2 within the name or its pinyin, 3 only within the initials
 * (yggt inside 沙溪公园公共停车场's s-x-g-y-g-g-t-c-c).
 */
function searchRankSql(searchText: string, exact: string, prefix: string, contains: string): string {
  const [name, pinyin, initials] = [1, 2, 3].map((n) => `split_part(${searchText}, ' ', ${n})`);
  return `CASE WHEN ${initials} = ${exact} THEN 0 WHEN ${initials} LIKE ${prefix} THEN 1
               WHEN ${name} LIKE ${contains} OR ${pinyin} LIKE ${contains} THEN 2 ELSE 3 END`;
}

/** Lower case without spaces, as `search_text` is stored (名称, pinyin, initials). */
export function normaliseQuery(q: string): string {
  return q.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Reads of the catalog: the project list and detail, the plan tree and the indicators. */
@Injectable()
export class ProjectReadRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(filter: ProjectListFilter): Promise<{ items: ProjectListItem[]; total: number }> {
    const params: unknown[] = [];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (filter.part !== undefined) where.push(`p.part_nos @> ARRAY[${bind(filter.part)}::smallint]`);
    if (filter.chapter !== undefined) where.push(`p.chapter_nos @> ARRAY[${bind(filter.chapter)}::smallint]`);
    if (filter.column !== undefined) where.push(`p.column_nos @> ARRAY[${bind(filter.column)}::smallint]`);
    if (filter.sector !== undefined) where.push(`p.sector = ${bind(filter.sector)}`);
    if (filter.stage !== undefined) where.push(`p.stage = ${bind(filter.stage)}`);
    if (filter.target !== undefined) where.push(`p.target = ${bind(filter.target)}`);
    if (filter.unit !== undefined) where.push(isUuid(filter.unit) ? `p.unit_id = ${bind(filter.unit)}` : `u.code = ${bind(filter.unit)}`);
    if (filter.rag !== undefined) where.push(`p.rag = ${bind(filter.rag)}`);
    if (filter.overdue !== undefined) {
      where.push(
        `${filter.overdue ? '' : 'NOT '}EXISTS (SELECT 1 FROM milestone m WHERE m.project_id = p.id AND ${overdueMilestoneSql('m', 'p', `${bind(filter.day.today)}::date`)})`,
      );
    }
    if (filter.stale !== undefined) {
      where.push(`${filter.stale ? '' : 'NOT '}${staleProjectSql('p', `${bind(filter.day.today)}::date`, `${bind(filter.day.timeZone)}::text`)}`);
    }
    const q = filter.q === undefined ? '' : normaliseQuery(filter.q);
    let contains = '';
    if (q) {
      // Two characters have no trigram: the bigram index narrows the rows, LIKE keeps the match exact.
      if ([...q].length === 2) where.push(`search_bigrams(p.search_text) @> ARRAY[${bind(q)}::text]`);
      contains = bind(likeContains(q));
      where.push(`p.search_text LIKE ${contains}`);
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const direction = filter.descending ? 'DESC' : 'ASC';
    // Without a sort asked for, a search lists its best matches first, then in plan order.
    const rankFirst = q && filter.sort === undefined ? 'p.match_rank, ' : '';
    const sort = filter.sort ?? 'plan';
    const orderSql = `${rankFirst}${ORDER_BY[sort]} ${direction}${NULLS_LAST.has(sort) ? ' NULLS LAST' : ''}, p.plan_order ${direction}, p.id`;
    const from = `FROM project p JOIN unit u ON u.id = p.unit_id ${whereSql}`;
    const whereParams = params.length;
    // Bound after the filter's parameters: the separate count below takes only those.
    const matchRank = q ? searchRankSql('p.search_text', bind(q), bind(likePrefix(q)), contains) : '0';
    // The page's figures come from the same rendering as the summary and the per-project figures, in this one statement.
    const { figures } = filter;
    let figuresJoin =
      'LEFT JOIN (SELECT NULL::uuid AS project_id, NULL::numeric AS planned, NULL::numeric AS ytd, NULL::numeric AS rate_h, NULL::text AS light) f ON false';
    if (figures.scope !== null) {
      const { yellow, red } = thresholdsInHundredths(figures.rules);
      const scope = bind(unitOfScope(figures.scope));
      const figuresSql = projectFiguresSql(
        {
          year: `${bind(figures.year)}::int`,
          month: `${bind(figures.month)}::int`,
          monthKey: `${bind(monthKey(figures.year, figures.month))}::text`,
          monthEnd: `${bind(monthEnd(figures.year, figures.month))}::date`,
          yellow: `${bind(yellow.toString())}::numeric`,
          red: `${bind(red.toString())}::numeric`,
        },
        { where: `(${scope}::uuid IS NULL OR p.unit_id = ${scope}::uuid)` },
      );
      figuresJoin = `LEFT JOIN (${figuresSql}) f ON f.project_id = p.id`;
    }

    const today = `${bind(filter.day.today)}::date`;
    // The matching rows are computed first (MATERIALIZED): otherwise, with the window count and a LIMIT, the
    // planner may walk the sort index and filter the whole table to find the first page.
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH matched AS MATERIALIZED (
         SELECT p.id, p.catalog_key, p.name, p.pinyin, p.column_no, p.item_no, p.chapter_no, p.part_no, p.column_nos, p.sector, p.stage,
                p.target, p.target_ambiguous, p.target_verb, p.baseline_stage, p.unit_id, u.code AS unit_code, u.name AS unit_name, p.rag,
                p.version, p.updated_at, ${lastChangedAtSql('p')} AS last_changed_at, p.plan_order, ${matchRank} AS match_rank, ${PROJECT_FACTS_SQL},
                f.planned AS planned_investment, f.ytd AS completed_ytd, f.rate_h,
                CASE WHEN f.project_id IS NOT NULL THEN ${combinedLightSql('p.rag', 'f.light')} END AS light
         FROM project p JOIN unit u ON u.id = p.unit_id ${figuresJoin} ${whereSql}
       )
       SELECT p.id, p.catalog_key AS key, p.name, p.column_no AS "column", p.item_no AS item, p.chapter_no AS chapter, p.part_no AS part,
              p.column_nos AS columns, p.sector, p.stage, p.target, p.target_ambiguous AS "targetAmbiguous", p.target_verb AS "targetVerb",
              p.baseline_stage AS "baselineStage", p.unit_id AS "unitId", p.unit_code AS "unitCode", p.unit_name AS "unitName", p.rag, p.version,
              p.updated_at AS "updatedAt", p."projectCode", p."totalInvestment", p."investmentType", p."constructionStartYear",
              p."constructionEndYear", p."constructionScope", p."statisticsRegisteredOn",
              p.planned_investment::numeric(20, 2)::text AS "plannedInvestment", p.completed_ytd::numeric(20, 2)::text AS "completedYtd",
              p.rate_h::float8 / 100 AS "completionRate", p.light, p.last_changed_at AS "lastChangedAt",
              ${nextMilestoneSql('p', today)} AS "nextMilestone", count(*) OVER () AS total
       FROM matched p ORDER BY ${orderSql} LIMIT ${bind(filter.pageSize)} OFFSET ${bind((filter.page - 1) * filter.pageSize)}`,
      params,
    );
    // Past the last page the window count has no row to ride on; count separately only then.
    const total = rows.length
      ? Number(rows[0].total)
      : filter.page > 1
        ? Number((await this.dataSource.query(`SELECT count(*) AS total ${from}`, params.slice(0, whereParams)))[0].total)
        : 0;
    return { items: rows.map(({ total: _total, ...item }) => item as unknown as ProjectListItem), total };
  }

  async findById(id: string) {
    const [project] = await this.dataSource.query(
      `SELECT p.id, p.catalog_key AS key, p.name, p.sector, p.stage, p.target, p.target_ambiguous AS "targetAmbiguous",
              p.target_verb AS "targetVerb", p.baseline_stage AS "baselineStage", p.baseline_clause AS "baselineClause",
              p.previous_stage AS "previousStage", p.rag, p.rag_reasons AS "ragReasons", p.rag_on AS "ragOn", p.last_activity_at AS "lastActivityAt",
              p.column_no AS "column", p.item_no AS item, p.chapter_no AS chapter, p.part_no AS part, p.version,
              p.created_at AS "createdAt", p.updated_at AS "updatedAt", ${PROJECT_FACTS_SQL},
              ${lastChangedAtSql('p')} AS "lastChangedAt",
              json_build_object('id', u.id, 'code', u.code, 'name', u.name) AS unit,
              COALESCE((
                SELECT json_agg(json_build_object(
                         'clause', s.clause, 'mention', s.mention,
                         'column', json_build_object('no', c.no, 'label', c.label, 'title', c.title),
                         'item', CASE WHEN i.no IS NULL THEN NULL ELSE json_build_object('no', i.no, 'label', i.label, 'title', i.title) END,
                         'chapter', json_build_object('no', ch.no, 'label', ch.label, 'title', ch.title),
                         'part', json_build_object('no', pt.no, 'label', pt.label, 'title', pt.title)
                       ) ORDER BY s.ordinal)
                FROM project_source s
                JOIN plan_column c ON c.no = s.column_no
                LEFT JOIN plan_column_item i ON i.column_no = s.column_no AND i.no = s.item_no
                JOIN plan_chapter ch ON ch.no = s.chapter_no
                JOIN plan_part pt ON pt.no = ch.part_no
                WHERE s.project_id = p.id), '[]') AS sources
       FROM project p JOIN unit u ON u.id = p.unit_id
       WHERE p.id = $1`,
      [id],
    );
    return project as Record<string, unknown> | undefined;
  }

  /** Parts → chapters → sections and columns (with items), each with the number of projects the plan names under it. */
  async planTree() {
    const [{ tree }] = await this.dataSource.query(`
      WITH source_projects AS (
        SELECT DISTINCT s.project_id, s.column_no, s.item_no, c.chapter_no, c.section_no, ch.part_no
        FROM project_source s JOIN plan_column c ON c.no = s.column_no JOIN plan_chapter ch ON ch.no = c.chapter_no
      )
      SELECT json_build_object(
        'total', (SELECT count(*) FROM project),
        'multiCounted', ${MULTI_COUNTED},
        'parts', COALESCE((SELECT json_agg(json_build_object(
          'no', pt.no, 'label', pt.label, 'title', pt.title,
          'projectCount', (SELECT count(DISTINCT project_id) FROM source_projects sp WHERE sp.part_no = pt.no),
          'chapters', COALESCE((SELECT json_agg(json_build_object(
            'no', ch.no, 'label', ch.label, 'title', ch.title,
            'projectCount', (SELECT count(DISTINCT project_id) FROM source_projects sp WHERE sp.chapter_no = ch.no),
            'sections', COALESCE((SELECT json_agg(json_build_object(
              'no', se.no, 'label', se.label, 'title', se.title,
              'projectCount', (SELECT count(DISTINCT project_id) FROM source_projects sp WHERE sp.chapter_no = ch.no AND sp.section_no = se.no)
            ) ORDER BY se.no) FROM plan_section se WHERE se.chapter_no = ch.no), '[]'),
            'columns', COALESCE((SELECT json_agg(json_build_object(
              'no', c.no, 'label', c.label, 'title', c.title, 'sectionNo', c.section_no,
              'projectCount', (SELECT count(DISTINCT project_id) FROM source_projects sp WHERE sp.column_no = c.no),
              'items', COALESCE((SELECT json_agg(json_build_object(
                'no', i.no, 'label', i.label, 'title', i.title,
                'projectCount', (SELECT count(DISTINCT project_id) FROM source_projects sp WHERE sp.column_no = c.no AND sp.item_no = i.no)
              ) ORDER BY i.no) FROM plan_column_item i WHERE i.column_no = c.no), '[]')
            ) ORDER BY c.no) FROM plan_column c WHERE c.chapter_no = ch.no), '[]')
          ) ORDER BY ch.no) FROM plan_chapter ch WHERE ch.part_no = pt.no), '[]')
        ) ORDER BY pt.no) FROM plan_part pt), '[]')
      ) AS tree`);
    return tree as { total: number; multiCounted: MultiCounted; parts: unknown[] };
  }

  /** How many projects stand under more than one part, chapter or column (the plan names them in several places). */
  async multiCounted(): Promise<MultiCounted> {
    const [{ counts }] = await this.dataSource.query(`SELECT ${MULTI_COUNTED} AS counts`);
    return counts;
  }

  async indicators(): Promise<IndicatorRow[]> {
    return this.dataSource.query(
      `SELECT no, category, name, unit, value_2025 AS "value2025", target_2030 AS "target2030",
              value_2025_number::float8 AS "value2025Number", target_2030_number::float8 AS "target2030Number",
              nature, nature_label AS "natureLabel", annual_growth AS "annualGrowth"
       FROM indicator ORDER BY no`,
    );
  }
}
