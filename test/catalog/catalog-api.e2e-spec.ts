import { loadCatalog } from '@qj/catalog';
import { addDays, todayIn } from '@qj/domain';
import { projectOf } from '../support/factories';
import { bootTestApp, TestApp } from '../support/test-app';

const catalog = loadCatalog();

describe('catalog reading API', () => {
  let t: TestApp;
  beforeAll(async () => (t = await bootTestApp()));
  afterAll(() => t.close());

  describe('GET /api/projects', () => {
    it('lists every catalog project, paged, in plan order', async () => {
      const res = await t.as('reviewer').get('/api/projects?pageSize=200').expect(200);
      expect(res.body.total).toBe(catalog.projects.length);
      expect(res.body.items).toHaveLength(200);
      expect(res.body.items[0].name).toBe(catalog.projects[0].name);
      const page2 = await t.as('reviewer').get('/api/projects?pageSize=200&page=2').expect(200);
      expect(page2.body.items).toHaveLength(catalog.projects.length - 200);
      const item = res.body.items[0];
      for (const field of ['id', 'name', 'column', 'chapter', 'sector', 'stage', 'target', 'unitId']) expect(item).toHaveProperty(field);
    });

    it.each(['渝贵', 'yuguigaotie', 'yggt', 'YGGT', 'yu gui'])('q=%s finds 渝贵高铁', async (q) => {
      const res = await t.as('reviewer').get('/api/projects').query({ q }).expect(200);
      expect(res.body.items.map((item: { name: string }) => item.name)).toContain('渝贵高铁');
    });

    it('ranks a pinyin search: whole-name initials, then an initials prefix, then the name, then initials within a name', async () => {
      const names = async (query: Record<string, string>) =>
        (
          await t
            .as('reviewer')
            .get('/api/projects')
            .query({ pageSize: 200, ...query })
            .expect(200)
        ).body.items.map((item: { name: string }) => item.name);
      // 沙溪公园公共停车场 is s-x-g-y-g-g-t-c-c: yggt sits inside its initials, and it comes first in the plan.
      const yggt = await names({ q: 'yggt' });
      expect(yggt[0]).toBe('渝贵高铁');
      expect(yggt).toContain('沙溪公园公共停车场');
      const plan = await names({ q: 'yggt', sort: 'plan' });
      expect(plan.indexOf('沙溪公园公共停车场')).toBeLessThan(plan.indexOf('渝贵高铁'));
      // A prefix of the initials ranks above a match inside the name's initials.
      const ygg = await names({ q: 'ygg' });
      expect(ygg.indexOf('渝贵高铁')).toBeLessThan(ygg.indexOf('沙溪公园公共停车场'));
    });

    it('filters by column, sector and target, and the total agrees with the catalog', async () => {
      const expected = catalog.projects.filter((p) => p.sources.some((s) => s.column === 14) && p.target === 'start');
      const res = await t.as('reviewer').get('/api/projects').query({ column: 14, target: 'start', pageSize: 200 }).expect(200);
      expect(res.body.total).toBe(expected.length);
      expect(res.body.items.map((item: { name: string }) => item.name).sort()).toEqual(expected.map((p) => p.name).sort());
      const water = await t.as('reviewer').get('/api/projects').query({ sector: 'water', pageSize: 200 }).expect(200);
      expect(water.body.total).toBe(catalog.projects.filter((p) => p.sector === 'water').length);
    });

    it.each([
      [5, ['丁山区块产能释放', '东溪区块产能释放', '生物质制氢项目', '固态镁基储氢项目', '氢能物流示范应用']],
      [11, ['通惠城市中心商圈', '北部新城', '永桐新城', '美丽红魂小镇']],
      [13, ['农技推广服务机制模式创新试点', '农田小气候自动站', '土壤水分观测站']],
    ])('column %i lists every project the catalog has there, the ones added for issue 13 among them', async (column, added) => {
      const res = await t.as('reviewer').get('/api/projects').query({ column, pageSize: 200 }).expect(200);
      const names: string[] = res.body.items.map((item: { name: string }) => item.name);
      const expected = catalog.projects.filter((p) => p.sources.some((s) => s.column === column)).map((p) => p.name);
      expect([...names].sort()).toEqual([...expected].sort());
      expect(names).toEqual(expect.arrayContaining(added));
    });

    it('filters by unit code or id', async () => {
      const byCode = await t.as('reviewer').get('/api/projects').query({ unit: 'transport', pageSize: 200 }).expect(200);
      expect(byCode.body.total).toBe(catalog.projects.filter((p) => p.sector === 'transport').length);
      const unitId = byCode.body.items[0].unitId;
      const byId = await t.as('reviewer').get('/api/projects').query({ unit: unitId, pageSize: 200 }).expect(200);
      expect(byId.body.total).toBe(byCode.body.total);
    });

    it('sorts by name in pinyin order, descending with a leading minus', async () => {
      const asc = await t.as('reviewer').get('/api/projects').query({ sort: 'name', pageSize: 5, sector: 'transport' }).expect(200);
      const desc = await t.as('reviewer').get('/api/projects').query({ sort: '-name', pageSize: 200, sector: 'transport' }).expect(200);
      expect(desc.body.items[desc.body.items.length - 1].name).toBe(asc.body.items[0].name);
    });

    it.each(['"', "'", '%', '_', '\\', '100%_\\', '🚄', "'; DROP TABLE project; --"])('q=%j is matched literally and safely', async (q) => {
      const res = await t.as('reviewer').get('/api/projects').query({ q }).expect(200);
      expect(res.body.total).toBe(0);
    });

    it('a page past the end is empty but keeps the total', async () => {
      const res = await t.as('reviewer').get('/api/projects').query({ page: 99 }).expect(200);
      expect(res.body).toMatchObject({ items: [], total: catalog.projects.length, page: 99 });
    });

    it.each([
      [{ stage: 'finished' }, 'stage'],
      [{ target: 'done' }, 'target'],
      [{ sector: 'rail' }, 'sector'],
      [{ pageSize: 100000 }, 'pageSize'],
      [{ pageSize: 0 }, 'pageSize'],
      [{ page: 'abc' }, 'page'],
      [{ chapter: 99 }, 'chapter'],
      [{ column: 'x' }, 'column'],
      [{ sort: 'price' }, 'sort'],
      [{ unit: 'a b' }, 'unit'],
      [{ q: 'x'.repeat(101) }, 'q'],
      [{ colour: 'red' }, 'colour'],
    ])('%j is 400 problem+json naming %s', async (query, field) => {
      const res = await t.as('reviewer').get('/api/projects').query(query).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
      expect(res.body.detail).toContain(field);
    });
  });

  describe('GET /api/projects/:id', () => {
    it('最近更新 (lastChangedAt) follows a change to one of the project’s milestones, not only to the project row', async () => {
      const project = await projectOf(t, 'transport', 9);
      const before = (await t.as('reviewer').get(`/api/projects/${project.id}`).expect(200)).body;
      const [milestone] = (await t.as('owner_transport').get(`/api/projects/${project.id}/milestones`).expect(200)).body.items;
      const forecastDate = addDays(todayIn('Asia/Shanghai'), 300);
      await t.as('owner_transport').patch(`/api/milestones/${milestone.id}`).send({ version: milestone.version, forecastDate }).expect(200);
      const { rows } = await t.db.query(`SELECT updated_at FROM milestone WHERE id = $1`, [milestone.id]);
      const after = (await t.as('reviewer').get(`/api/projects/${project.id}`).expect(200)).body;
      expect(new Date(after.lastChangedAt).getTime()).toBe((rows[0].updated_at as Date).getTime());
      expect(new Date(after.lastChangedAt).getTime()).toBeGreaterThan(new Date(before.lastChangedAt).getTime());
      expect(new Date(after.lastChangedAt).getTime()).toBeGreaterThanOrEqual(new Date(after.updatedAt).getTime());
    });

    it('returns the project with every clause that names it', async () => {
      const twice = catalog.projects.find((p) => p.sources.length > 1)!;
      const list = await t.as('reviewer').get('/api/projects').query({ q: twice.name }).expect(200);
      const id = list.body.items.find((item: { name: string }) => item.name === twice.name).id;
      const res = await t.as('reviewer').get(`/api/projects/${id}`).expect(200);
      expect(res.body.name).toBe(twice.name);
      expect(res.body.sources).toHaveLength(twice.sources.length);
      expect(res.body.sources.map((s: { clause: string }) => s.clause)).toEqual(twice.sources.map((s) => s.clause));
      const column = catalog.structure.columns.find((c) => c.no === twice.sources[0].column)!;
      expect(res.body.sources[0].column).toEqual({ no: column.no, label: column.label, title: column.title });
      expect(res.body.sources[0].chapter.no).toBe(column.chapter);
      for (const source of res.body.sources) expect(catalog.planText).toContain(source.clause);
    });

    it('404 for an unknown id, 400 naming id for a malformed one', async () => {
      const missing = await t.as('reviewer').get('/api/projects/00000000-0000-4000-8000-000000000000').expect(404);
      expect(missing.body.code).toBe('project_not_found');
      const bad = await t.as('reviewer').get('/api/projects/not-a-uuid').expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    });
  });

  describe('GET /api/plan', () => {
    it('has 12 parts, 36 chapters and 26 columns with project counts that agree with the list filters', async () => {
      const res = await t.as('reviewer').get('/api/plan').expect(200);
      expect(res.body.total).toBe(catalog.projects.length);
      const chapters = res.body.parts.flatMap((p: { chapters: unknown[] }) => p.chapters);
      const columns = chapters.flatMap((c: { columns: unknown[] }) => c.columns);
      expect(res.body.parts).toHaveLength(12);
      expect(chapters).toHaveLength(36);
      expect(columns).toHaveLength(26);
      const column15 = columns.find((c: { no: number }) => c.no === 15);
      const list = await t.as('reviewer').get('/api/projects').query({ column: 15 }).expect(200);
      expect(column15.projectCount).toBe(list.body.total);
      const chapter15 = chapters.find((c: { no: number }) => c.no === 15);
      expect(chapter15.projectCount).toBe((await t.as('reviewer').get('/api/projects').query({ chapter: 15 })).body.total);
      const part6 = res.body.parts.find((p: { no: number }) => p.no === 6);
      expect(part6.projectCount).toBe((await t.as('reviewer').get('/api/projects').query({ part: 6 })).body.total);
      // A project the plan names in two chapters counts in both: the tree says how many such projects there are.
      const chaptersOf = new Map<string, number>();
      for (const chapter of chapters as Array<{ no: number; projectCount: number }>) {
        if (!chapter.projectCount) continue;
        const ids = await t.as('reviewer').get('/api/projects').query({ chapter: chapter.no, pageSize: 200 }).expect(200);
        for (const item of ids.body.items as Array<{ id: string }>) chaptersOf.set(item.id, (chaptersOf.get(item.id) ?? 0) + 1);
      }
      expect(res.body.multiCounted.chapter).toBe([...chaptersOf.values()].filter((n) => n > 1).length);
      expect(res.body.multiCounted.chapter).toBeGreaterThan(0);
      const chapterSum = chapters.reduce((sum: number, c: { projectCount: number }) => sum + c.projectCount, 0);
      expect(chapterSum - res.body.total).toBe([...chaptersOf.values()].reduce((sum, n) => sum + n - 1, 0));
      const rollups = await t.as('reviewer').get('/api/rollups').query({ by: 'chapter' }).expect(200);
      expect(rollups.body.multiCounted).toBe(res.body.multiCounted.chapter);
      const railway = column15.items.length ? column15.items[0] : undefined;
      expect(railway?.projectCount).toBeGreaterThan(0);
    });
  });

  describe('GET /api/indicators', () => {
    it('has the 22 indicators of column 1', async () => {
      const res = await t.as('reviewer').get('/api/indicators').expect(200);
      expect(res.body.items).toHaveLength(22);
      expect(res.body.items[0]).toMatchObject({ no: 1, value2025: catalog.indicators[0].value2025, annualGrowth: true });
    });
  });
});

