/**
 * The daily overdue scan over 1,000,000 milestones, against the bare SQL query that finds the overdue ones.
 *
 * Fixture (the bench's own schema; migrations, the 300 real projects and the demo accounts as at boot, then
 * INSERT … SELECT over generate_series): the catalog inflated to BENCH_OVERDUE_PROJECTS (10,000) projects, and
 * milestones added until there are BENCH_OVERDUE_MILESTONES (1,000,000), spread evenly over the projects:
 * half done, half pending; baseline dates uniform over [today − 365, today + 1094] days, 30 % with a forecast
 * within [−30, +89] days of the baseline; so about 12 % of all milestones are overdue. Alerts stand as
 * yesterday's scan left them — every level each overdue milestone had reached by yesterday — so today's scan
 * finds only what crossed a threshold overnight (overdue 1 day, 14 days, 30 days): the steady state of a
 * daily scan, ~0.3 % of the alert candidates new (1,041 of 351,168).
 *
 * Subject: AlertRepository.raiseOverdue — the statement the worker's alerts.scan runs to find the overdue
 * milestones and decide which alerts are new (INSERT … ON CONFLICT DO NOTHING RETURNING, with the raised
 * alerts' project, unit and milestone names) — through the API process's TypeORM DataSource, in a
 * transaction rolled back after each run so every run sees the same state.
 * Baseline: the plain SELECT of the pending milestones whose forecast (else baseline) date is before today in
 * Asia/Shanghai, through a bare `pg` client, all rows fetched.
 * Afterwards, for the record (not compared): one full AlertsService.scan() as the job runs it (stale projects,
 * notifications, mail rows, mail jobs; committed), and EXPLAIN ANALYZE of both statements.
 *
 * Settings: BENCH_OVERDUE_MILESTONES (1000000), BENCH_OVERDUE_PROJECTS (10000), BENCH_ROUNDS (at least 5 here).
 */
import { freePort } from '@qj/config';
import { todayIn } from '@qj/domain';
import { AlertRepository } from '@qj/persistence';
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AlertsService } from '../../apps/worker/src/alerts/alerts.service';
import { ProcessorsModule } from '../../apps/worker/src/processors.module';
import { SmtpSink } from '../notifications/smtp-sink';
import { bootBenchApi } from './support/api';
import { inflateCatalog, schemaClient } from './support/fixture';
import { compareTimed } from './support/timed';
import type { BenchContext, BenchResult } from './support/types';

/** Building the fixture alone takes 2–3 minutes on the shared 2-core machine. */
export const timeoutMs = 15 * 60_000;

const TIME_ZONE = 'Asia/Shanghai';
const ESCALATE_DAYS = 14;
const SUPERVISE_DAYS = 30;

/**
 * The bare query: overdue, not-done milestones by forecast-or-baseline date before today in Asia/Shanghai. Today
 * is a parameter (todayIn, as the scan gets it): written as `(now() AT TIME ZONE …)::date` PostgreSQL computes
 * it for every row, which made this baseline 2.3× slower than it need be (420 ms against 180 ms).
 */
export const BARE_OVERDUE_SQL = `SELECT m.id, m.project_id, COALESCE(m.forecast_date, m.baseline_date) AS due
  FROM milestone m
  WHERE m.status = 'pending' AND COALESCE(m.forecast_date, m.baseline_date) < $1::date`;

