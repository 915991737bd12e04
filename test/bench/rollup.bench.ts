/**
 * Roll-ups after one change, incrementally, against the full recompute, on the real 300-project catalog and on
 * the catalog inflated to BENCH_ROLLUP_PROJECTS (10,000; support/fixture.ts, milestones copied).
 *
 * Subject: RollupRepository.refreshForProjects([one project]) — what the worker's rollups processor runs for each rollups.refresh (one per domain event)
 * after a milestone or stage change: every key the project stands under (its parts, chapters, columns, sector
 * and unit) recomputed, in one transaction. Before each run (unmeasured) one milestone of that project gets a
 * new forecast date, so the run has a real change to roll up.
 * Baseline: RollupRepository.recomputeAll — every key of every dimension from scratch, as the nightly reconcile does.
 * Both through the API process's TypeORM DataSource. After the rounds the incremental result is checked against
 * a full recompute (same rows, same figures).
 *
 * Ratio = incremental runs per second / full recomputes per second (how many times faster one change is rolled up).
 */
import { addDays, todayIn } from '@qj/domain';
import { RollupRepository, RollupRow } from '@qj/persistence';
import { isDeepStrictEqual } from 'node:util';
import type { Client } from 'pg';
import { bootBenchApi } from './support/api';
import { inflateCatalog, schemaClient } from './support/fixture';
import { compareTimed } from './support/timed';
import type { BenchContext, BenchResult } from './support/types';

export const timeoutMs = 10 * 60_000;

const TIME_ZONE = 'Asia/Shanghai';
const DIMENSIONS = ['part', 'chapter', 'column', 'sector', 'unit'] as const;

/** A project in the middle of the plan order with a pending milestone: the one that changes. */
async function changingProject(db: Client): Promise<{ projectId: string; milestoneId: string; keys: number }> {
  const { rows } = await db.query(
    `SELECT p.id AS "projectId", m.id AS "milestoneId",
            cardinality(p.part_nos) + cardinality(p.chapter_nos) + cardinality(p.column_nos) + 2 AS keys
     FROM project p JOIN milestone m ON m.project_id = p.id
     WHERE m.status = 'pending' AND p.plan_order >= (SELECT count(*) / 2 FROM project)
     ORDER BY p.plan_order, m.sort_order LIMIT 1`,
  );
  if (!rows[0]) throw new Error('rollup bench: no project with a pending milestone');
  return rows[0];
}

async function allRows(rollups: RollupRepository): Promise<Array<Omit<RollupRow, 'computedAt'>>> {
  const rows = (await Promise.all(DIMENSIONS.map((dimension) => rollups.list(dimension)))).flat();
  return rows.map(({ computedAt: _computedAt, ...figures }) => figures);
}

async function compareOn(
  ctx: BenchContext,
  options: { name: string; db: Client; rollups: RollupRepository; projects: number; rounds: number },
): Promise<BenchResult> {
  const { db, rollups } = options;
  const today = todayIn(TIME_ZONE);
  const day = { today, timeZone: TIME_ZONE };
  const change = await changingProject(db);
  let shift = 0;
  const result = await compareTimed(ctx, {
    name: options.name,
    description: `roll-ups after one milestone change on ${options.projects} projects: refreshForProjects (${change.keys} keys) vs recomputeAll`,
    rounds: options.rounds,
    unitName: 'recomputes',
    subject: {
      label: 'incremental',
      where: 'RollupRepository.refreshForProjects',
      units: 1,
      prepare: async () => {
        // Alternately overdue and not, so each run changes the project's overdue count.
        shift = shift === 0 ? 400 : 0;
        await db.query(`UPDATE milestone SET forecast_date = $2 WHERE id = $1`, [change.milestoneId, addDays(today, shift - 200)]);
      },
      run: () => rollups.refreshForProjects([change.projectId], day),
    },
    baseline: { label: 'full', where: 'RollupRepository.recomputeAll', units: 1, run: () => rollups.recomputeAll(day) },
  });
  // The incremental figures must be the full recompute's: change once more, refresh incrementally, then recompute all.
  await db.query(`UPDATE milestone SET forecast_date = $2 WHERE id = $1`, [change.milestoneId, addDays(today, -7)]);
  await rollups.refreshForProjects([change.projectId], day);
  const incremental = await allRows(rollups);
  await rollups.recomputeAll(day);
  const full = await allRows(rollups);
  if (!isDeepStrictEqual(incremental, full)) throw new Error(`${options.name}: the incremental roll-ups differ from the full recompute`);
  return { ...result, extra: { projects: options.projects, keysTouched: change.keys, rollupRows: full.length } };
}

export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const services = await ctx.services();
  const scaled = Number(process.env.BENCH_ROLLUP_PROJECTS || 10_000);
  const rounds = Math.max(ctx.settings.rounds, 5);
  ctx.log(`rollup: PostgreSQL ${services.postgresVersion}; booting the API on a schema of its own`);
  const api = await bootBenchApi();
  try {
    const rollups = api.app.get(RollupRepository);
    const db = await schemaClient(services.databaseUrl, api.env.DATABASE_SCHEMA);
    try {
      const real = Number((await db.query(`SELECT count(*) AS n FROM project`)).rows[0].n);
      const results = [await compareOn(ctx, { name: 'rollup-catalog', db, rollups, projects: real, rounds })];
      const inflated = await inflateCatalog(db, { total: scaled, milestones: true });
      ctx.log(`rollup: fixture ${inflated.projects} projects, ${inflated.milestones} milestones in ${(inflated.ms / 1000).toFixed(1)} s (ANALYZEd)`);
      results.push(await compareOn(ctx, { name: 'rollup-scaled', db, rollups, projects: inflated.projects, rounds }));
      return results;
    } finally {
      await db.end();
    }
  } finally {
    await api.close();
  }
}
