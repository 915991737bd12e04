/**
 * The investment summary by unit over 100,000 projects × 12 monthly reports, against the bare SQL that sums it.
 *
 * Fixture (the bench's own schema; migrations, the 300 real projects and the demo accounts as at boot): the catalog
 * inflated to BENCH_INVESTMENT_PROJECTS (100,000) projects with their milestones (support/fixture.ts), then a 2026
 * plan for every project (every 4th with a planned start month, every 6th with a planned completion month) and
 * 12 monthly reports each (every 10th a draft, the rest submitted), all by INSERT … SELECT, then ANALYZE.
 *
 * Subject: `GET /api/investment/summary?year=2026&month=12&by=unit` as the reviewer, over HTTP (auth, validation,
 * the one SQL statement of InvestmentFiguresRepository.summary with every light, 开工率 and 竣工率, the JSON).
 * Baseline: the bare statement that computes the unit's planned and completed sums (the plan joined to the
 * submitted reports of months 1–12, grouped by unit code), through a bare `pg` client, all rows fetched.
 * Afterwards the route's sums are checked against the baseline's (same units, same amounts).
 *
 * Settings: BENCH_INVESTMENT_PROJECTS (100000), BENCH_ROUNDS (at least 5 here).
 */
import { Clock } from '@qj/config';
import { bootBenchApi } from './support/api';
import { inflateCatalog, schemaClient } from './support/fixture';
import { compareTimed } from './support/timed';
import type { BenchContext, BenchResult } from './support/types';

/** Inflating to 100,000 projects with their milestones takes minutes on the shared 2-core machine. */
export const timeoutMs = 20 * 60_000;

export const BARE_SUMMARY_SQL = `SELECT u.code AS key, count(*)::int AS "projectCount", sum(ip.planned_investment)::text AS planned,
       sum(COALESCE(r.ytd, 0))::numeric(20, 2)::text AS completed
  FROM investment_plan ip
  JOIN project p ON p.id = ip.project_id
  JOIN unit u ON u.id = p.unit_id
  LEFT JOIN (SELECT project_id, sum(completed_investment) AS ytd FROM monthly_report
             WHERE year = 2026 AND month <= '2026-12' AND status = 'submitted' GROUP BY project_id) r ON r.project_id = ip.project_id
  WHERE ip.year = 2026
  GROUP BY u.code`;

export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const services = await ctx.services();
  const total = Number(process.env.BENCH_INVESTMENT_PROJECTS || 100_000);
  const rounds = Math.max(ctx.settings.rounds, 5);
  ctx.log(`investment-summary: PostgreSQL ${services.postgresVersion}; booting the API on a schema of its own`);
  const api = await bootBenchApi({ demoAccounts: true });
  try {
    // December 2026 is "now", so month 12 may be asked for.
    api.app.get(Clock).setNow(new Date('2026-12-31T12:00:00+08:00'));
    const db = await schemaClient(services.databaseUrl, api.env.DATABASE_SCHEMA);
    try {
      const inflated = await inflateCatalog(db, { total, milestones: true });
      ctx.log(`investment-summary: ${inflated.projects} projects, ${inflated.milestones} milestones in ${(inflated.ms / 1000).toFixed(1)} s`);
      const started = Date.now();
      await db.query(
        `INSERT INTO investment_plan (project_id, year, version, planned_investment, original_investment, planned_start_month, planned_completion_month)
         SELECT id, 2026, 1 + plan_order % 2, 100 + (plan_order % 5000) / 4.0, 100 + (plan_order % 3000) / 4.0,
                CASE WHEN plan_order % 4 = 0 THEN 1 + plan_order % 12 END, CASE WHEN plan_order % 6 = 0 THEN 1 + plan_order % 12 END
         FROM project`,
      );
      await db.query(
        `INSERT INTO monthly_report (project_id, month, year, completed_investment, status)
         SELECT p.id, '2026-' || lpad(m::text, 2, '0'), 2026, ((p.plan_order * 7 + m * 13) % 1000) / 10.0,
                CASE WHEN (p.plan_order + m) % 10 = 0 THEN 'draft' ELSE 'submitted' END
         FROM project p, generate_series(1, 12) m`,
      );
      await db.query(`ANALYZE`);
      const reports = Number((await db.query(`SELECT count(*) AS n FROM monthly_report`)).rows[0].n);
      ctx.log(`investment-summary: ${reports} monthly reports in ${((Date.now() - started) / 1000).toFixed(1)} s`);

      const token = await api.token('reviewer');
      const url = `${api.url}/api/investment/summary?year=2026&month=12&by=unit`;
      const viaRoute = async () => {
        const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        if (res.status !== 200) throw new Error(`investment-summary: ${res.status} ${await res.text()}`);
        return (await res.json()) as { items: Array<{ key: string; projectCount: number; plannedInvestment: string; completedYtd: string }> };
      };
      const result = await compareTimed(ctx, {
        name: 'investment-summary',
        description: `GET /api/investment/summary?by=unit over ${inflated.projects} projects × 12 reports vs the bare SQL of the sums`,
        rounds,
        unitName: 'summaries',
        subject: { label: 'route', where: 'GET /api/investment/summary?by=unit', units: 1, run: viaRoute },
        baseline: { label: 'bare SQL', where: 'BARE_SUMMARY_SQL (pg)', units: 1, run: () => db.query(BARE_SUMMARY_SQL) },
      });
      // The route's sums are the bare statement's.
      const route = (await viaRoute()).items.map((item) => [item.key, item.projectCount, item.plannedInvestment, item.completedYtd].join(' '));
      const bare = (await db.query(BARE_SUMMARY_SQL)).rows.map((row) => [row.key, row.projectCount, row.planned, row.completed].join(' '));
      if (route.sort().join('\n') !== bare.sort().join('\n')) throw new Error(`investment-summary: the route's sums differ from the bare SQL's`);
      return [{ ...result, extra: { projects: inflated.projects, milestones: inflated.milestones, reports, units: route.length } }];
    } finally {
      await db.end();
    }
  } finally {
    await api.close();
  }
}
