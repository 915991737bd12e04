/**
 * Test fixtures for the benchmarks: the bench's own schema, after the normal boot imported the 300 real
 * projects, inflated to N projects by copying the real ones with varied names, sectors (and so units),
 * stages and plan columns, in a few INSERT … SELECT statements. Only ever used on a bench schema.
 */
import { Client } from 'pg';
import { fullPinyin, searchTextOf } from '../../../libs/persistence/src/catalog/catalog-import';

/** Appended to a real name (then a number): 渝贵高铁 → 渝贵高铁北段17. '' keeps the name and appends the number alone. */
export const NAME_VARIANTS = ['', '二期', '三期', '北段', '南段', '东延段', '西延段', '配套工程', '提升改造', '一标段', '二标段', '扩建'];

export interface InflateOptions {
  /** Projects wanted in all (the real ones included). */
  total: number;
  /** Copy each real project's milestones to its copies too (the overdue filter and the workflow need them). */
  milestones: boolean;
}

export interface InflateSummary {
  projects: number;
  milestones: number;
  /** Wall time of the inflation, ANALYZE included. */
  ms: number;
}

/** A client on the bench schema (search_path set), for arranging and for the raw baselines. */
export async function schemaClient(databaseUrl: string, schema: string): Promise<Client> {
  const db = new Client({ connectionString: databaseUrl, options: `-c search_path=${schema},public` });
  await db.connect();
  return db;
}

/**
 * Copies g = 1 … total − real (real = the imported projects, ordered by plan_order 0 … real − 1):
 * - base project b = g mod real; name = b.name + NAME_VARIANTS[(g div real) mod 12] + g;
 *   pinyin and search_text exactly as catalog-import.ts computes them (`fullPinyin`, `searchTextOf`), the
 *   number g appended to each of the three search parts (pinyin-pro keeps a run of digits as it is);
 *   `verifySearchText` checks a sample after the insert.
 * - sector: the base's for even g, else SECTORS-like rotation through the sectors in use; unit: the unit
 *   responsible for that sector (as the import assigns it);
 * - stage: the base's, except every 5th copy is `start` and every 7th `study`;
 * - columns: the base's, except every 3rd copy names one other column ((b.column + g) mod 26 + 1) and its
 *   chapter and part;
 * - plan_order real + g − 1 (after the real projects), catalog_key `bench-<g>`.
 * Milestones (optional) are copied from the base with their dates and status; status lights copied too.
 * Runs in one transaction, then ANALYZE.
 */
