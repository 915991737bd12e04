import { Clock } from '@qj/config';
import { bootTestApp, TestApp } from '../support/test-app';
import { fieldsOf, projectsOf, writeCounts } from './support';

/** Monthly reports (月报): drafts, submission (late by the Clock), returns, the year and the month grid, and what is refused. */
describe('monthly reports', () => {
  let t: TestApp;
  let clock: Clock;
  /** Chongqing 10:00 on the day. */
  const at = (day: string) => clock.setNow(new Date(`${day}T02:00:00Z`));

  beforeAll(async () => {
    t = await bootTestApp();
    clock = t.app.get(Clock);
  });
  beforeEach(() => at('2027-04-03'));
  afterAll(async () => {
    clock?.setNow(null);
    await t?.close();
  });

  it('the owner saves a draft (zero is a report), edits it, submits it on time; the answer has exact amounts and the due day', async () => {
    const [project] = await projectsOf(t, 'transport');
    const url = `/api/projects/${project.id}/monthly-reports/2027-03`;
    const zero = await t.as('owner_transport').put(url).send({ completedInvestment: 0 }).expect(200);
    expect(zero.body).toMatchObject({ month: '2027-03', completedInvestment: '0.00', status: 'draft', late: false, dueOn: '2027-04-05', version: 1 });
    const edited = await t
      .as('owner_transport')
      .put(url)
      .send({ completedInvestment: '320.5', progress: ' 路基完成 60% ', problems: '征地未完成' })
      .expect(200);
    expect(edited.body).toMatchObject({ completedInvestment: '320.50', progress: '路基完成 60%', problems: '征地未完成', version: 2 });
    at('2027-04-05');
    const submitted = await t.as('owner_transport').post(`${url}/submit`).send({}).expect(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', late: false, submittedAt: expect.any(String), submittedByName: expect.any(String) });
    const { rows: events } = await t.db.query(`SELECT payload FROM outbox_event WHERE name = 'monthly_report.submitted' AND aggregate_id = $1`, [project.id]);
    expect(events.map((e) => e.payload)).toEqual([{ month: '2027-03', completedInvestment: '320.50', late: false }]);
    const { rows: audit } = await t.db.query(`SELECT action FROM audit_event WHERE project_id = $1 AND entity_type = 'monthly_report' ORDER BY id`, [
      project.id,
    ]);
    expect(audit.map((row) => row.action)).toEqual(['monthly_report.saved', 'monthly_report.saved', 'monthly_report.submitted']);
  });

  it('a submission after the due day (in Chongqing time) is late, and stays late when returned and submitted again', async () => {
    const [, project] = await projectsOf(t, 'transport', 2);
    const url = `/api/projects/${project.id}/monthly-reports/2027-03`;
    await t.as('owner_transport').put(url).send({ completedInvestment: 10 }).expect(200);
    // 2027-04-05 16:30 UTC is already 2027-04-06 in Chongqing.
    clock.setNow(new Date('2027-04-05T16:30:00Z'));
    const late = await t.as('owner_transport').post(`${url}/submit`).expect(200);
    expect(late.body.late).toBe(true);
    const returned = await t.as('reviewer').post(`${url}/return`).send({ comment: '数据与统计局不符，请核实' }).expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', returnComment: '数据与统计局不符，请核实', late: true });
    await t.as('owner_transport').put(url).send({ completedInvestment: 12 }).expect(200);
    const again = await t.as('owner_transport').post(`${url}/submit`).expect(200);
    expect(again.body).toMatchObject({ status: 'submitted', late: true, completedInvestment: '12.00' });
    const { rows } = await t.db.query(`SELECT payload FROM outbox_event WHERE name = 'monthly_report.returned' AND aggregate_id = $1`, [project.id]);
    expect(rows[0].payload).toMatchObject({ month: '2027-03', comment: '数据与统计局不符，请核实' });
  });

  it('a submitted report cannot be edited (409) or submitted twice until a reviewer returns it; nothing is written', async () => {
    const [, , project] = await projectsOf(t, 'transport', 3);
    const url = `/api/projects/${project.id}/monthly-reports/2027-02`;
    await t.as('owner_transport').put(url).send({ completedInvestment: 5, progress: '桩基' }).expect(200);
    await t.as('owner_transport').post(`${url}/submit`).expect(200);
    const before = await writeCounts(t);
    expect((await t.as('owner_transport').put(url).send({ completedInvestment: 6 }).expect(409)).body.code).toBe('report_submitted');
    expect((await t.as('admin').put(url).send({ completedInvestment: 6 }).expect(409)).body.code).toBe('report_submitted');
    expect((await t.as('owner_transport').post(`${url}/submit`).expect(409)).body.code).toBe('report_already_submitted');
    // The same content again is no edit: 200, nothing written.
    await t.as('owner_transport').put(url).send({ completedInvestment: '5.00', progress: '桩基' }).expect(200);
    expect(await writeCounts(t)).toEqual(before);
  });

  it('returning needs a comment (400 comment) and a submitted report (409); owners cannot return, reviewers cannot fill; nothing is written', async () => {
    const [project] = await projectsOf(t, 'water');
    const url = `/api/projects/${project.id}/monthly-reports/2027-01`;
    await t.as('owner_water').put(url).send({ completedInvestment: 1 }).expect(200);
    const before = await writeCounts(t);
    expect((await t.as('reviewer').post(`${url}/return`).send({ comment: '请补充' }).expect(409)).body.code).toBe('report_not_submitted');
    await t.as('owner_water').post(`${url}/submit`).expect(200);
    const afterSubmit = await writeCounts(t);
    expect(fieldsOf((await t.as('reviewer').post(`${url}/return`).send({ comment: '  ' }).expect(400)).body)).toEqual(['comment']);
    expect(fieldsOf((await t.as('reviewer').post(`${url}/return`).send({}).expect(400)).body)).toEqual(['comment']);
    await t.as('owner_water').post(`${url}/return`).send({ comment: '自己退回' }).expect(403);
    await t.as('reviewer').put(url).send({ completedInvestment: 2 }).expect(403);
    await t.as('reviewer').post(`${url}/submit`).expect(403);
    expect(await writeCounts(t)).toEqual(afterSubmit);
    expect(afterSubmit.reports).toBe(before.reports);
  });

  it('reporting for another unit’s project is 403 outside_unit, whatever the body, and nothing is written', async () => {
    const [project] = await projectsOf(t, 'housing');
    const url = `/api/projects/${project.id}/monthly-reports/2027-03`;
    await t.as('owner_housing').put(url).send({ completedInvestment: 3 }).expect(200);
    const before = await writeCounts(t);
    for (const res of [
      await t.as('owner_water').put(url).send({ completedInvestment: 9 }),
      await t.as('owner_water').put(url).send({ completedInvestment: -9, extra: true }),
      await t.as('owner_water').post(`${url}/submit`),
    ]) {
      expect([res.status, res.body.code]).toEqual([403, 'outside_unit']);
    }
    expect(await writeCounts(t)).toEqual(before);
  });

  it('bad input is 400 naming the field: amounts, months outside the plan or in the future; nothing is written', async () => {
    const [project] = await projectsOf(t, 'commerce');
    const url = (month: string) => `/api/projects/${project.id}/monthly-reports/${month}`;
    const before = await writeCounts(t);
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['2027-03', { completedInvestment: -1 }, 'completedInvestment'],
      ['2027-03', { completedInvestment: 1.234 }, 'completedInvestment'],
      ['2027-03', { completedInvestment: 100000001 }, 'completedInvestment'],
      ['2027-03', { completedInvestment: 'abc' }, 'completedInvestment'],
      ['2027-03', { completedInvestment: null }, 'completedInvestment'],
      ['2027-03', { completedInvestment: 1, progress: 'x'.repeat(2001) }, 'progress'],
      ['2025-12', { completedInvestment: 1 }, 'month'],
      ['2031-01', { completedInvestment: 1 }, 'month'],
      ['2027-13', { completedInvestment: 1 }, 'month'],
      ['2027-3', { completedInvestment: 1 }, 'month'],
      // Today is 2027-04-03: May is in the future.
      ['2027-05', { completedInvestment: 1 }, 'month'],
    ];
    for (const [month, body, field] of cases) {
      const res = await t.as('owner_commerce').put(url(month)).send(body);
      expect({ month, body, status: res.status, fields: fieldsOf(res.body) }).toEqual({ month, body, status: 400, fields: [field] });
    }
    expect(
      fieldsOf(
        (
          await t
            .as('owner_commerce')
            .post(`${url('2027-05')}/submit`)
            .expect(400)
        ).body,
      ),
    ).toEqual(['month']);
    expect(fieldsOf((await t.as('owner_commerce').get('/api/monthly-reports').query({ month: '2027-05' }).expect(400)).body)).toEqual(['month']);
    expect(fieldsOf((await t.as('owner_commerce').get(`/api/projects/${project.id}/monthly-reports`).query({ year: 2031 }).expect(400)).body)).toEqual([
      'year',
    ]);
    expect(await writeCounts(t)).toEqual(before);
    // The current month is reportable.
    await t.as('owner_commerce').put(url('2027-04')).send({ completedInvestment: '0' }).expect(200);
  });

  it('the year: twelve months, each with its report or missing, the due day, overdue and late', async () => {
    const [project] = await projectsOf(t, 'education');
    const url = (month: string) => `/api/projects/${project.id}/monthly-reports/${month}`;
    at('2027-02-10');
    await t.as('owner_education').put(url('2027-01')).send({ completedInvestment: 7 }).expect(200);
    await t
      .as('owner_education')
      .post(`${url('2027-01')}/submit`)
      .expect(200);
    at('2027-04-20');
    await t.as('owner_education').put(url('2027-02')).send({ completedInvestment: 0 }).expect(200);
    const year = (await t.as('owner_education').get(`/api/projects/${project.id}/monthly-reports`).query({ year: 2027 }).expect(200)).body;
    expect(year).toMatchObject({ projectId: project.id, year: 2027, dueDay: 5 });
    expect(year.months).toHaveLength(12);
    expect(year.months.slice(0, 5)).toMatchObject([
      { month: '2027-01', status: 'submitted', dueOn: '2027-02-05', overdue: false, late: true, locked: false, report: { completedInvestment: '7.00' } },
      { month: '2027-02', status: 'draft', dueOn: '2027-03-05', overdue: true, late: false, report: { completedInvestment: '0.00' } },
      { month: '2027-03', status: 'missing', dueOn: '2027-04-05', overdue: true, late: false, report: null },
      { month: '2027-04', status: 'missing', dueOn: '2027-05-05', overdue: false, report: null },
      { month: '2027-05', status: 'missing', overdue: false, report: null },
    ]);
    const other = await t.as('owner_water').get(`/api/projects/${project.id}/monthly-reports`).query({ year: 2027 }).expect(403);
    expect(other.body.code).toBe('outside_unit');
    await t.as('reviewer').get(`/api/projects/${project.id}/monthly-reports`).query({ year: 2027 }).expect(200);
  });

  it('the month grid: every project of the owner’s unit with its report or none; reviewers see every unit', async () => {
    const projects = await projectsOf(t, 'culture_tourism', 2);
    await t.as('owner_culture_tourism').put(`/api/projects/${projects[0].id}/monthly-reports/2027-03`).send({ completedInvestment: 42 }).expect(200);
    const grid = (await t.as('owner_culture_tourism').get('/api/monthly-reports').query({ month: '2027-03' }).expect(200)).body;
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM project p JOIN unit u ON u.id = p.unit_id WHERE u.code = 'culture_tourism'`);
    expect(grid).toMatchObject({ month: '2027-03', dueOn: '2027-04-05', locked: false });
    expect(grid.items).toHaveLength(rows[0].n);
    expect(grid.items.find((item: { projectId: string }) => item.projectId === projects[0].id)).toMatchObject({
      status: 'draft',
      report: { completedInvestment: '42.00' },
    });
    expect(grid.items.find((item: { projectId: string }) => item.projectId === projects[1].id)).toMatchObject({ status: 'missing', report: null });
    const all = (await t.as('reviewer').get('/api/monthly-reports').query({ month: '2027-03' }).expect(200)).body;
    const { rows: total } = await t.db.query(`SELECT count(*)::int AS n FROM project`);
    expect(all.items).toHaveLength(total[0].n);
  });
});
