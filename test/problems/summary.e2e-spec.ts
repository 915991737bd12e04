import { addDays, PROBLEM_AGE_BUCKETS, PROBLEM_CATEGORIES, PROBLEM_CATEGORY_LABELS, problemAgeBucket, todayIn } from '@qj/domain';
import { projectOf } from '../support/factories';
import { bootTestApp, TestApp } from '../support/test-app';

interface Listed {
  id: string;
  category: string;
  status: string;
  overdue: boolean;
  createdAt: string;
}

/**
 * GET /api/problems/summary (the dashboard's open problems by category and age): its figures are those of GET
 * /api/problems for the same caller — counted open (not closed), overdue, by category and by days since raised —
 * and an owner's are of their scope alone.
 */
describe('problem summary (问题清单 by category and age)', () => {
  let t: TestApp;
  const today = todayIn('Asia/Shanghai');
  const unitIds: Record<string, string> = {};

  /** Raised by the project's owner, then made `ageDays` old; assigned to water when `dueIn` is given (negative: overdue). */
  const problem = async (unit: string, nth: number, category: string, ageDays: number, options: { dueIn?: number; close?: boolean } = {}) => {
    const project = await projectOf(t, unit, nth);
    const raised = await t
      .as(`owner_${unit}`)
      .post(`/api/projects/${project.id}/problems`)
      .send({ title: `${category}-${ageDays}`, description: '影响开工', category, neededBy: addDays(today, 30) })
      .expect(201);
    const id = raised.body.id as string;
    if (options.dueIn !== undefined) {
      await t
        .as('reviewer')
        .post(`/api/problems/${id}/assign`)
        .send({ unitId: unitIds.water, dueDate: addDays(today, 1) })
        .expect(200);
      // The API refuses a past due date: an overdue one is made so in the database.
      await t.db.query(`UPDATE problem SET due_date = $2 WHERE id = $1`, [id, addDays(today, options.dueIn)]);
    }
    if (options.close) await t.as('reviewer').post(`/api/problems/${id}/close`).send({ note: '已解决' }).expect(200);
    await t.db.query(`UPDATE problem SET created_at = now() - make_interval(days => $2) WHERE id = $1`, [id, ageDays]);
    return id;
  };

  /** The summary as the caller's own list says it should be, by the domain's rules. */
  const fromList = (items: Listed[]) => {
    const open = items.filter((item) => item.status !== 'closed');
    return {
      open: open.length,
      overdue: open.filter((item) => item.overdue).length,
      byCategory: PROBLEM_CATEGORIES.map((category) => ({
        category,
        label: PROBLEM_CATEGORY_LABELS[category],
        open: open.filter((item) => item.category === category).length,
        overdue: open.filter((item) => item.category === category && item.overdue).length,
      })),
      byAge: PROBLEM_AGE_BUCKETS.map(({ bucket, label }) => ({
        bucket,
        label,
        open: open.filter((item) => problemAgeBucket(todayIn('Asia/Shanghai', new Date(item.createdAt)), today) === bucket).length,
      })),
    };
  };

  beforeAll(async () => {
    t = await bootTestApp();
    for (const row of (await t.db.query(`SELECT id, code FROM unit`)).rows) unitIds[row.code] = row.id;
    await problem('transport', 0, 'land', 3);
    await problem('transport', 1, 'land', 20, { dueIn: -5 });
    await problem('transport', 2, 'funding', 60, { dueIn: 4 });
    await problem('transport', 3, 'approval', 120, { dueIn: -40 });
    await problem('transport', 4, 'land', 10, { dueIn: -2, close: true });
    await problem('health', 0, 'utilities', 45);
    await problem('health', 1, 'funding', 95, { dueIn: -1 });
  });
  afterAll(() => t?.close());

  it('counts what GET /api/problems lists for a reviewer: open, overdue, by category, by age', async () => {
    const summary = (await t.as('reviewer').get('/api/problems/summary').expect(200)).body;
    const listed = (await t.as('reviewer').get('/api/problems').expect(200)).body.items as Listed[];
    expect(summary).toEqual(fromList(listed));
    expect(summary.overdue).toBe((await t.as('reviewer').get('/api/problems').query({ overdue: 'true' }).expect(200)).body.total);
    const openOrAssigned = await Promise.all(['open', 'assigned'].map((status) => t.as('reviewer').get('/api/problems').query({ status }).expect(200)));
    expect(summary.open).toBe(openOrAssigned.reduce((n, res) => n + (res.body.total as number), 0));
    // The figures themselves: six open (the closed one not counted), three overdue; ages 3, 20 | 60, 45 | 120, 95.
    expect(summary).toMatchObject({ open: 6, overdue: 3 });
    expect(Object.fromEntries(summary.byCategory.map((c: { category: string; open: number; overdue: number }) => [c.category, [c.open, c.overdue]]))).toEqual({
      land: [2, 1],
      demolition: [0, 0],
      funding: [2, 1],
      approval: [1, 1],
      utilities: [1, 0],
      planning: [0, 0],
      other: [0, 0],
    });
    expect(summary.byAge).toEqual([
      { bucket: 'week', label: '7天以内', open: 1 },
      { bucket: 'month', label: '8–30天', open: 1 },
      { bucket: 'quarter', label: '31–90天', open: 2 },
      { bucket: 'older', label: '90天以上', open: 2 },
    ]);
  });

  it('an owner counts only their scope: their unit’s projects’ problems and those assigned to their unit', async () => {
    for (const owner of ['owner_transport', 'owner_water', 'owner_health']) {
      const summary = (await t.as(owner).get('/api/problems/summary').expect(200)).body;
      const listed = (await t.as(owner).get('/api/problems').expect(200)).body.items as Listed[];
      expect({ owner, summary }).toEqual({ owner, summary: fromList(listed) });
    }
    expect((await t.as('owner_transport').get('/api/problems/summary').expect(200)).body).toMatchObject({ open: 4, overdue: 2 });
    // Water has four open ones assigned (three of transport, one of health), three of them overdue.
    expect((await t.as('owner_water').get('/api/problems/summary').expect(200)).body).toMatchObject({ open: 4, overdue: 3 });
    expect((await t.as('owner_health').get('/api/problems/summary').expect(200)).body).toMatchObject({ open: 2, overdue: 1 });
    await t.http.get('/api/problems/summary').expect(401);
  });
});
