import fc from 'fast-check';
import { addDays, todayIn } from '@qj/domain';
import { dataSourceOptions, ROLLUP_DIMENSIONS, RollupRepository } from '@qj/persistence';
import { DataSource } from 'typeorm';
import { bootTestApp, TestApp } from '../support/test-app';

type Change = { project: number; kind: 'stage' | 'rag' | 'request' | 'overdue' | 'unit' | 'stale'; value: number };

describe('roll-ups', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let rollups: RollupRepository;
  let projects: Array<{ id: string }>;
  let units: Array<{ id: string }>;
  let requester: string;
  const today = todayIn('Asia/Shanghai');
  const day = { today, timeZone: 'Asia/Shanghai' };

  const everything = async () => {
    const all: Record<string, unknown[]> = {};
    for (const dimension of ROLLUP_DIMENSIONS) {
      all[dimension] = (await rollups.list(dimension)).map(({ computedAt: _computedAt, ...row }) => row);
    }
    return all;
  };

  /** Applies one change the way the application would, and returns the unit the project left, if any. */
  const apply = async ({ project, kind, value }: Change): Promise<string | undefined> => {
    const id = projects[project % projects.length].id;
    switch (kind) {
      case 'stage':
        await t.db.query(`UPDATE project SET stage = $2 WHERE id = $1`, [id, ['study', 'start', 'complete', 'on_hold', 'cancelled'][value % 5]]);
        return undefined;
      case 'rag':
        await t.db.query(`UPDATE project SET rag = $2 WHERE id = $1`, [id, ['green', 'amber', 'red'][value % 3]]);
        return undefined;
      case 'request':
        await t.db.query(`UPDATE transition_request SET status = 'rejected' WHERE project_id = $1 AND status = 'pending'`, [id]);
        if (value % 2) {
          await t.db.query(
            `INSERT INTO transition_request (project_id, transition_id, workflow_version, from_stage, to_stage, requested_by) VALUES ($1, 'hold', 2, 'study', 'on_hold', $2)`,
            [id, requester],
          );
        }
        return undefined;
      case 'overdue':
        await t.db.query(`UPDATE milestone SET baseline_date = $2, forecast_date = NULL WHERE project_id = $1 AND status = 'pending'`, [
          id,
          addDays(today, (value % 90) - 45),
        ]);
        return undefined;
      case 'stale':
        await t.db.query(`UPDATE project SET last_activity_at = now() - make_interval(days => $2) WHERE id = $1`, [id, value % 60]);
        return undefined;
      case 'unit': {
        const [{ unit_id: former }] = (await t.db.query(`SELECT unit_id FROM project WHERE id = $1`, [id])).rows;
        await t.db.query(`UPDATE project SET unit_id = $2 WHERE id = $1`, [id, units[value % units.length].id]);
        return former;
      }
    }
  };

  beforeAll(async () => {
    t = await bootTestApp();
    dataSource = await new DataSource(dataSourceOptions({ url: t.env.DATABASE_URL, schema: t.env.DATABASE_SCHEMA })).initialize();
    rollups = new RollupRepository(dataSource);
    projects = (await t.db.query(`SELECT id FROM project ORDER BY plan_order LIMIT 40`)).rows;
    units = (await t.db.query(`SELECT id FROM unit ORDER BY code`)).rows;
    requester = (await t.db.query(`SELECT id FROM app_user WHERE username = 'owner_transport'`)).rows[0].id;
  });
  afterAll(async () => {
    await dataSource.destroy();
    await t.close();
  });

  it('after any sequence of changes, recomputing what each change touched equals a full recompute', async () => {
    const change = fc.record({
      project: fc.nat(),
      kind: fc.constantFrom<Change['kind']>('stage', 'rag', 'request', 'overdue', 'unit', 'stale'),
      value: fc.nat(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 12 }), async (changes) => {
        await rollups.recomputeAll(day);
        for (const c of changes) {
          const formerUnit = await apply(c);
          await rollups.refreshForProjects([projects[c.project % projects.length].id], day, formerUnit ? [formerUnit] : []);
        }
        const incremental = await everything();
        await rollups.recomputeAll(day);
        expect(incremental).toEqual(await everything());
      }),
      { numRuns: 15 },
    );
  });

  it('the numbers add up: every project once per sector and unit; per chapter at least once', async () => {
    await rollups.recomputeAll(day);
    const total = Number((await t.db.query(`SELECT count(*) FROM project`)).rows[0].count);
    const sum = (rows: Array<{ total: number }>) => rows.reduce((acc, row) => acc + row.total, 0);
    expect(sum(await rollups.list('sector'))).toBe(total);
    expect(sum(await rollups.list('unit'))).toBe(total);
    expect(sum(await rollups.list('chapter'))).toBeGreaterThanOrEqual(total);
    for (const row of await rollups.list('sector')) {
      expect(Object.values(row.byStage).reduce((a, b) => a + b, 0)).toBe(row.total);
      expect(Object.values(row.rag).reduce((a, b) => a + b, 0)).toBe(row.total);
      expect(Object.values(row.targets).reduce((a, b) => a + b, 0)).toBe(row.total);
    }
  });

  it('keeps one snapshot a week, never overwritten, and serves the trend', async () => {
    // Without the one the first start took this week: the weeks below are the test's own.
    await t.db.query(`DELETE FROM rollup_snapshot`);
    await t.db.query(`UPDATE project SET stage = 'study' WHERE id = $1`, [projects[0].id]);
    await rollups.recomputeAll(day);
    const first = await rollups.snapshot('2026-W47');
    expect(first).toBeGreaterThan(0);
    await t.db.query(`UPDATE project SET stage = 'start' WHERE id = $1`, [projects[0].id]);
    await rollups.recomputeAll(day);
    expect(await rollups.snapshot('2026-W47')).toBe(0);
    await rollups.snapshot('2026-W48');
    const [sector] = (await t.db.query(`SELECT sector FROM project WHERE id = $1`, [projects[0].id])).rows;
    const res = await t.as('reviewer').get('/api/rollups/history').query({ by: 'sector', key: sector.sector }).expect(200);
    expect(res.body.items.map((item: { week: string }) => item.week)).toEqual(['2026-W47', '2026-W48']);
    const [w47, w48] = res.body.items;
    expect(w48.data.byStage.start).toBe(w47.data.byStage.start + 1);
    expect(w48.data.byStage.study).toBe(w47.data.byStage.study - 1);
    expect(w48.data.total).toBe(w47.data.total);

    // The district trend is every unit's snapshot summed per week: every project each week, the move counted once.
    const trend = await t.as('reviewer').get('/api/rollups/trend').expect(200);
    expect(trend.body.items.map((item: { week: string }) => item.week)).toEqual(['2026-W47', '2026-W48']);
    // Each week also named as the mails name it, in the language asked for.
    expect(trend.body.items.map((item: { weekLabel: string }) => item.weekLabel)).toEqual(['第47周（11月16日—22日）', '第48周（11月23日—29日）']);
    const english = await t.as('reviewer').get('/api/rollups/trend').set('Accept-Language', 'en').expect(200);
    expect(english.body.items[1].weekLabel).toBe('Week 48 (23–29 Nov)');
    const [t47, t48] = trend.body.items;
    const [{ n: projectCount }] = (await t.db.query(`SELECT count(*)::int AS n FROM project`)).rows;
    expect([t47.total, t48.total]).toEqual([projectCount, projectCount]);
    expect(t48.byStage.start).toBe(t47.byStage.start + 1);
    const { rows: units } = await t.db.query(`SELECT key FROM rollup_snapshot WHERE dimension = 'unit' AND week = '2026-W48'`);
    let overdue48 = 0;
    for (const { key } of units) {
      const unit = await t.as('reviewer').get('/api/rollups/history').query({ by: 'unit', key }).expect(200);
      overdue48 += unit.body.items.find((item: { week: string }) => item.week === '2026-W48').data.overdueMilestones;
    }
    expect(t48.overdueMilestones).toBe(overdue48);
    expect(t48.rag.green + t48.rag.amber + t48.rag.red).toBe(projectCount);

    const bad = await t.as('reviewer').get('/api/rollups').query({ by: 'district' }).expect(400);
    expect(bad.body.errors[0].field).toBe('by');
  });
});
