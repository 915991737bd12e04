import { Clock } from '@qj/config';
import { bootTestApp, TestApp } from '../support/test-app';
import { freshProjectsOf, markStarted, seedPlan, seedReports } from '../support/investment';

const months = (count: number, amount: string) => Array.from({ length: count }, () => amount);

/**
 * The project light (combineProjectLight, libs/domain/src/project-light.ts): the milestone RAG and the 调度's lights of
 * the current report month, the worst of them, every reason with its source, in Chinese or in English.
 */
describe('the project light', () => {
  let t: TestApp;
  let behind: string; // investment red, milestones amber
  let amber: string; // milestones amber only
  let unregistered: string; // registration red
  let quiet: string; // nothing wrong
  beforeAll(async () => {
    t = await bootTestApp();
    t.app.get(Clock).setNow(new Date('2026-11-10T10:00:00+08:00'));
    [behind, amber, unregistered, quiet] = await freshProjectsOf(t.db, 'transport', 4);
    await seedPlan(t.db, behind, 2026, { planned: '1000' });
    await seedReports(t.db, behind, 2026, months(10, '40'));
    await seedPlan(t.db, unregistered, 2026, { planned: '100' });
    await seedReports(t.db, unregistered, 2026, ['90']);
    await markStarted(t.db, unregistered, '2026-05-03');
    const rag = (level: string, reasons: unknown[]) => ({ level, reasons: JSON.stringify(reasons) });
    const setRag = async (id: string, value: { level: string; reasons: string }) =>
      t.db.query(`UPDATE project SET rag = $2, rag_reasons = $3::jsonb WHERE id = $1`, [id, value.level, value.reasons]);
    const overdue = { code: 'milestone_overdue', level: 'amber', milestone: 'construction_permit', days: 12 };
    await setRag(behind, rag('amber', [overdue]));
    await setRag(amber, rag('amber', [overdue, { code: 'forecast_slip', level: 'amber', milestone: 'groundbreaking', days: 45 }]));
    await setRag(unregistered, rag('green', []));
    await setRag(quiet, rag('green', []));
  });
  afterAll(() => t?.close());

  const detail = async (id: string, language?: string, as = 'reviewer') => {
    const request = t.as(as).get(`/api/projects/${id}`);
    return (await (language ? request.set('Accept-Language', language) : request).expect(200)).body;
  };

  it('Done when: the worst of the milestone RAG and the 调度’s lights, each reason listed with its source', async () => {
    const { light } = await detail(behind);
    expect(light).toEqual({
      level: 'red',
      year: 2026,
      month: 10,
      reasons: [
        { source: 'investment', code: 'investment_behind', level: 'red', text: '投资完成率 40.00%，低于序时进度 43.33 个百分点' },
        { source: 'milestones', code: 'milestone_overdue', level: 'yellow', text: '「施工许可」已逾期 12 天' },
      ],
    });
    expect((await detail(amber)).light).toMatchObject({
      level: 'yellow',
      reasons: [
        { source: 'milestones', code: 'milestone_overdue', level: 'yellow', text: '「施工许可」已逾期 12 天' },
        { source: 'milestones', code: 'forecast_slip', level: 'yellow', text: '「开工」预计比基线推迟 45 天' },
      ],
    });
    expect((await detail(unregistered)).light).toMatchObject({
      level: 'red',
      reasons: [{ source: 'registration', code: 'not_registered', level: 'red', text: '已于 2026-05-03 开工，5 个月仍未入库纳统' }],
    });
    expect((await detail(quiet)).light).toMatchObject({ level: 'green', reasons: [] });
  });

  it('in English when Accept-Language asks for it: the project, its figures and the red list', async () => {
    const { light } = await detail(behind, 'en-GB,en;q=0.9');
    expect(light.reasons.map((reason: { text: string }) => reason.text)).toEqual([
      'Completion rate 40.00%, 43.33 points behind schedule',
      '“Construction permit” is 12 days overdue',
    ]);
    const figures = await t
      .as('reviewer')
      .get(`/api/projects/${unregistered}/investment`)
      .set('Accept-Language', 'en')
      .query({ year: 2026, month: 10 })
      .expect(200);
    expect(figures.headers.vary).toMatch(/Accept-Language/i);
    expect(figures.body.projectLightReasons).toEqual([
      { code: 'not_registered', level: 'red', text: 'Started on 2026-05-03, not registered for statistics 5 months later' },
    ]);
    const red = await t.as('reviewer').get('/api/investment/projects').set('Accept-Language', 'en').query({ year: 2026, month: 10, light: 'red' }).expect(200);
    const item = red.body.items.find((one: { projectId: string }) => one.projectId === behind);
    expect(item.projectLightReasons).toEqual([{ code: 'investment_behind', level: 'red', text: 'Completion rate 40.00%, 43.33 points behind schedule' }]);
    // Chinese stays the default.
    expect((await detail(behind, 'zh-CN')).light.reasons[0].text).toBe('投资完成率 40.00%，低于序时进度 43.33 个百分点');
  });

  it('the list shows the same level for every project, and neither to an owner of another unit', async () => {
    const { body } = await t.as('reviewer').get('/api/projects').query({ unit: 'transport', pageSize: 200 }).expect(200);
    for (const id of [behind, amber, unregistered, quiet]) {
      const listed = body.items.find((item: { id: string }) => item.id === id);
      expect({ id, light: listed.light }).toEqual({ id, light: (await detail(id)).light.level });
    }
    for (const item of body.items.slice(0, 20)) expect({ id: item.id, light: item.light }).toEqual({ id: item.id, light: (await detail(item.id)).light.level });
    const theirs = (await t.as('owner_water').get('/api/projects').query({ unit: 'transport', pageSize: 5 }).expect(200)).body.items;
    expect(theirs.every((item: { light: string | null }) => item.light === null)).toBe(true);
    expect((await detail(behind, undefined, 'owner_water')).light).toBeNull();
    expect((await detail(behind, undefined, 'owner_transport')).light.level).toBe('red');
  });
});
