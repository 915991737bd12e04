/**
 * The district's bulletin (调度通报) generated end to end: every project with a plan and twelve months of reports.
 *
 * Fixture (the bench's own schema; migrations, the real catalog and the demo accounts as at boot): a 2026 plan for
 * every project (every 4th with a planned start month, every 6th a planned completion month; every 3rd adjusted, so
 * the adjustments table is full), twelve monthly reports each (every 10th a draft), every 5th project started in
 * spring and every 10th of those registered, then ANALYZE.
 *
 * Subject: what the `bulletin.generate` job does for December 2026, in this process: BulletinGatherer.gather (the
 * summaries of four dimensions, the ranking, every project's lights, late reports, adjustments) then the Word document
 * and the Excel annex (renderBulletinDocument, renderBulletinAnnex; no LibreOffice). Aim: under 10 s.
 * Baseline: the bare statement of the unit sums (BARE_SUMMARY_SQL of investment-summary.bench.ts), for the ratio.
 */
import { ConfigService } from '@nestjs/config';
import { Clock } from '@qj/config';
import { ApprovalRepository, BulletinRepository, InvestmentFiguresRepository, ProblemRepository, SupervisionRepository } from '@qj/persistence';
import { renderBulletinAnnex } from '../../apps/worker/src/bulletin/bulletin-annex';
import { renderBulletinDocument } from '../../apps/worker/src/bulletin/bulletin-document';
import { BulletinGatherer } from '../../apps/worker/src/bulletin/bulletin-gatherer';
import { BARE_SUMMARY_SQL } from './investment-summary.bench';
import { bootBenchApi } from './support/api';
import { schemaClient } from './support/fixture';
import { compareTimed } from './support/timed';
import type { BenchContext, BenchResult } from './support/types';

/** Booting the API on a fresh schema takes minutes when the shared machine is busy. */
export const timeoutMs = 10 * 60_000;

/** The aim of issue 13: the whole district's bulletin in under 10 s. */
export const BULLETIN_AIM_MS = 10_000;

export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const services = await ctx.services();
  const rounds = Math.max(ctx.settings.rounds, 5);
  ctx.log(`bulletin: PostgreSQL ${services.postgresVersion}; booting the API on a schema of its own`);
  const api = await bootBenchApi({ demoAccounts: true });
  try {
    api.app.get(Clock).setNow(new Date('2026-12-31T12:00:00+08:00'));
    const db = await schemaClient(services.databaseUrl, api.env.DATABASE_SCHEMA);
    try {
      await db.query(
        `INSERT INTO investment_plan (project_id, year, version, planned_investment, original_investment, planned_start_month, planned_completion_month)
         SELECT id, 2026, 1 + (plan_order % 3 = 0)::int, 100 + (plan_order % 5000) / 4.0, 100 + (plan_order % 3000) / 4.0,
                CASE WHEN plan_order % 4 = 0 THEN 1 + plan_order % 12 END, CASE WHEN plan_order % 6 = 0 THEN 1 + plan_order % 12 END
         FROM project`,
      );
      await db.query(
        `INSERT INTO investment_plan_version (project_id, year, version, planned_investment, planned_start_month, planned_completion_month, reason)
         SELECT project_id, year, v, planned_investment, planned_start_month, planned_completion_month, CASE WHEN v > 1 THEN '中期调整' END
         FROM investment_plan, generate_series(1, version) v`,
      );
      await db.query(
        `INSERT INTO monthly_report (project_id, month, year, completed_investment, status, submitted_at)
         SELECT p.id, '2026-' || lpad(m::text, 2, '0'), 2026, ((p.plan_order * 7 + m * 13) % 1000) / 10.0,
                CASE WHEN (p.plan_order + m) % 10 = 0 THEN 'draft' ELSE 'submitted' END, make_date(2026, m, 28)
         FROM project p, generate_series(1, 12) m`,
      );
      await db.query(
        `UPDATE project SET stage = 'start', statistics_registered_on = CASE WHEN plan_order % 10 = 0 THEN DATE '2026-06-01' END WHERE plan_order % 5 = 0`,
      );
      await db.query(
        `UPDATE milestone m SET status = 'done', actual_date = DATE '2026-04-15'
         FROM project p WHERE p.id = m.project_id AND p.plan_order % 5 = 0 AND m.code = 'groundbreaking'`,
      );
      await db.query(`ANALYZE`);
      const projects = Number((await db.query(`SELECT count(*) AS n FROM investment_plan`)).rows[0].n);
      const reports = Number((await db.query(`SELECT count(*) AS n FROM monthly_report`)).rows[0].n);
      ctx.log(`bulletin: ${projects} projects with a plan, ${reports} monthly reports`);

      const gatherer = new BulletinGatherer(
        api.app.get(InvestmentFiguresRepository),
        api.app.get(BulletinRepository),
        api.app.get(ProblemRepository),
        api.app.get(SupervisionRepository),
        api.app.get(ApprovalRepository),
        api.app.get(Clock),
        api.app.get(ConfigService),
      );
      let sizes = { document: 0, annex: 0, behind: 0 };
      const generate = async () => {
        const data = await gatherer.gather('2026-12');
        const [document, annex] = await Promise.all([renderBulletinDocument(data), renderBulletinAnnex(data)]);
        sizes = { document: document.length, annex: annex.length, behind: data.behind.length };
      };
      const result = await compareTimed(ctx, {
        name: 'bulletin',
        description: `the district's bulletin for 2026-12 (${projects} projects × 12 reports): gather + .docx + .xlsx, vs the bare SQL of the unit sums`,
        rounds,
        unitName: 'bulletins',
        subject: { label: 'bulletin', where: 'BulletinGatherer.gather + renderBulletinDocument + renderBulletinAnnex', units: 1, run: generate },
        baseline: { label: 'bare SQL', where: 'BARE_SUMMARY_SQL (pg)', units: 1, run: () => db.query(BARE_SUMMARY_SQL) },
      });
      const medianMs = 1000 / result.subject.medianRps;
      ctx.log(
        `bulletin: median ${medianMs.toFixed(0)} ms (aim < ${BULLETIN_AIM_MS} ms); document ${sizes.document} B, annex ${sizes.annex} B, ${sizes.behind} projects behind`,
      );
      if (medianMs >= BULLETIN_AIM_MS) throw new Error(`bulletin: ${medianMs.toFixed(0)} ms, not under ${BULLETIN_AIM_MS} ms`);
      return [{ ...result, extra: { projects, reports, medianMs: Math.round(medianMs), ...sizes } }];
    } finally {
      await db.end();
    }
  } finally {
    await api.close();
  }
}
