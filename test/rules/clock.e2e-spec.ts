import { Clock } from '@qj/config';
import { bootTestApp, TestApp } from '../support/test-app';

/** "Today" is the one clock's: moving it moves every rule that depends on the day, with no test waiting for a date. */
describe('one clock', () => {
  let t: TestApp;
  let milestone: { id: string; version: number; projectId: string };
  beforeAll(async () => {
    t = await bootTestApp();
    const { rows } = await t.db.query(
      `SELECT m.id, m.version, m.project_id AS "projectId" FROM milestone m JOIN project p ON p.id = m.project_id JOIN unit u ON u.id = p.unit_id
       WHERE u.code = 'water' AND m.status = 'pending' AND m.kind = 'milestone' AND NOT m.realises_target AND p.stage = 'study' ORDER BY p.plan_order, m.sort_order LIMIT 1`,
    );
    milestone = rows[0];
  });
  afterAll(async () => {
    t.app.get(Clock).setNow(null);
    await t?.close();
  });

  it('moves overdue, the list filters and "not after today" together', async () => {
    const clock = t.app.get(Clock);
    const updated = await t
      .as('owner_water')
      .patch(`/api/milestones/${milestone.id}`)
      .send({ version: milestone.version, forecastDate: '2027-02-01' })
      .expect(200);
    expect(updated.body.overdue).toBe(false);
    const overdueIds = async () =>
      (await t.as('reviewer').get('/api/projects').query({ overdue: 'true', unit: 'water', pageSize: 200 }).expect(200)).body.items.map(
        (p: { id: string }) => p.id,
      );
    expect(await overdueIds()).not.toContain(milestone.projectId);
    // An actual date in (real) 2027 is in the future now: refused naming the field.
    const future = await t.as('owner_water').patch(`/api/milestones/${milestone.id}`).send({ version: updated.body.version, actualDate: '2027-02-20' });
    expect(future.status).toBe(400);
    expect(future.body.errors.map((e: { field: string }) => e.field)).toEqual(['actualDate']);

    clock.setNow(new Date('2027-03-01T02:00:00Z'));
    expect(clock.today()).toBe('2027-03-01');
    expect(await overdueIds()).toContain(milestone.projectId);
    const done = await t
      .as('owner_water')
      .patch(`/api/milestones/${milestone.id}`)
      .send({ version: updated.body.version, actualDate: '2027-02-20' })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'done', actualDate: '2027-02-20', overdue: false });
  });
});
