import { approvalsCatalogue, approvalsOfType } from '@qj/catalog';
import { todayIn } from '@qj/domain';
import { bootTestApp, TestApp } from '../support/test-app';

/** Workflow v3: 开工 needs the approvals the project's type requires, done or 不适用, and names the ones missing. */
describe('the start guard uses the project type’s approvals', () => {
  let t: TestApp;
  const today = () => todayIn(t.env.APP_TIMEZONE);
  const evidence = () => ({
    approvalDocNo: '綦发改投〔2026〕7号',
    approvalDate: today(),
    constructionPermitNo: '500222202600000001',
    constructionPermitDate: today(),
    actualStartDate: today(),
  });
  /** A study project of the type, its unit's owner. */
  const projectOfType = async (type: string) => {
    const { rows } = await t.db.query(
      `SELECT p.id, 'owner_' || u.code AS owner FROM project p JOIN unit u ON u.id = p.unit_id
       WHERE p.project_type = $1 AND p.stage = 'study' AND p.target IN ('start', 'complete') ORDER BY p.plan_order LIMIT 1`,
      [type],
    );
    return rows[0] as { id: string; owner: string };
  };
  const approvals = async (owner: string, projectId: string) =>
    (await t.as(owner).get(`/api/projects/${projectId}/approvals`).expect(200)).body.items as Array<{ id: string; code: string; version: number }>;

  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => t?.close());

  it.each(['government_infrastructure', 'enterprise_industry'])(
    '%s: refused naming the missing approvals, accepted once each is done or 不适用',
    async (type) => {
      const project = await projectOfType(type);
      const required = approvalsOfType(approvalsCatalogue, type).map((a) => a.code);
      const file = () => t.as(project.owner).post(`/api/projects/${project.id}/transition-requests`).send({ to: 'start', evidence: evidence() });

      const refused = await file().expect(422);
      expect(refused.body.code).toBe('guard_failed');
      const settled = refused.body.failedGuards.find((g: { guard: string }) => g.guard === 'milestonesSettled');
      // 施工许可 is completed by the evidence's permit date; every other approval of the type is named, nothing else.
      expect(settled.missing).toEqual(required.filter((code) => code !== 'construction_permit'));
      expect(settled.detail).toContain('环评批复');
      if (type === 'enterprise_industry') expect(settled.missing).not.toContain('feasibility_approval');

      const [first, ...rest] = (await approvals(project.owner, project.id)).filter((a) => a.code !== 'construction_permit');
      await t
        .as(project.owner)
        .patch(`/api/approvals/${first.id}`)
        .send({ version: first.version, status: 'not_applicable', reason: '本项目不涉及' })
        .expect(200);
      for (const approval of rest.slice(1)) {
        await t
          .as(project.owner)
          .patch(`/api/approvals/${approval.id}`)
          .send({ version: approval.version, status: 'done', documentNo: `綦〔2026〕${approval.code}`, documentDate: today() })
          .expect(200);
      }
      // 办理中 is not enough: still named.
      await t.as(project.owner).patch(`/api/approvals/${rest[0].id}`).send({ version: rest[0].version, status: 'in_progress' }).expect(200);
      expect((await file().expect(422)).body.failedGuards[0].missing).toEqual([rest[0].code]);
      const inProgress = (await approvals(project.owner, project.id)).find((a) => a.id === rest[0].id) as { version: number };
      await t
        .as(project.owner)
        .patch(`/api/approvals/${rest[0].id}`)
        .send({ version: inProgress.version, status: 'done', documentNo: '綦〔2026〕99号', documentDate: today() })
        .expect(200);

      const request = await file().expect(201);
      expect(request.body.workflowVersion).toBe(3);
      await t.as('reviewer').post(`/api/transition-requests/${request.body.id}/approve`).send({ comment: '同意开工' }).expect(200);
      // Stage and approvals agree: every approval settled, 施工许可 done on the permit date with the permit's number.
      const after = (await t.as(project.owner).get(`/api/projects/${project.id}/approvals`).expect(200)).body;
      expect(after.items.every((a: { status: string }) => a.status === 'done' || a.status === 'not_applicable')).toBe(true);
      expect(after.items.find((a: { code: string }) => a.code === 'construction_permit')).toMatchObject({
        status: 'done',
        documentDate: today(),
        documentNo: evidence().constructionPermitNo,
      });
    },
  );
});