describe('queries that do not grow with the page', () => {
  let t: TestApp;
  // The x-sql-statements header is a debugging aid, off unless DEBUG_SQL_COUNT is on.
  beforeAll(async () => (t = await bootTestApp({ env: { DEBUG_SQL_COUNT: 'true' } })));
  afterAll(() => t.close());

  it('a list of 100 projects runs as many SQL statements as a list of 10, at most three', async () => {
    await t.as('reviewer').get('/api/projects').expect(200);
    const ten = await t.as('reviewer').get('/api/projects').query({ pageSize: 10, overdue: 'false' }).expect(200);
    const hundred = await t.as('reviewer').get('/api/projects').query({ pageSize: 100, overdue: 'false' }).expect(200);
    expect(ten.body.items).toHaveLength(10);
    expect(hundred.body.items).toHaveLength(100);
    const statements = Number(ten.headers['x-sql-statements']);
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(3);
    expect(Number(hundred.headers['x-sql-statements'])).toBe(statements);
  });

  it('a project with all its sources, and its milestones, each in at most three statements', async () => {
    const list = await t.as('reviewer').get('/api/projects').query({ pageSize: 1 }).expect(200);
    const id = list.body.items[0].id;
    const detail = await t.as('reviewer').get(`/api/projects/${id}`).expect(200);
    expect(Number(detail.headers['x-sql-statements'])).toBeLessThanOrEqual(3);
    const milestones = await t.as('reviewer').get(`/api/projects/${id}/milestones`).expect(200);
    expect(Number(milestones.headers['x-sql-statements'])).toBeLessThanOrEqual(3);
  });
});
