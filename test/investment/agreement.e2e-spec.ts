import fc from 'fast-check';
import { Clock } from '@qj/config';
import { summariseInvestment, type ProjectInvestmentInput } from '@qj/domain';
import { ALL_UNITS, INVESTMENT_DIMENSIONS, InvestmentFiguresRepository, type InvestmentDimension } from '@qj/persistence';
import { bootTestApp, TestApp } from '../support/test-app';

const STATUSES = ['study', 'start', 'complete', 'on_hold', 'cancelled'];
const REPORT_STATUSES = ['submitted', 'submitted', 'draft', 'returned'];
const RULES = { yellowPoints: 10, redPoints: 30 };

/**
 * One home per rule, for investment: on random plans, reports (every status, the year's edges), stages, starts,
 * completions and registrations, the summary the SQL twin computes (libs/persistence/src/investment.sql.ts) equals
 * the one libs/domain/src/investment.ts computes from the raw rows — for every dimension, key and month.
 */
describe('one truth: the investment summary in SQL and in TypeScript agree', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
    t.app.get(Clock).setNow(new Date('2026-12-20T10:00:00+08:00'));
  });
  afterAll(() => t?.close());

  const randomise = async (seed: number) => {
    const s = String(seed);
    const h = (column: string, salt: string) => `abs(hashtext(${column}::text || $1 || '${salt}'))`;
    await t.db.query(`DELETE FROM investment_plan; DELETE FROM monthly_report`);
    await t.db.query(
      `UPDATE project p SET stage = (ARRAY[${STATUSES.map((x) => `'${x}'`).join(',')}])[1 + ${h('p.id', 's')} % 5],
              previous_stage = CASE WHEN ${h('p.id', 'ps')} % 2 = 0 THEN 'study' ELSE 'start' END,
              statistics_registered_on = CASE WHEN ${h('p.id', 'r')} % 3 = 0 THEN NULL ELSE DATE '2025-10-01' + ${h('p.id', 'rd')} % 450 END`,
      [s],
    );
    await t.db.query(
      `UPDATE milestone m SET status = CASE WHEN ${h('m.id', 'ms')} % 3 = 0 THEN 'pending' ELSE 'done' END,
              actual_date = DATE '2025-10-01' + ${h('m.id', 'md')} % 450
       WHERE m.code IN ('groundbreaking', 'acceptance', 'in_service')`,
      [s],
    );
    await t.db.query(`UPDATE milestone SET actual_date = NULL WHERE status = 'pending'`);
    await t.db.query(
      `INSERT INTO investment_plan (project_id, year, version, planned_investment, original_investment, planned_start_month, planned_completion_month)
       SELECT p.id, 2026, 1 + ${h('p.id', 'v')} % 3,
              CASE WHEN ${h('p.id', 'z')} % 13 = 0 THEN 0 WHEN ${h('p.id', 'big')} % 17 = 0 THEN 9999999999.99 ELSE (${h('p.id', 'a')} % 2000000) / 100.0 END,
              (${h('p.id', 'o')} % 2000000) / 100.0,
              CASE WHEN ${h('p.id', 'sm')} % 3 = 0 THEN NULL ELSE 1 + ${h('p.id', 'sm2')} % 12 END,
              CASE WHEN ${h('p.id', 'cm')} % 3 = 0 THEN NULL ELSE 1 + ${h('p.id', 'cm2')} % 12 END
       FROM project p WHERE ${h('p.id', 'plan')} % 10 < 7`,
      [s],
    );
    await t.db.query(
      `INSERT INTO monthly_report (project_id, month, year, completed_investment, status)
       SELECT p.id, to_char(d, 'YYYY-MM'), extract(year FROM d)::int,
              CASE WHEN ${h(`p.id::text || d`, 'big')} % 29 = 0 THEN 99999999.99 ELSE (${h(`p.id::text || d`, 'amt')} % 300000) / 100.0 END,
              (ARRAY[${REPORT_STATUSES.map((x) => `'${x}'`).join(',')}])[1 + ${h(`p.id::text || d`, 'st')} % 4]
       FROM project p, generate_series(DATE '2025-12-01', DATE '2027-01-01', interval '1 month') d
       WHERE ${h(`p.id::text || d`, 'has')} % 5 <> 0`,
      [s],
    );
  };

  /** The raw rows, as the domain's inputs, with the keys each project stands under. */
  const rawProjects = async () => {
    const { rows } = await t.db.query(
      `SELECT p.id, u.code AS unit, p.sector, p.part_nos, p.chapter_nos, p.column_nos, p.stage, p.previous_stage,
              p.statistics_registered_on::text AS registered,
              (SELECT actual_date::text FROM milestone WHERE project_id = p.id AND code = 'groundbreaking' AND status = 'done') AS groundbreaking,
              (SELECT actual_date::text FROM milestone WHERE project_id = p.id AND code = 'acceptance' AND status = 'done') AS acceptance,
              (SELECT actual_date::text FROM milestone WHERE project_id = p.id AND code = 'in_service' AND status = 'done') AS in_service,
              (SELECT row_to_json(ip) FROM (SELECT planned_investment::text AS "plannedInvestment", original_investment::text AS "originalInvestment",
                      version, planned_start_month AS "plannedStartMonth", planned_completion_month AS "plannedCompletionMonth"
                 FROM investment_plan WHERE project_id = p.id AND year = 2026) ip) AS plan,
              COALESCE((SELECT json_agg(json_build_object('month', month, 'completedInvestment', completed_investment::text, 'status', status))
                 FROM monthly_report WHERE project_id = p.id), '[]') AS reports
       FROM project p JOIN unit u ON u.id = p.unit_id`,
    );
    return rows.map((row) => {
      const input: ProjectInvestmentInput = {
        stage: row.stage,
        previousStage: row.previous_stage,
        groundbreakingOn: row.groundbreaking,
        completionOn: row.acceptance ?? row.in_service,
        statisticsRegisteredOn: row.registered,
        plan: row.plan,
        reports: row.reports,
      };
      const keys: Record<InvestmentDimension, string[]> = {
        district: ['district'],
        part: row.part_nos.map(String),
        chapter: row.chapter_nos.map(String),
        column: row.column_nos.map(String),
        sector: [row.sector],
        unit: [row.unit],
      };
      return { input, keys };
    });
  };

  it('for every dimension, key and month, on random data', async () => {
    const repository = t.app.get(InvestmentFiguresRepository);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 12 }), async (seed, month) => {
        await randomise(seed);
        const projects = await rawProjects();
        const lit = { yellow: 0, red: 0, started: 0 };
        for (const by of INVESTMENT_DIMENSIONS) {
          const groups = new Map<string, ProjectInvestmentInput[]>();
          for (const { input, keys } of projects) {
            if (!input.plan) continue;
            for (const key of keys[by]) groups.set(key, [...(groups.get(key) ?? []), input]);
          }
          const expected = Object.fromEntries([...groups].map(([key, inputs]) => [key, summariseInvestment(inputs, 2026, month, RULES)]));
          const { items } = await repository.summary({ year: 2026, month, by, scope: ALL_UNITS, rules: RULES });
          const seen = Object.fromEntries(items.map(({ key, label: _label, ...figures }) => [key, figures]));
          expect({ by, month, seen }).toEqual({ by, month, seen: expected });
          if (by === 'district') {
            lit.yellow = items[0].lights.yellow;
            lit.red = items[0].lights.red;
            lit.started = items[0].startRateYear.numerator;
          }
        }
        // The random data did exercise the lights and the starts.
        expect(lit.red).toBeGreaterThan(0);
        expect(lit.started).toBeGreaterThan(0);
      }),
      { numRuns: 6 },
    );
  });
});
