import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Clock } from '@qj/config';
import type { Client } from 'pg';
import { demoScenario } from '../../apps/api/src/demo/demo-scenario';
import { bootTestApp, TestApp } from '../support/test-app';

/**
 * The demo history (演示数据): loaded through the services on an unused tracker, it looks like a district in its
 * eleventh month; cleared, it leaves every table as it was, row for row. Loading on a tracker in use is refused, by
 * the API and by the command.
 */

/** Columns a recomputation stamps with its own time: the roll-ups are counted again after a clear, to the same figures. */
const RECOMPUTED = { rollup: ['computed_at'] } as Record<string, string[]>;

/** Every table of the suite's schema: its rows, each as JSON, sorted, and a hash of them. */
async function dump(db: Client): Promise<Record<string, { rows: number; hash: string }>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out: Record<string, { rows: number; hash: string }> = {};
  for (const { name } of tables) {
    const minus = (RECOMPUTED[name] ?? []).map((column) => ` - '${column}'`).join('');
    const { rows } = await db.query<{ rows: number; hash: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(j::text, '|' ORDER BY j::text), '')) AS hash
       FROM (SELECT to_jsonb(t)${minus} AS j FROM "${name}" t) s`,
    );
    out[name] = rows[0];
  }
  return out;
}

describe('demo history (演示数据)', () => {
  let t: TestApp;
  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query(sql, params)).rows[0].n);

  beforeAll(async () => {
    t = await bootTestApp();
    // Late in the eleventh month: October is reported (due 5 November), November is not due yet.
    t.app.get(Clock).setNow(new Date('2026-11-20T10:00:00+08:00'));
    // Signing in writes to app_user (a rehash of the demo password): done before any table is compared.
    for (const username of ['admin', 'reviewer', 'owner_transport', 'owner_water']) await t.token(username);
  });
  afterAll(() => t?.close());

  it('the scenario is reproducible: the same seed makes the same history, another seed another', async () => {
    const projects = (
      await t.db.query(
        `SELECT p.id, p.name, p.unit_id AS "unitId", p.stage, p.target, p.plan_order AS "planOrder",
                (SELECT jsonb_agg(jsonb_build_object('id', m.id, 'code', m.code, 'status', m.status, 'version', m.version, 'baselineDate', m.baseline_date::text)
                        ORDER BY m.sort_order) FROM milestone m WHERE m.project_id = p.id) AS milestones
         FROM project p ORDER BY p.plan_order, p.id`,
      )
    ).rows;
    const once = demoScenario(projects, '2026-11-20', 5, 7);
    expect(demoScenario(projects, '2026-11-20', 5, 7)).toEqual(once);
    expect(demoScenario(projects, '2026-11-20', 5, 8)).not.toEqual(once);
    expect(once).toMatchObject({ year: 2026, lastMonth: 10 });
  });

  it('loads a plausible eleventh month through the services (admins only), and a clear leaves every table as it was', async () => {
    const before = await dump(t.db);
    expect((await t.as('owner_transport').get('/api/demo').expect(200)).body).toEqual({
      loaded: false,
      status: null,
      loadedAt: null,
      seed: null,
      canLoad: true,
    });
    await t.as('reviewer').post('/api/admin/demo').expect(403);
    await t.as('owner_transport').delete('/api/admin/demo').expect(403);
    expect(await dump(t.db)).toEqual(before);

    const started = Date.now();
    const loaded = (await t.as('admin').post('/api/admin/demo').expect(201)).body;
    const loadMs = Date.now() - started;
    expect(loaded).toMatchObject({ seed: 2026, year: 2026, lastMonth: 10 });
    expect((await t.as('owner_water').get('/api/demo').expect(200)).body).toMatchObject({ loaded: true, status: 'loaded', seed: 2026, canLoad: false });
    const again = await t.as('admin').post('/api/admin/demo').expect(409);
    expect(again.body.code).toBe('demo_loaded');

    // Plans for 2026 for most projects, with a few mid-year adjustments (中期调整).
    const projects = await count(`SELECT count(*) AS n FROM project`);
    const planned = await count(`SELECT count(*) AS n FROM investment_plan WHERE year = 2026`);
    expect(planned / projects).toBeGreaterThan(0.75);
    expect(await count(`SELECT count(*) AS n FROM investment_plan WHERE version > 1`)).toBeGreaterThan(0);
    // Reports January to October, submitted, some late; October's stragglers missing; November not yet.
    const months = (await t.db.query(`SELECT DISTINCT month FROM monthly_report ORDER BY 1`)).rows.map((row) => row.month);
    expect(months).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => `2026-${m}`));
    expect(await count(`SELECT count(*) AS n FROM monthly_report WHERE status <> 'submitted'`)).toBe(0);
    const late = await count(`SELECT count(*) AS n FROM monthly_report WHERE late`);
    const reports = await count(`SELECT count(*) AS n FROM monthly_report`);
    expect(late / reports).toBeGreaterThan(0.05);
    expect(late / reports).toBeLessThan(0.3);
    expect(await count(`SELECT count(*) AS n FROM monthly_report WHERE month = '2026-10'`)).toBeLessThan(planned);
    // Projects started (and a few completed) by requests their owners filed and the reviewer approved.
    const approved = (await t.db.query(`SELECT to_stage, count(*)::int AS n FROM transition_request WHERE status = 'approved' GROUP BY 1`)).rows;
    expect(Object.fromEntries(approved.map((row) => [row.to_stage, row.n]))).toMatchObject({ start: expect.any(Number), complete: expect.any(Number) });
    expect(await count(`SELECT count(*) AS n FROM project WHERE stage = 'start'`)).toBeGreaterThan(20);
    expect(await count(`SELECT count(*) AS n FROM transition_request WHERE status <> 'approved'`)).toBe(0);
    // Made by the services: audited, with their events in the outbox, by demo users only.
    expect(await count(`SELECT count(*) AS n FROM audit_event a JOIN app_user u ON u.id = a.actor_id WHERE u.username NOT LIKE 'demo\\_%'`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM outbox_event WHERE name = 'monthly_report.submitted'`)).toBe(reports);
    expect(await count(`SELECT count(*) AS n FROM outbox_event WHERE name = 'project.stage_changed'`)).toBe(approved.reduce((sum, row) => sum + row.n, 0));

    // The dashboards: the district's rate sensible against 序时进度 83.33, lights of every colour.
    const summary = (await t.as('reviewer').get('/api/investment/summary?year=2026&month=10&by=district').expect(200)).body.items[0];
    expect(summary.scheduleRate).toBe(83.33);
    expect(summary.completionRate).toBeGreaterThan(60);
    expect(summary.completionRate).toBeLessThan(90);
    expect(summary.lightsBy.investment.green).toBeGreaterThan(summary.lightsBy.investment.yellow);
    expect(summary.lightsBy.investment.yellow).toBeGreaterThan(0);
    expect(summary.lightsBy.investment.red).toBeGreaterThan(0);
    expect(summary.startRateToDate.numerator).toBeGreaterThan(0);
    expect(summary.startRateToDate.rate).toBeLessThan(100);
    // The roll-ups count the stage changes already (recomputed by the load, not only by the workers later).
    const units = (await t.as('reviewer').get('/api/rollups?by=unit').expect(200)).body.items as Array<{ byStage: { start: number; complete: number } }>;
    expect(units.reduce((sum, unit) => sum + unit.byStage.start, 0)).toBe(await count(`SELECT count(*) AS n FROM project WHERE stage = 'start'`));

    const clearing = Date.now();
    const cleared = (await t.as('admin').delete('/api/admin/demo').expect(200)).body;
    const clearMs = Date.now() - clearing;
    expect(cleared.removed.monthly_report).toBe(reports);
    expect(await dump(t.db)).toEqual(before);
    expect((await t.as('admin').get('/api/demo').expect(200)).body).toMatchObject({ loaded: false, canLoad: true });
    const twice = await t.as('admin').delete('/api/admin/demo').expect(409);
    expect(twice.body.code).toBe('demo_not_loaded');
    console.log(`demo: ${reports} reports, ${planned} plans; load ${loadMs} ms, clear ${clearMs} ms`);
  }, 300_000);

  it('is refused on a tracker in use, saying why, and changes nothing', async () => {
    const milestone = (
      await t.db.query(
        `SELECT m.id, m.version FROM milestone m JOIN project p ON p.id = m.project_id JOIN unit u ON u.id = p.unit_id
         WHERE u.code = 'transport' AND m.status = 'pending' ORDER BY p.plan_order, m.sort_order LIMIT 1`,
      )
    ).rows[0];
    await t.as('owner_transport').patch(`/api/milestones/${milestone.id}`).send({ version: milestone.version, forecastDate: '2029-06-30' }).expect(200);
    expect((await t.as('admin').get('/api/demo').expect(200)).body).toMatchObject({ loaded: false, canLoad: false });
    const before = await dump(t.db);
    const refused = await t.as('admin').post('/api/admin/demo').set('Accept-Language', 'en').expect(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'demo_tracker_active', activity: { auditRows: 1 } });
    expect(refused.body.detail).toContain('already in use');
    expect(await dump(t.db)).toEqual(before);

    // The command says the same and exits with 1.
    const root = join(__dirname, '../..');
    const cli = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', join(root, 'apps/api/src/demo/demo.command.ts'), 'load'],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 150_000,
        env: {
          PATH: process.env.PATH,
          TS_NODE_TRANSPILE_ONLY: '1',
          DATABASE_URL: t.env.DATABASE_URL,
          DATABASE_SCHEMA: t.env.DATABASE_SCHEMA,
          LOG_LEVEL: 'silent',
        },
      },
    );
    expect(cli.stderr).toContain('平台已有使用记录（审计记录 1）');
    expect(cli.status).toBe(1);
    expect(await dump(t.db)).toEqual(before);
  }, 200_000);
});