/** Adds milestones up to `total`, round robin over the projects, and yesterday's alerts; deterministic (setseed). */
export async function buildFixture(db: Client, options: { total: number; today: string }): Promise<{ milestones: number; overdue: number; alerts: number }> {
  await db.query('BEGIN');
  try {
    await db.query(`SELECT setseed(0.15)`);
    await db.query(
      `CREATE TEMP TABLE bench_project ON COMMIT DROP AS
       SELECT id, (row_number() OVER (ORDER BY plan_order) - 1)::int AS i FROM project`,
    );
    await db.query(`CREATE UNIQUE INDEX ON bench_project (i)`);
    await db.query(
      `INSERT INTO milestone (project_id, code, name, stage, sort_order, baseline_date, forecast_date, actual_date, status)
       WITH n AS (SELECT count(*)::int AS projects FROM bench_project),
       g AS (
         SELECT g, random() < 0.5 AS done, $2::date + (floor(random() * 1460)::int - 365) AS baseline,
                CASE WHEN random() < 0.3 THEN floor(random() * 120)::int - 30 END AS slip
         FROM generate_series(1, $1::int - (SELECT count(*)::int FROM milestone)) AS g
       )
       SELECT p.id, 'B' || g.g, '节点' || g.g, 'start', (100 + g.g / n.projects)::smallint, g.baseline, g.baseline + g.slip,
              CASE WHEN g.done THEN g.baseline END, CASE WHEN g.done THEN 'done' ELSE 'pending' END
       FROM g CROSS JOIN n JOIN bench_project p ON p.i = g.g % n.projects`,
      [options.total, options.today],
    );
    // Yesterday's scan: every level reached by yesterday, with yesterday's count of days.
    await db.query(
      `INSERT INTO alert (project_id, milestone_id, level, episode, days, created_at)
       SELECT m.project_id, m.id, l.level, COALESCE(m.forecast_date, m.baseline_date), $1::date - 1 - COALESCE(m.forecast_date, m.baseline_date),
              now() - interval '1 day'
       FROM milestone m CROSS JOIN (VALUES ('overdue', 1), ('escalated_14', $2::int), ('supervision_30', $3::int)) AS l(level, min_days)
       WHERE m.status = 'pending' AND $1::date - 1 - COALESCE(m.forecast_date, m.baseline_date) >= l.min_days`,
      [options.today, ESCALATE_DAYS, SUPERVISE_DAYS],
    );
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await db.query('ANALYZE milestone');
  await db.query('ANALYZE alert');
  const [counts] = (
    await db.query(
      `SELECT (SELECT count(*) FROM milestone)::int AS milestones, (SELECT count(*) FROM alert)::int AS alerts,
              (SELECT count(*) FROM milestone WHERE status = 'pending' AND COALESCE(forecast_date, baseline_date) < $1::date)::int AS overdue`,
      [options.today],
    )
  ).rows;
  return counts;
}

export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const services = await ctx.services();
  const total = Number(process.env.BENCH_OVERDUE_MILESTONES || 1_000_000);
  const projects = Number(process.env.BENCH_OVERDUE_PROJECTS || 10_000);
  const rounds = Math.max(ctx.settings.rounds, 5);
  const today = todayIn(TIME_ZONE);

  // The full scan at the end sends its mails; a real SMTP sink keeps them off the disk (no .eml files).
  const smtp = new SmtpSink(await freePort(2600));
  await smtp.start();
  ctx.log(`overdue-scan: PostgreSQL ${services.postgresVersion}; booting the API with the worker's processors on a schema of its own`);
  const api = await bootBenchApi({ demoAccounts: true, modules: [ProcessorsModule], env: { SMTP_URL: smtp.url, PUBLIC_URL: 'http://tracker.test' } });
  try {
    const schema = api.env.DATABASE_SCHEMA;
    const db = await schemaClient(services.databaseUrl, schema);
    try {
      const inflated = await inflateCatalog(db, { total: projects, milestones: false });
      const started = Date.now();
      const fixture = await buildFixture(db, { total, today });
      await db.query(`UPDATE app_user SET email = username || '@example.test'`);
      ctx.log(
        `overdue-scan: fixture ${inflated.projects} projects (${(inflated.ms / 1000).toFixed(1)} s), ${fixture.milestones} milestones of which ` +
          `${fixture.overdue} overdue, ${fixture.alerts} alerts from "yesterday" (${((Date.now() - started) / 1000).toFixed(1)} s, ANALYZEd)`,
      );

      const dataSource = api.app.get(DataSource);
      const alerts = api.app.get(AlertRepository);
      let raised = 0;
      const raiseOverdueRolledBack = async (explain = false) => {
        const runner = dataSource.createQueryRunner();
        await runner.connect();
        await runner.startTransaction();
        try {
          if (explain) {
            // The same statement, EXPLAINed through the same call: the repository's query with the plan in front.
            const query = runner.manager.query.bind(runner.manager);
            const plan: string[] = [];
            runner.manager.query = (async (sql: string, params?: unknown[]) => {
              if (/^\s*SET\b/i.test(sql)) return query(sql, params);
              const rows = (await query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)) as Array<{ 'QUERY PLAN': string }>;
              plan.push(...rows.map((row) => row['QUERY PLAN']));
              return [];
            }) as typeof runner.manager.query;
            await alerts.raiseOverdue(runner.manager, { today, escalateDays: ESCALATE_DAYS, superviseDays: SUPERVISE_DAYS });
            return plan;
          }
          raised = (await alerts.raiseOverdue(runner.manager, { today, escalateDays: ESCALATE_DAYS, superviseDays: SUPERVISE_DAYS })).length;
          return [];
        } finally {
          await runner.rollbackTransaction();
          await runner.release();
        }
      };
      let found = 0;
      const result = await compareTimed(ctx, {
        name: 'overdue-scan',
        description: `alerts.scan's raiseOverdue over ${fixture.milestones} milestones (${fixture.overdue} overdue, ${fixture.alerts} alerts already raised) vs the bare SELECT of the overdue ones`,
        rounds,
        unitName: 'milestones',
        subject: {
          label: 'scan',
          where: 'AlertRepository.raiseOverdue (TypeORM, rolled back)',
          units: fixture.milestones,
          run: () => raiseOverdueRolledBack(),
        },
        baseline: {
          label: 'bare-select',
          where: 'pg Client',
          units: fixture.milestones,
          run: async () => {
            found = (await db.query(BARE_OVERDUE_SQL, [today])).rowCount ?? 0;
          },
        },
      });
      if (found !== fixture.overdue) throw new Error(`the bare query found ${found} overdue milestones, expected ${fixture.overdue}`);
      ctx.log(`overdue-scan: each scan raised ${raised} new alerts (rolled back); the bare query returned ${found} rows`);

      const scanPlan = await raiseOverdueRolledBack(true);
      const barePlan = ((await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${BARE_OVERDUE_SQL}`, [today])).rows as Array<{ 'QUERY PLAN': string }>).map(
        (row) => row['QUERY PLAN'],
      );
      ctx.log(`overdue-scan: EXPLAIN ANALYZE of the scan:\n  ${scanPlan.join('\n  ')}`);
      ctx.log(`overdue-scan: EXPLAIN ANALYZE of the bare query:\n  ${barePlan.join('\n  ')}`);

      // For the record: the whole job once, as the worker runs it (committed; mails go to the sink).
      const fullStarted = process.hrtime.bigint();
      const full = await api.app.get(AlertsService).scan({ today });
      const fullMs = Number(process.hrtime.bigint() - fullStarted) / 1e6;
      ctx.log(
        `overdue-scan: one full AlertsService.scan(): ${fullMs.toFixed(0)} ms, ${full.alerts} alerts, ${full.notifications} notifications, ${full.mails} mail rows`,
      );
      const second = await api.app.get(AlertsService).scan({ today });
      // The full scan raises today's overdue alerts (the ones each measured run raised and rolled back) and stale ones.
      if (full.alerts < raised || second.alerts !== 0)
        throw new Error(`full scan raised ${full.alerts} alerts (expected ≥ ${raised}), a second one ${second.alerts}`);

      return [
        {
          ...result,
          extra: {
            fixture: { ...fixture, projects: inflated.projects },
            raisedPerScan: raised,
            fullScan: { ms: fullMs, ...full },
            plans: { scan: scanPlan, bare: barePlan },
          },
        },
      ];
    } finally {
      await db.end();
    }
  } finally {
    await api.close();
    await smtp.stop();
  }
}