export async function inflateCatalog(db: Client, options: InflateOptions): Promise<InflateSummary> {
  const started = Date.now();
  const bases: Array<{ plan_order: number; name: string }> = (await db.query(`SELECT plan_order, name FROM project ORDER BY plan_order`)).rows;
  const real = bases.length;
  if (!real) throw new Error('inflateCatalog: no projects to copy (import the catalog first)');
  if (bases.some((b, i) => b.plan_order !== i)) throw new Error('inflateCatalog: expected plan_order 0 … n−1 on the imported projects');
  const copies = Math.max(0, options.total - real);
  // Pinyin of every (base, variant, number of digits) triple, computed once in JS with a placeholder number of
  // that many digits. pinyin-pro reads some characters by context (重庆 as chongqing or zhongqing in long names),
  // and the context that matters turned out to be the length, not the digits: keyed so, the copies come out exactly
  // as searchTextOf(name) and fullPinyin(name) would (checked on a sample by verifySearchText).
  const digitCounts = Array.from({ length: String(copies).length }, (_, i) => i + 1);
  const variants = bases.flatMap((base) =>
    NAME_VARIANTS.flatMap((word, v) =>
      digitCounts.map((d) => {
        const name = base.name + word;
        const placeholder = '0'.repeat(d);
        const cut = (text: string) => {
          if (!text.endsWith(placeholder)) throw new Error(`inflateCatalog: unexpected pinyin of ${name}${placeholder}: ${text}`);
          return text.slice(0, -d);
        };
        const [namePart, pinyinPart, initialsPart] = searchTextOf(name + placeholder)
          .split(' ')
          .map(cut);
        return { b: base.plan_order, v, d, name, pinyin: cut(fullPinyin(name + placeholder)), s0: namePart, s1: pinyinPart, s2: initialsPart };
      }),
    ),
  );
  if (variants.some((row) => row.s2 === undefined)) throw new Error('inflateCatalog: unexpected searchTextOf shape');

  await db.query('BEGIN');
  try {
    await db.query(
      `CREATE TEMP TABLE bench_variant ON COMMIT DROP AS
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(b int, v int, d int, name text, pinyin text, s0 text, s1 text, s2 text)`,
      [JSON.stringify(variants)],
    );
    await db.query(`CREATE UNIQUE INDEX ON bench_variant (b, v, d)`);
    await db.query(
      `INSERT INTO project (catalog_key, name, pinyin, search_text, sector, target, target_ambiguous, target_verb, baseline_stage,
                            baseline_clause, stage, unit_id, column_no, item_no, chapter_no, part_no, column_nos, chapter_nos, part_nos,
                            plan_order, rag, rag_reasons, rag_on)
       WITH sectors AS (
              SELECT array_agg(s ORDER BY s) AS list FROM (SELECT DISTINCT unnest(sectors) AS s FROM unit) x
            ), sector_unit AS (
              SELECT DISTINCT ON (s) s AS sector, id AS unit_id FROM (SELECT unnest(sectors) AS s, id, code FROM unit) x ORDER BY s, code
            ), g AS (
              SELECT g, g % $2 AS b, (g / $2) % ${NAME_VARIANTS.length} AS v FROM generate_series(1, $1::int) AS g
            ), copy AS (
              SELECT g.g, g.v, base.*,
                     CASE WHEN g.g % 2 = 0 THEN base.sector ELSE sectors.list[1 + (g.g / 2) % cardinality(sectors.list)] END AS new_sector,
                     CASE WHEN g.g % 5 = 0 THEN 'start' WHEN g.g % 7 = 0 THEN 'study' ELSE base.stage END AS new_stage,
                     CASE WHEN g.g % 3 = 0 THEN ((base.column_no + g.g) % 26 + 1)::smallint END AS other_column
              FROM g JOIN project base ON base.plan_order = g.b CROSS JOIN sectors
            )
       SELECT 'bench-' || c.g, v.name || c.g, v.pinyin || c.g, v.s0 || c.g || ' ' || v.s1 || c.g || ' ' || v.s2 || c.g,
              c.new_sector, c.target, c.target_ambiguous, c.target_verb, c.baseline_stage, c.baseline_clause, c.new_stage, su.unit_id,
              COALESCE(c.other_column, c.column_no), CASE WHEN c.other_column IS NULL THEN c.item_no END,
              COALESCE(pc.chapter_no, c.chapter_no), COALESCE(ch.part_no, c.part_no),
              CASE WHEN c.other_column IS NULL THEN c.column_nos ELSE ARRAY[c.other_column] END,
              CASE WHEN c.other_column IS NULL THEN c.chapter_nos ELSE ARRAY[pc.chapter_no] END,
              CASE WHEN c.other_column IS NULL THEN c.part_nos ELSE ARRAY[ch.part_no] END,
              $2 + c.g - 1, c.rag, c.rag_reasons, c.rag_on
       FROM copy c
       JOIN bench_variant v ON v.b = c.plan_order AND v.v = c.v AND v.d = length(c.g::text)
       JOIN sector_unit su ON su.sector = c.new_sector
       LEFT JOIN plan_column pc ON pc.no = c.other_column
       LEFT JOIN plan_chapter ch ON ch.no = pc.chapter_no`,
      [copies, real],
    );
    if (options.milestones) {
      await db.query(
        `INSERT INTO milestone (project_id, code, name, stage, sort_order, realises_target, baseline_date, forecast_date, actual_date, status)
         SELECT p.id, m.code, m.name, m.stage, m.sort_order, m.realises_target, m.baseline_date, m.forecast_date, m.actual_date, m.status
         FROM project p
         JOIN project base ON base.plan_order = (p.plan_order - $1 + 1) % $1
         JOIN milestone m ON m.project_id = base.id
         WHERE p.plan_order >= $1`,
        [real],
      );
    }
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await db.query('ANALYZE project');
  if (options.milestones) await db.query('ANALYZE milestone');
  const [{ projects, milestones }] = (
    await db.query(`SELECT (SELECT count(*) FROM project)::int AS projects, (SELECT count(*) FROM milestone)::int AS milestones`)
  ).rows;
  return { projects, milestones, ms: Date.now() - started };
}

/** Recomputes search_text in JS for a sample of copies and throws on the first that differs from the stored one. */
export async function verifySearchText(db: Client, sample = 300): Promise<void> {
  const { rows } = await db.query<{ name: string; pinyin: string; search_text: string }>(
    `SELECT name, pinyin, search_text FROM project WHERE catalog_key LIKE 'bench-%' ORDER BY random() LIMIT $1`,
    [sample],
  );
  for (const row of rows) {
    if (row.search_text !== searchTextOf(row.name) || row.pinyin !== fullPinyin(row.name)) {
      throw new Error(
        `fixture search text differs from catalog-import's for ${row.name}: stored ${JSON.stringify([row.pinyin, row.search_text])}, ` +
          `expected ${JSON.stringify([fullPinyin(row.name), searchTextOf(row.name)])}`,
      );
    }
  }
}
