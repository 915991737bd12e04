import { APPROVALS_CATALOGUES, approvalsCatalogue, approvalsOfType, type ApprovalsCatalogue } from '@qj/catalog';
import { addDays, businessDay, preworkRate, todayIn } from '@qj/domain';
import { backfillApprovals, RollupRepository } from '@qj/persistence';
import { DataSource } from 'typeorm';
import { projectOf } from '../support/factories';
import { bootTestApp, TestApp } from '../support/test-app';

/**
 * 前期手续 as data: every project holds its type's approvals once, the owners set their state with the document, and
 * 前期手续办结率 is what a recount of the rows gives.
 */
describe('approvals (前期手续)', () => {
  let t: TestApp;
  const today = () => todayIn(t.env.APP_TIMEZONE);
  const backfill = (catalogue: ApprovalsCatalogue) => t.app.get(DataSource).transaction((manager) => backfillApprovals(manager, catalogue));
  const approvalCounts = async () =>
    (await t.db.query(`SELECT count(*)::int AS n, count(DISTINCT (project_id, code))::int AS distinct FROM milestone WHERE kind = 'approval'`)).rows[0];

  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => t?.close());

  it('gives every project its type’s approvals once, the four approval milestones kept in place with their ids', async () => {
    const { rows: untyped } = await t.db.query(`SELECT count(*)::int AS n FROM project WHERE project_type IS NULL`);
    expect(untyped[0].n).toBe(0);
    for (const type of approvalsCatalogue.projectTypes) {
      const expected = approvalsOfType(approvalsCatalogue, type.code).map((a) => a.code);
      const { rows } = await t.db.query(
        `SELECT p.id, array_agg(m.code ORDER BY m.sort_order) FILTER (WHERE m.kind = 'approval') AS codes
         FROM project p JOIN milestone m ON m.project_id = p.id WHERE p.project_type = $1 GROUP BY p.id`,
        [type.code],
      );
      for (const row of rows) expect(row.codes).toEqual(expected);
    }
    // Milestones a type does not require stay plain milestones: 企业投资 has 备案, not 项目建议书 or 可研批复.
    const { rows: enterprise } = await t.db.query(
      `SELECT DISTINCT m.code FROM milestone m JOIN project p ON p.id = m.project_id WHERE p.project_type = 'enterprise_industry' AND m.kind = 'milestone'`,
    );
    expect(enterprise.map((r) => r.code)).toEqual(expect.arrayContaining(['proposal', 'feasibility_approval', 'groundbreaking']));
    // Started projects get the approvals they lacked as 不适用 with a reason, so stage and milestones agree.
    const { rows: started } = await t.db.query(
      `SELECT m.status, m.not_applicable_reason AS reason FROM milestone m JOIN project p ON p.id = m.project_id
       WHERE p.stage = 'start' AND m.kind = 'approval' AND m.code = 'eia'`,
    );
    expect(started.length).toBeGreaterThan(0);
    for (const row of started) expect(row).toEqual({ status: 'not_applicable', reason: expect.stringContaining('补录') });
  });

  it('backfills idempotently: a second run of the migration’s backfill adds, converts and types nothing', async () => {
    const before = await approvalCounts();
    expect(before.n).toBe(before.distinct);
    expect(await backfill(APPROVALS_CATALOGUES.get(1) as ApprovalsCatalogue)).toEqual({ typed: 0, converted: 0, added: 0 });
    expect(await backfill(approvalsCatalogue)).toEqual({ typed: 0, converted: 0, added: 0 });
    expect(await approvalCounts()).toEqual(before);
  });

  it('keeps an approval milestone’s history when it becomes an approval: done with its date stays done', async () => {
    const project = await projectOf(t, 'transport', 20);
    const { rows } = await t.db.query(`SELECT id, version FROM milestone WHERE project_id = $1 AND code = 'proposal'`, [project.id]);
    await t.db.query(
      `UPDATE milestone SET kind = 'milestone', department = NULL, parallel_group = NULL, status = 'done', actual_date = '2026-01-05' WHERE id = $1`,
      [rows[0].id],
    );
    expect(await backfill(APPROVALS_CATALOGUES.get(1) as ApprovalsCatalogue)).toEqual({ typed: 0, converted: 1, added: 0 });
    const { rows: after } = await t.db.query(
      `SELECT id, kind, department, status, actual_date::text AS date FROM milestone WHERE project_id = $1 AND code = 'proposal'`,
      [project.id],
    );
    expect(after).toEqual([{ id: rows[0].id, kind: 'approval', department: '区发展改革委', status: 'done', date: '2026-01-05' }]);
  });

  describe('an owner sets an approval’s state', () => {
    let projectId: string;
    const approval = async (code: string) => {
      const { items } = (await t.as('owner_transport').get(`/api/projects/${projectId}/approvals`).expect(200)).body;
      return items.find((item: { code: string }) => item.code === code);
    };
    const patch = (id: string, body: object, as = 'owner_transport') => t.as(as).patch(`/api/approvals/${id}`).send(body);
    const audited = async (id: string) => (await t.db.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [id])).rows.map((r) => r.action);

    beforeAll(async () => {
      projectId = (await projectOf(t, 'transport', 21)).id;
    });

    it('lists the checklist in order with department, status and the project type', async () => {
      const body = (await t.as('owner_transport').get(`/api/projects/${projectId}/approvals`).expect(200)).body;
      expect(body.projectType).toEqual({ code: 'government_infrastructure', label: '政府投资基础设施' });
      expect(body.items.map((i: { code: string }) => i.code)).toEqual(approvalsOfType(approvalsCatalogue, 'government_infrastructure').map((a) => a.code));
      const eia = body.items.find((i: { code: string }) => i.code === 'eia');
      expect(eia).toMatchObject({ department: '区生态环境局', parallelGroup: 'assessments', status: 'not_started', documentNo: null, documentDate: null });
      expect(body.counts).toEqual({ required: body.items.length, done: 0, notApplicable: 0, rate: 0 });
      await t.as('owner_water').get(`/api/projects/${projectId}/approvals`).expect(403);
    });

    it('refuses bad input naming the field, and another unit’s owner, writing nothing', async () => {
      const eia = await approval('eia');
      const field = async (body: object) => (await patch(eia.id, { version: eia.version, ...body }).expect(400)).body.errors[0].field;
      expect(await field({ status: 'finished' })).toBe('status');
      expect(await field({ status: 'done', documentDate: today() })).toBe('documentNo');
      expect(await field({ status: 'done', documentNo: '綦环审〔2026〕3号' })).toBe('documentDate');
      expect(await field({ status: 'done', documentNo: '綦环审〔2026〕3号', documentDate: addDays(today(), 1) })).toBe('documentDate');
      expect(await field({ status: 'not_applicable' })).toBe('reason');
      expect(await field({ status: 'not_applicable', reason: '   ' })).toBe('reason');
      const refused = await patch(eia.id, { version: eia.version, status: 'in_progress' }, 'owner_water').expect(403);
      expect(refused.body.code).toBe('outside_unit');
      expect(await approval('eia')).toEqual(eia);
      expect(await audited(eia.id)).toEqual([]);
      const groundbreaking = (await t.db.query(`SELECT id, version FROM milestone WHERE project_id = $1 AND code = 'groundbreaking'`, [projectId])).rows[0];
      expect((await patch(groundbreaking.id, { version: groundbreaking.version, status: 'in_progress' }).expect(404)).body.code).toBe('approval_not_found');
      // The approval that realises a study target (可研批复) is the plan's commitment: never 不适用.
      const { rows: targets } = await t.db.query(`SELECT id, version FROM milestone WHERE kind = 'approval' AND realises_target LIMIT 1`);
      const refusedTarget = await patch(targets[0].id, { version: targets[0].version, status: 'not_applicable', reason: '合并审批' }, 'admin').expect(422);
      expect(refusedTarget.body.code).toBe('target_milestone');
    });

    it('moves through 办理中, 已办结 with its document, 不适用 with a reason and back, each audited with its event', async () => {
      const eia = await approval('eia');
      const started = (await patch(eia.id, { version: eia.version, status: 'in_progress' }).expect(200)).body;
      expect(started).toMatchObject({ status: 'in_progress', version: eia.version + 1 });
      expect((await patch(eia.id, { version: eia.version, status: 'done' }).expect(400)).body.errors[0].field).toBe('documentNo');
      expect((await patch(eia.id, { version: eia.version, status: 'not_started' }).expect(409)).body.code).toBe('version_conflict');
      const done = (await patch(eia.id, { version: started.version, status: 'done', documentNo: '綦环审〔2026〕3号', documentDate: today() }).expect(200)).body;
      expect(done).toMatchObject({ status: 'done', documentNo: '綦环审〔2026〕3号', documentDate: today() });
      const { rows } = await t.db.query(`SELECT status, actual_date::text AS date, in_progress FROM milestone WHERE id = $1`, [eia.id]);
      expect(rows[0]).toEqual({ status: 'done', date: today(), in_progress: false });
      const unchanged = (await patch(eia.id, { version: done.version, status: 'done', documentNo: '綦环审〔2026〕3号', documentDate: today() }).expect(200))
        .body;
      expect(unchanged.version).toBe(done.version);
      const na = (await patch(eia.id, { version: done.version, status: 'not_applicable', reason: '已纳入规划环评' }).expect(200)).body;
      expect(na).toMatchObject({ status: 'not_applicable', notApplicableReason: '已纳入规划环评', documentNo: null, documentDate: null });
      const reopened = (await patch(eia.id, { version: na.version, status: 'not_started' }).expect(200)).body;
      expect(reopened).toMatchObject({ status: 'not_started', notApplicableReason: null });
      expect(await audited(eia.id)).toEqual(['milestone.updated', 'milestone.updated', 'milestone.marked_not_applicable', 'milestone.applicable_again']);
      const { rows: events } = await t.db.query(`SELECT name FROM outbox_event WHERE aggregate_id = $1 AND payload->>'milestoneId' = $2 ORDER BY id`, [
        projectId,
        eia.id,
      ]);
      expect(events.map((e) => e.name)).toEqual(['milestone.updated', 'milestone.updated', 'milestone.not_applicable', 'milestone.applicable_again']);
    });
  });

  describe('the milestone routes leave an approval’s 办结 to the checklist', () => {
    let projectId: string;
    const eiaOf = async () =>
      ((await t.as('owner_transport').get(`/api/projects/${projectId}/approvals`).expect(200)).body.items as Array<Record<string, unknown>>).find(
        (item) => item.code === 'eia',
      ) as { id: string; version: number; status: string };

    beforeAll(async () => {
      projectId = (await projectOf(t, 'transport', 22)).id;
    });

    it('PATCH /api/milestones/:id may not set or clear an approval’s actual date (422 naming actualDate and the route, in zh and en); its forecast it may', async () => {
      const eia = await eiaOf();
      const refused = await t.as('owner_transport').patch(`/api/milestones/${eia.id}`).send({ version: eia.version, actualDate: today() }).expect(422);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ code: 'approval_on_checklist', route: `/api/approvals/${eia.id}` });
      expect(refused.body.detail).toContain(`「环评批复」是前期手续`);
      expect(refused.body.detail).toContain(`PATCH /api/approvals/${eia.id}`);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['actualDate']);
      const english = await t
        .as('owner_transport')
        .patch(`/api/milestones/${eia.id}`)
        .set('Accept-Language', 'en')
        .send({ version: eia.version, actualDate: today() })
        .expect(422);
      expect(english.body.detail).toMatch(/^“环评批复” is an approval .*document number and date/);
      // An admin is held to it too; nothing was written.
      await t.as('admin').patch(`/api/milestones/${eia.id}`).send({ version: eia.version, actualDate: today() }).expect(422);
      expect(await eiaOf()).toEqual(eia);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [eia.id])).rows[0].n).toBe(0);

      const forecast = await t.as('owner_transport').patch(`/api/milestones/${eia.id}`).send({ version: eia.version, forecastDate: '2027-09-30' }).expect(200);
      expect(forecast.body).toMatchObject({ forecastDate: '2027-09-30', status: 'pending' });

      // Done on the checklist with its document: the milestone route may not clear it either.
      const done = (
        await t
          .as('owner_transport')
          .patch(`/api/approvals/${eia.id}`)
          .send({ version: forecast.body.version, status: 'done', documentNo: '綦环审〔2026〕21号', documentDate: today() })
          .expect(200)
      ).body;
      const reopen = await t.as('owner_transport').patch(`/api/milestones/${eia.id}`).send({ version: done.version, actualDate: null }).expect(422);
      expect(reopen.body.code).toBe('approval_on_checklist');
      expect(await eiaOf()).toMatchObject({ status: 'done', documentNo: '綦环审〔2026〕21号', documentDate: today() });
    });

    it('不适用 by the milestone route follows the checklist’s rules and leaves no 办理中 behind', async () => {
      const approval = (
        (await t.as('owner_transport').get(`/api/projects/${projectId}/approvals`).expect(200)).body.items as Array<Record<string, unknown>>
      ).find((item) => item.code === 'energy_review') as { id: string; version: number };
      const started = (
        await t.as('owner_transport').patch(`/api/approvals/${approval.id}`).send({ version: approval.version, status: 'in_progress' }).expect(200)
      ).body;
      const marked = await t
        .as('owner_transport')
        .post(`/api/milestones/${approval.id}/not-applicable`)
        .send({ version: started.version, reason: '能耗低于审查标准' })
        .expect(200);
      const back = await t.as('owner_transport').post(`/api/milestones/${approval.id}/applicable`).send({ version: marked.body.version }).expect(200);
      expect(back.body.status).toBe('pending');
      const { items } = (await t.as('owner_transport').get(`/api/projects/${projectId}/approvals`).expect(200)).body;
      expect(items.find((item: { id: string }) => item.id === approval.id)).toMatchObject({ status: 'not_started', notApplicableReason: null });
    });
  });

  describe('前期手续办结率 (GET /api/prework/summary)', () => {
    /** The figures recounted from the rows: projects in preparation, their approvals by status. */
    const recount = async (keyOf: string) =>
      (
        await t.db.query(
          `SELECT ${keyOf} AS key, count(*)::int AS required, count(*) FILTER (WHERE m.status = 'done')::int AS done,
                  count(*) FILTER (WHERE m.status = 'not_applicable')::int AS na
           FROM milestone m JOIN project p ON p.id = m.project_id JOIN unit u ON u.id = p.unit_id
           WHERE m.kind = 'approval' AND p.stage = 'study' GROUP BY 1`,
        )
      ).rows as Array<{ key: string; required: number; done: number; na: number }>;

    beforeAll(async () => {
      // Some approvals settled, so the figures are not all zero.
      const { rows } = await t.db.query(
        `SELECT m.id, m.version, m.realises_target, row_number() OVER (ORDER BY m.id) AS n, u.code FROM milestone m JOIN project p ON p.id = m.project_id
         JOIN unit u ON u.id = p.unit_id WHERE m.kind = 'approval' AND m.status = 'pending' AND p.stage = 'study' AND u.code = 'water' LIMIT 9`,
      );
      for (const row of rows) {
        // The milestone that realises the 2030 target is never 不适用 (422 target_milestone).
        const body =
          Number(row.n) % 3 === 0 && !row.realises_target
            ? { version: row.version, status: 'not_applicable', reason: '不涉及' }
            : { version: row.version, status: 'done', documentNo: `綦水〔2026〕${row.n}号`, documentDate: today() };
        await t.as('owner_water').patch(`/api/approvals/${row.id}`).send(body).expect(200);
      }
    });

    it.each([
      ['district', `'district'`],
      ['unit', 'u.code'],
      ['sector', 'p.sector'],
    ])('by=%s equals a recount of the rows', async (by, keyOf) => {
      const { items } = (await t.as('reviewer').get(`/api/prework/summary?by=${by}`).expect(200)).body;
      const expected = await recount(keyOf);
      expect(items).toHaveLength(expected.length);
      for (const row of expected) {
        const item = items.find((i: { key: string }) => i.key === row.key);
        expect(item).toMatchObject({
          required: row.required,
          done: row.done,
          notApplicable: row.na,
          rate: preworkRate({ required: row.required, done: row.done, notApplicable: row.na }),
        });
      }
    });

    it('counts a project under each chapter that names it', async () => {
      const { items } = (await t.as('reviewer').get('/api/prework/summary?by=chapter').expect(200)).body;
      const { rows } = await t.db.query(
        `SELECT c::text AS key, count(*)::int AS required FROM milestone m JOIN project p ON p.id = m.project_id, unnest(p.chapter_nos) c
         WHERE m.kind = 'approval' AND p.stage = 'study' GROUP BY 1`,
      );
      expect(Object.fromEntries(items.map((i: { key: string; required: number }) => [i.key, i.required]))).toEqual(
        Object.fromEntries(rows.map((r) => [r.key, r.required])),
      );
      expect(items[0].label).toMatch(/^第/);
    });

    it('the roll-ups carry the same figures', async () => {
      await t.app.get(RollupRepository).recomputeAll(businessDay(t.env.APP_TIMEZONE));
      const summary = (await t.as('reviewer').get('/api/prework/summary?by=sector').expect(200)).body.items;
      const rollups = (await t.as('reviewer').get('/api/rollups?by=sector').expect(200)).body.items;
      for (const item of summary) {
        const rollup = rollups.find((r: { key: string }) => r.key === item.key);
        expect(rollup.prework).toEqual({ required: item.required, done: item.done, notApplicable: item.notApplicable, rate: item.rate });
      }
      expect(summary.some((item: { done: number }) => item.done > 0)).toBe(true);
    });

    it('scopes owners to their unit and refuses them the district; refuses an unknown dimension', async () => {
      await t.as('owner_water').get('/api/prework/summary?by=district').expect(403);
      const { items } = (await t.as('owner_water').get('/api/prework/summary?by=unit').expect(200)).body;
      expect(items.map((i: { key: string }) => i.key)).toEqual(['water']);
      expect(items[0].done).toBeGreaterThan(0);
      expect((await t.as('reviewer').get('/api/prework/summary?by=planet').expect(400)).body.errors[0].field).toBe('by');
    });
  });

  it('adding an approval to the data adds exactly one to each project of that type, and nothing the second time', async () => {
    const v1 = APPROVALS_CATALOGUES.get(1) as ApprovalsCatalogue;
    const next: ApprovalsCatalogue = {
      ...v1,
      version: 2,
      approvals: [
        ...v1.approvals,
        {
          code: 'water_permit',
          name: { zh: '取水许可', en: 'Water abstraction permit' },
          department: '区水利局',
          stage: 'study',
          sortOrder: 13,
          parallelGroup: null,
        },
      ],
      projectTypes: v1.projectTypes.map((type) => (type.code === 'public_service' ? { ...type, approvals: [...type.approvals, 'water_permit'] } : type)),
    };
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM project p WHERE p.project_type = 'public_service' AND EXISTS (SELECT 1 FROM milestone m WHERE m.project_id = p.id)`,
    );
    const before = await approvalCounts();
    expect(await backfill(next)).toEqual({ typed: 0, converted: 0, added: rows[0].n });
    expect(await backfill(next)).toEqual({ typed: 0, converted: 0, added: 0 });
    const after = await approvalCounts();
    expect(after).toEqual({ n: before.n + rows[0].n, distinct: before.distinct + rows[0].n });
    const { rows: perProject } = await t.db.query(
      `SELECT count(*)::int AS n FROM milestone m JOIN project p ON p.id = m.project_id WHERE m.code = 'water_permit' GROUP BY p.project_type`,
    );
    expect(perProject).toEqual([{ n: rows[0].n }]);
  });

  it('a data change that would drop an approval a project has recorded is refused naming the project, and nothing changes', async () => {
    const { rows } = await t.db.query(
      `SELECT p.id, p.name, p.project_type AS type, m.id AS approval FROM project p JOIN milestone m ON m.project_id = p.id AND m.code = 'eia'
       WHERE m.kind = 'approval' ORDER BY p.name LIMIT 1`,
    );
    const [recorded] = rows;
    await t.db.query(`UPDATE milestone SET in_progress = true WHERE id = $1`, [recorded.approval]);
    const v1 = APPROVALS_CATALOGUES.get(1) as ApprovalsCatalogue;
    const next: ApprovalsCatalogue = {
      ...v1,
      version: 2,
      projectTypes: v1.projectTypes.map((type) =>
        type.code === recorded.type ? { ...type, approvals: type.approvals.filter((code) => code !== 'eia') } : type,
      ),
    };
    const before = await approvalCounts();
    await expect(backfill(next)).rejects.toThrow(`${recorded.name}「环评批复」`);
    expect(await approvalCounts()).toEqual(before);
    // An approval nobody has recorded may go from the data: the projects keep theirs, nothing is refused.
    await t.db.query(
      `UPDATE milestone m SET in_progress = false, status = 'pending', actual_date = NULL, document_no = NULL
       FROM project p WHERE p.id = m.project_id AND p.project_type = $1 AND m.code = 'eia' AND m.status <> 'not_applicable'`,
      [recorded.type],
    );
    await expect(backfill(next)).resolves.toEqual({ typed: 0, converted: 0, added: 0 });
  });
});
