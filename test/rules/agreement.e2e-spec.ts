import fc from 'fast-check';
import { isMilestoneOverdue, isStale, todayIn, type ProjectStatus } from '@qj/domain';
import { AlertRepository, DigestRepository, refreshProjectRag, RollupRepository, RollupRow } from '@qj/persistence';
import { DataSource } from 'typeorm';
import { bootTestApp, TestApp } from '../support/test-app';

const TIME_ZONE = 'Asia/Shanghai';
const STATUSES: ProjectStatus[] = ['study', 'start', 'complete', 'on_hold', 'cancelled'];
const MILESTONE_STATUSES = ['pending', 'pending', 'pending', 'done', 'not_applicable'];

interface Counts {
  overdueMilestones: number;
  overdueProjects: number;
  staleProjects: number;
  red: number;
  amber: number;
  green: number;
}

/**
 * One home per rule: on random data, every unit's overdue, stale and light counts are the same in the dashboard's
 * roll-ups, the project list's filters, the alerts a scan raises, the owner's digest, and the rules computed in
 * TypeScript (libs/domain/src/rules.ts) from the raw rows — so the SQL twin of the rules agrees with them too.
 */
describe('one truth: roll-ups, list filters, alerts, digest and the domain rules count the same', () => {
  let t: TestApp;
  let units: Array<{ id: string; code: string }>;
  let projectIds: string[];
  beforeAll(async () => {
    t = await bootTestApp();
    units = (await t.db.query(`SELECT id, code FROM unit ORDER BY code`)).rows;
    projectIds = (await t.db.query(`SELECT id FROM project ORDER BY plan_order`)).rows.map((row) => row.id);
  });
  afterAll(() => t?.close());

  /** Randomises every project's status, quiet time (hours, so day boundaries in Chongqing are crossed) and milestones. */
  const randomise = async (seed: number) => {
    await t.db.query(
      `UPDATE project p SET stage = (ARRAY[${STATUSES.map((s) => `'${s}'`).join(',')}])[1 + abs(hashtext(p.id::text || $1)) % 5],
              previous_stage = 'study',
              last_activity_at = now() - make_interval(hours => abs(hashtext(p.id::text || $1 || 'quiet')) % (60 * 24))`,
      [String(seed)],
    );
    await t.db.query(
      `UPDATE milestone m SET status = (ARRAY[${MILESTONE_STATUSES.map((s) => `'${s}'`).join(',')}])[1 + abs(hashtext(m.id::text || $1)) % 5],
              forecast_date = CASE WHEN abs(hashtext(m.id::text || $1 || 'f')) % 3 = 0 THEN NULL
                                   ELSE $2::date + (abs(hashtext(m.id::text || $1 || 'd')) % 120 - 60) END,
              baseline_date = $2::date + (abs(hashtext(m.id::text || $1 || 'b')) % 120 - 60)`,
      [String(seed), todayIn(TIME_ZONE)],
    );
    await t.db.query(`UPDATE milestone SET actual_date = CASE WHEN status = 'done' THEN baseline_date END`);
    await t.db.query(`DELETE FROM alert`);
    const dataSource = t.app.get(DataSource);
    await dataSource.transaction((manager) => refreshProjectRag(manager, projectIds, { today: todayIn(TIME_ZONE), timeZone: TIME_ZONE }));
  };

  /** The rules in TypeScript over the raw rows, per unit. */
  const fromDomain = async (today: string): Promise<Map<string, Counts>> => {
    const { rows: projects } = await t.db.query(`SELECT id, unit_id, stage, rag, last_activity_at FROM project`);
    const { rows: milestones } = await t.db.query(
      `SELECT project_id, status, forecast_date::text AS "forecastDate", baseline_date::text AS "baselineDate" FROM milestone`,
    );
    const byProject = new Map<string, typeof milestones>();
    for (const m of milestones) byProject.set(m.project_id, [...(byProject.get(m.project_id) ?? []), m]);
    const counts = new Map<string, Counts>(
      units.map((u) => [u.id, { overdueMilestones: 0, overdueProjects: 0, staleProjects: 0, red: 0, amber: 0, green: 0 }]),
    );
    for (const p of projects) {
      const c = counts.get(p.unit_id) as Counts;
      const overdue = (byProject.get(p.id) ?? []).filter((m) => isMilestoneOverdue(m, p.stage, today)).length;
      c.overdueMilestones += overdue;
      c.overdueProjects += overdue > 0 ? 1 : 0;
      c.staleProjects += isStale({ status: p.stage, lastActivityDay: todayIn(TIME_ZONE, p.last_activity_at) }, today) ? 1 : 0;
      c[p.rag as 'red' | 'amber' | 'green'] += 1;
    }
    return counts;
  };

  it('for every unit, on random data', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), async (seed) => {
        await randomise(seed);
        const today = todayIn(TIME_ZONE);
        const day = { today, timeZone: TIME_ZONE };
        await t.app.get(RollupRepository).recomputeAll(day);
        const rollups = new Map((await t.app.get(RollupRepository).list('unit')).map((row: RollupRow) => [row.key, row]));
        const alerts = t.app.get(AlertRepository);
        const raised = await alerts.transaction(async (manager) => [
          ...(await alerts.raiseOverdue(manager, { today, escalateDays: 14, superviseDays: 30 })),
          ...(await alerts.raiseStale(manager, day)),
        ]);
        const expected = await fromDomain(today);
        let overdueSeen = 0;
        for (const unit of units) {
          const want = expected.get(unit.id) as Counts;
          overdueSeen += want.overdueMilestones;
          const total = async (query: Record<string, string>) =>
            (
              await t
                .as('reviewer')
                .get('/api/projects')
                .query({ unit: unit.code, pageSize: 1, ...query })
                .expect(200)
            ).body.total as number;
          const rollup = rollups.get(unit.id);
          const digest = await t.app.get(DigestRepository).ownerData(unit.id, today, TIME_ZONE);
          const ofUnit = raised.filter((a) => a.unitId === unit.id);
          const seen = {
            overdueMilestones: [
              rollup?.overdueMilestones ?? 0,
              ofUnit.filter((a) => a.level === 'overdue').length,
              digest.newlyOverdue.length + digest.stillOverdue.length,
            ],
            overdueProjects: [await total({ overdue: 'true' }), new Set(ofUnit.filter((a) => a.level === 'overdue').map((a) => a.projectId)).size],
            staleProjects: [rollup?.staleProjects ?? 0, await total({ stale: 'true' }), ofUnit.filter((a) => a.level === 'stale').length],
            red: [rollup?.rag.red ?? 0, await total({ rag: 'red' })],
            amber: [rollup?.rag.amber ?? 0, await total({ rag: 'amber' })],
            green: [rollup?.rag.green ?? 0, await total({ rag: 'green' })],
          };
          // The digest lists at most 30 stale projects; below that it must name every one.
          if (want.staleProjects < 30) seen.staleProjects.push(digest.staleProjects.length);
          for (const [rule, values] of Object.entries(seen)) {
            expect({ unit: unit.code, rule, values }).toEqual({ unit: unit.code, rule, values: values.map(() => want[rule as keyof Counts]) });
          }
        }
        // The random data did exercise the rules.
        expect(overdueSeen).toBeGreaterThan(0);
      }),
      { numRuns: 4 },
    );
  });
});
