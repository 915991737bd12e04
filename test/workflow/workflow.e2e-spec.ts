import { addDays, isImpliedByStage, stageOfStatus, todayIn } from '@qj/domain';
import { projectOf } from '../support/factories';
import { bootTestApp, TestApp } from '../support/test-app';

const today = () => todayIn('Asia/Shanghai');

interface Milestone {
  id: string;
  overdueDays?: number;
  code: string;
  kind: string;
  version: number;
  status: string;
  baselineDate: string | null;
  forecastDate: string | null;
  actualDate: string | null;
}

describe('workflow: owners request, the DRC approves, every step audited', () => {
  let t: TestApp;
  let projectId: string;
  const milestone = async (code: string): Promise<Milestone> => {
    const res = await t.as('reviewer').get(`/api/projects/${projectId}/milestones`).expect(200);
    return res.body.items.find((m: Milestone) => m.code === code);
  };
  const done = async (code: string, who = 'owner_transport') => {
    const m = await milestone(code);
    return t
      .as(who)
      .patch(`/api/milestones/${m.id}`)
      .send({ version: m.version, actualDate: today(), comment: `${code} 已完成` })
      .expect(200);
  };

  beforeAll(async () => {
    t = await bootTestApp();
    const res = await t.as('reviewer').get('/api/projects').query({ q: '渝贵高铁' }).expect(200);
    projectId = res.body.items.find((p: { name: string }) => p.name === '渝贵高铁').id;
  });
  afterAll(() => t.close());

  it('every project starts with milestones from the templates and its type’s approvals, baselines consistent with its 2030 target', async () => {
    const res = await t.as('owner_transport').get(`/api/projects/${projectId}/milestones`).expect(200);
    const codes = res.body.items.map((m: Milestone) => m.code);
    expect(codes).toEqual([
      'proposal',
      'land_site',
      'eia',
      'energy_review',
      'social_risk',
      'feasibility_approval',
      'preliminary_design_approval',
      'planning_permit',
      'drawing_review',
      'construction_permit',
      'groundbreaking',
    ]);
    // Approvals the catalogue added have no baseline until their owner gives a forecast.
    for (const m of res.body.items) expect(m.baselineDate === null || m.baselineDate <= '2030-12-31').toBe(true);
    const { rows } = await t.db.query(`SELECT count(*)::int AS bare FROM project p WHERE NOT EXISTS (SELECT 1 FROM milestone m WHERE m.project_id = p.id)`);
    expect(rows[0].bare).toBe(0);
  });

  /** Stage and milestones agree: every milestone the project's stage implies is done or 不适用, and nothing else is. */
  const expectAgreement = async () => {
    const project = (await t.as('reviewer').get(`/api/projects/${projectId}`).expect(200)).body;
    const items: Milestone[] = (await t.as('reviewer').get(`/api/projects/${projectId}/milestones`).expect(200)).body.items;
    for (const m of items) {
      const implied = isImpliedByStage(m.code, stageOfStatus(project.stage, project.previousStage), m.kind);
      if (implied) expect(['done', 'not_applicable']).toContain(m.status);
      if (m.status === 'done') expect(m.actualDate).toBeTruthy();
    }
    return { project, items };
  };

  it('walks 渝贵高铁 from study to complete; at every step its stage and its milestones agree, and the history shows who did what', async () => {
    await expectAgreement();
    const startEvidence = {
      approvalDocNo: '渝发改交〔2026〕1号',
      approvalDate: addDays(today(), -20),
      constructionPermitNo: 'QJ-2026-001',
      actualStartDate: addDays(today(), -2),
    };
    // Before the form: the checklist says what is settled, what blocks, what the form's dates will complete.
    let transitions = await t.as('owner_transport').get(`/api/projects/${projectId}/transitions`).expect(200);
    const begin = transitions.body.transitions.find((tr: { transitionId: string }) => tr.transitionId === 'begin_construction');
    const checklist = begin.guards.find((g: { guard: string }) => g.guard === 'milestonesSettled');
    expect(checklist.ok).toBe(false);
    // Workflow v3: every approval of the project's type (政府投资基础设施), in path order.
    expect(checklist.checklist.map((i: { milestone: string; state: string }) => [i.milestone, i.state])).toEqual([
      ['proposal', 'pending'],
      ['land_site', 'pending'],
      ['eia', 'pending'],
      ['energy_review', 'pending'],
      ['social_risk', 'pending'],
      ['feasibility_approval', 'pending'],
      ['preliminary_design_approval', 'pending'],
      ['planning_permit', 'pending'],
      ['drawing_review', 'pending'],
      ['construction_permit', 'needs_evidence'],
    ]);

    const early = await t.as('owner_transport').post(`/api/projects/${projectId}/transition-requests`).send({ to: 'start', evidence: startEvidence });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('guard_failed');
    expect(early.body.failedGuards.map((g: { guard: string }) => g.guard)).toContain('milestonesSettled');

    // Approvals (项目建议书 and 可研 among them) are done on the 前期手续 checklist, with their documents.
    for (const code of ['proposal', 'feasibility_approval', 'land_site', 'eia', 'energy_review', 'social_risk', 'planning_permit', 'drawing_review']) {
      const approval = await milestone(code);
      await t
        .as('owner_transport')
        .patch(`/api/approvals/${approval.id}`)
        .send({ version: approval.version, status: 'done', documentNo: `綦〔2026〕${code}`, documentDate: today() })
        .expect(200);
    }
    // 初步设计 is not needed for this project: its owner says so, with a reason.
    const design = await milestone('preliminary_design_approval');
    const marked = await t
      .as('owner_transport')
      .post(`/api/milestones/${design.id}/not-applicable`)
      .send({ version: design.version, reason: '与可研合并审批' })
      .expect(200);
    expect(marked.body).toMatchObject({ status: 'not_applicable', notApplicableReason: '与可研合并审批', version: design.version + 1 });

    transitions = await t.as('owner_transport').get(`/api/projects/${projectId}/transitions`).expect(200);
    const ready = transitions.body.transitions.find((tr: { transitionId: string }) => tr.transitionId === 'begin_construction');
    expect(ready.guards.every((g: { ok: boolean }) => g.ok)).toBe(true);

    // 施工许可 is still open: without its date the request is refused naming it; with it, it is completed on that date.
    const noPermitDate = await t.as('owner_transport').post(`/api/projects/${projectId}/transition-requests`).send({ to: 'start', evidence: startEvidence });
    expect(noPermitDate.status).toBe(422);
    expect(noPermitDate.body.failedGuards[0].missing).toEqual(['construction_permit']);
    const permitDate = addDays(today(), -10);
    const requested = await t
      .as('owner_transport')
      .post(`/api/projects/${projectId}/transition-requests`)
      .send({
        to: 'start',
        evidence: { ...startEvidence, constructionPermitDate: permitDate },
        comment: '已取得施工许可，申请开工',
      });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ status: 'pending', fromStage: 'study', toStage: 'start', workflowVersion: 3 });
    await expectAgreement();

    const inbox = await t.as('reviewer').get('/api/transition-requests').query({ status: 'pending' }).expect(200);
    expect(inbox.body.items.map((r: { id: string }) => r.id)).toContain(requested.body.id);
    const ofProject = await t.as('reviewer').get('/api/transition-requests').query({ projectId }).expect(200);
    expect(ofProject.body.items.map((r: { id: string }) => r.id)).toEqual([requested.body.id]);

    const approved = await t.as('reviewer').post(`/api/transition-requests/${requested.body.id}/approve`).send({ comment: '同意开工' }).expect(200);
    expect(approved.body.status).toBe('approved');
    const afterStart = await expectAgreement();
    expect(afterStart.project.stage).toBe('start');
    const byCode = (code: string) => afterStart.items.find((m) => m.code === code) as Milestone;
    expect(byCode('construction_permit')).toMatchObject({ status: 'done', actualDate: permitDate });
    expect(byCode('groundbreaking')).toMatchObject({ status: 'done', actualDate: startEvidence.actualStartDate });
    expect(byCode('preliminary_design_approval').status).toBe('not_applicable');

    // 渝贵高铁's target is `start`: completion milestones are added as the project goes on.
    for (const [code, name, order] of [
      ['main_works_done', '主体完工', 60],
      ['acceptance', '竣工验收', 70],
      ['in_service', '投入使用', 80],
    ] as const) {
      await t.db.query(`INSERT INTO milestone (project_id, code, name, stage, sort_order, baseline_date) VALUES ($1, $2, $3, 'complete', $4, '2030-06-30')`, [
        projectId,
        code,
        name,
        order,
      ]);
    }
    const refusedCompletion = await t
      .as('owner_transport')
      .post(`/api/projects/${projectId}/transition-requests`)
      .send({ to: 'complete', evidence: { acceptanceDate: today() } });
    expect(refusedCompletion.status).toBe(422);
    expect(refusedCompletion.body.failedGuards[0].missing).toEqual(['main_works_done']);
    await done('main_works_done');
    const completion = await t
      .as('owner_transport')
      .post(`/api/projects/${projectId}/transition-requests`)
      .send({ to: 'complete', evidence: { acceptanceDate: today() } })
      .expect(201);
    await t.as('reviewer').post(`/api/transition-requests/${completion.body.id}/approve`).send({ comment: '验收合格' }).expect(200);
    const afterComplete = await expectAgreement();
    expect(afterComplete.project.stage).toBe('complete');
    expect(afterComplete.items.filter((m) => m.status === 'pending')).toEqual([]);
    expect(afterComplete.items.find((m) => m.code === 'in_service')).toMatchObject({ status: 'done', actualDate: today() });

    const history = await t.as('reviewer').get(`/api/projects/${projectId}/history`).expect(200);
    const actions = history.body.items.map((e: { action: string }) => e.action);
    // 1 by hand, 8 approvals of its type done with their documents, 2 with the start approval, 2 with the completion approval.
    expect(actions.filter((a: string) => a === 'milestone.updated')).toHaveLength(13);
    expect(actions.filter((a: string) => a === 'milestone.marked_not_applicable')).toHaveLength(1);
    expect(actions.filter((a: string) => a === 'transition.requested')).toHaveLength(2);
    expect(actions.filter((a: string) => a === 'transition.approved')).toHaveLength(2);
    for (const event of history.body.items) {
      expect(event.actorName).toBeTruthy();
      expect(new Date(event.at).getTime()).toBeGreaterThan(Date.now() - 600_000);
    }
    const groundbreaking = history.body.items.find(
      (e: { entityId: string; action: string }) => e.entityId === byCode('groundbreaking').id && e.action === 'milestone.updated',
    );
    expect(groundbreaking).toMatchObject({ actorName: expect.any(String), comment: '随「开工」申请批准，按实际开工日期标记完成' });
    const approval = history.body.items.find((e: { action: string }) => e.action === 'transition.approved');
    expect(approval.before.stage).toBe('study');
    expect(approval.after.stage).toBe('start');
    expect(approval.actorName).not.toBe(history.body.items.find((e: { action: string }) => e.action === 'transition.requested').actorName);

    const { rows } = await t.db.query(`SELECT name, payload FROM outbox_event WHERE aggregate_id = $1 ORDER BY id`, [projectId]);
    expect(rows.map((r: { name: string }) => r.name)).toEqual(
      expect.arrayContaining(['milestone.updated', 'milestone.not_applicable', 'project.transition_requested', 'project.stage_changed']),
    );
    // Events about a request name it, so whoever is told can read it.
    for (const row of rows.filter((r: { name: string }) => r.name.startsWith('project.'))) expect(row.payload.transitionRequestId).toBeTruthy();
  });

  describe('不适用, withdrawal and workflow versions', () => {
    let waterProject: string;
    const waterMilestone = async (code: string): Promise<Milestone> =>
      (await t.as('reviewer').get(`/api/projects/${waterProject}/milestones`).expect(200)).body.items.find((m: Milestone) => m.code === code);
    const auditCount = async () => (await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE project_id = $1`, [waterProject])).rows[0].n;

    beforeAll(async () => {
      const res = await t.as('reviewer').get('/api/projects').query({ sector: 'water', stage: 'study', target: 'start', pageSize: 1, page: 3 }).expect(200);
      waterProject = res.body.items[0].id;
    });

    it('marking 不适用: a reason is required, only the unit’s owners, never the target milestone; nothing written on refusal', async () => {
      const proposal = await waterMilestone('proposal');
      const before = await auditCount();
      const noReason = await t.as('owner_water').post(`/api/milestones/${proposal.id}/not-applicable`).send({ version: proposal.version, reason: '   ' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
      const otherUnit = await t
        .as('owner_transport')
        .post(`/api/milestones/${proposal.id}/not-applicable`)
        .send({ version: proposal.version, reason: '不需要' });
      expect(otherUnit.status).toBe(403);
      const reviewer = await t.as('reviewer').post(`/api/milestones/${proposal.id}/not-applicable`).send({ version: proposal.version, reason: '不需要' });
      expect(reviewer.status).toBe(403);
      const target = await waterMilestone('groundbreaking');
      const onTarget = await t.as('owner_water').post(`/api/milestones/${target.id}/not-applicable`).send({ version: target.version, reason: '不需要' });
      expect(onTarget.status).toBe(422);
      expect(onTarget.body).toMatchObject({ code: 'target_milestone' });
      const stale = await t
        .as('owner_water')
        .post(`/api/milestones/${proposal.id}/not-applicable`)
        .send({ version: proposal.version + 5, reason: '不需要' });
      expect(stale.status).toBe(409);
      expect(await waterMilestone('proposal')).toMatchObject({ status: 'pending', version: proposal.version });
      expect(await auditCount()).toBe(before);
    });

    it('不适用 is shown, audited, no longer overdue, and reversible', async () => {
      const proposal = await waterMilestone('proposal');
      await t.db.query(`UPDATE milestone SET forecast_date = $2 WHERE id = $1`, [proposal.id, addDays(today(), -3)]);
      const overdueBefore = await t.as('reviewer').get('/api/projects').query({ q: '', overdue: true, pageSize: 200 }).expect(200);
      expect(overdueBefore.body.items.map((p: { id: string }) => p.id)).toContain(waterProject);
      // The list gives each milestone's days overdue by the same rule, for the console to show.
      expect((await waterMilestone('proposal')).overdueDays).toBe(3);
      const marked = await t
        .as('owner_water')
        .post(`/api/milestones/${proposal.id}/not-applicable`)
        .send({ version: proposal.version, reason: '改扩建项目，无需单独立项' })
        .expect(200);
      expect(marked.body).toMatchObject({ status: 'not_applicable', notApplicableReason: '改扩建项目，无需单独立项' });
      const overdueAfter = await t.as('reviewer').get('/api/projects').query({ overdue: true, pageSize: 200 }).expect(200);
      expect(overdueAfter.body.items.map((p: { id: string }) => p.id)).not.toContain(waterProject);
      expect((await waterMilestone('proposal')).overdueDays).toBe(0);
      const again = await t.as('owner_water').post(`/api/milestones/${proposal.id}/not-applicable`).send({ version: marked.body.version, reason: 'x' });
      expect(again.status).toBe(409);
      const reopened = await t
        .as('owner_water')
        .post(`/api/milestones/${proposal.id}/applicable`)
        .send({ version: marked.body.version, comment: '需要立项' })
        .expect(200);
      expect(reopened.body).toMatchObject({ status: 'pending', notApplicableReason: null, forecastDate: addDays(today(), -3) });
      const history = (await t.as('reviewer').get(`/api/projects/${waterProject}/history`).expect(200)).body.items;
      expect(
        history.filter((e: { entityId: string }) => e.entityId === proposal.id).map((e: { action: string; comment: string }) => [e.action, e.comment]),
      ).toEqual([
        ['milestone.marked_not_applicable', '改扩建项目，无需单独立项'],
        ['milestone.applicable_again', '需要立项'],
      ]);
      const { rows } = await t.db.query(`SELECT name FROM outbox_event WHERE payload->>'milestoneId' = $1 ORDER BY id`, [proposal.id]);
      expect(rows.map((r: { name: string }) => r.name)).toEqual(['milestone.not_applicable', 'milestone.applicable_again']);
    });

    it('the requester withdraws a pending request; others get 403, a withdrawn one 409', async () => {
      const filed = await t
        .as('owner_water')
        .post(`/api/projects/${waterProject}/transition-requests`)
        .send({ to: 'on_hold', reason: '资金未落实' })
        .expect(201);
      expect((await t.as('reviewer').post(`/api/transition-requests/${filed.body.id}/withdraw`).send({})).status).toBe(403);
      expect((await t.as('owner_transport').post(`/api/transition-requests/${filed.body.id}/withdraw`).send({})).status).toBe(403);
      const withdrawn = await t.as('owner_water').post(`/api/transition-requests/${filed.body.id}/withdraw`).send({ comment: '资金已落实' }).expect(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', decisionComment: '资金已落实' });
      const twice = await t.as('owner_water').post(`/api/transition-requests/${filed.body.id}/withdraw`).send({});
      expect(twice.status).toBe(409);
      expect(twice.body.detail).toContain('已撤回');
      expect((await t.as('reviewer').post(`/api/transition-requests/${filed.body.id}/approve`).send({})).status).toBe(409);
      // The project is free for a new request.
      const next = await t
        .as('owner_water')
        .post(`/api/projects/${waterProject}/transition-requests`)
        .send({ to: 'on_hold', reason: '资金未落实' })
        .expect(201);
      await t.as('reviewer').post(`/api/transition-requests/${next.body.id}/reject`).send({ comment: '不同意' }).expect(200);
      const history = (await t.as('reviewer').get(`/api/projects/${waterProject}/history`).expect(200)).body.items.map((e: { action: string }) => e.action);
      expect(history).toEqual(expect.arrayContaining(['transition.withdrawn', 'transition.rejected']));
      const { rows } = await t.db.query(
        `SELECT name, payload->>'transitionRequestId' AS "requestId" FROM outbox_event WHERE name IN ('transition.withdrawn', 'project.transition_rejected') AND aggregate_id = $1`,
        [waterProject],
      );
      expect(rows).toEqual(
        expect.arrayContaining([
          { name: 'transition.withdrawn', requestId: filed.body.id },
          { name: 'project.transition_rejected', requestId: next.body.id },
        ]),
      );
    });

    it('a re-baselining request is withdrawn by its requester only', async () => {
      const m = await waterMilestone('feasibility_approval');
      const filed = await t
        .as('owner_water')
        .post(`/api/milestones/${m.id}/rebaseline-requests`)
        .send({ baselineDate: '2029-06-30', reason: '征地延后' })
        .expect(201);
      expect((await t.as('owner_transport').post(`/api/rebaseline-requests/${filed.body.id}/withdraw`).send({})).status).toBe(403);
      await t.as('owner_water').post(`/api/rebaseline-requests/${filed.body.id}/withdraw`).send({}).expect(200);
      expect((await t.as('owner_water').post(`/api/rebaseline-requests/${filed.body.id}/withdraw`).send({})).status).toBe(409);
      expect((await t.as('reviewer').post(`/api/rebaseline-requests/${filed.body.id}/approve`).send({})).status).toBe(409);
      expect((await waterMilestone('feasibility_approval')).baselineDate).toBe(m.baselineDate);
    });

    it('a request filed under workflow version 1 is approved by version 1; one whose version is gone can still be rejected', async () => {
      const filed = await t.as('owner_water').post(`/api/projects/${waterProject}/transition-requests`).send({ to: 'on_hold', reason: '汛期停工' }).expect(201);
      expect(filed.body.workflowVersion).toBe(3);
      await t.db.query(`UPDATE transition_request SET workflow_version = 1 WHERE id = $1`, [filed.body.id]);
      const approved = await t.as('reviewer').post(`/api/transition-requests/${filed.body.id}/approve`).send({}).expect(200);
      expect(approved.body.workflowVersion).toBe(1);
      const { rows } = await t.db.query(`SELECT payload->>'workflowVersion' AS v FROM outbox_event WHERE name = 'project.put_on_hold' AND aggregate_id = $1`, [
        waterProject,
      ]);
      expect(rows.map((r: { v: string }) => r.v)).toEqual(['1']);

      const resume = await t.as('owner_water').post(`/api/projects/${waterProject}/transition-requests`).send({ to: 'study' }).expect(201);
      await t.db.query(`UPDATE transition_request SET workflow_version = 99 WHERE id = $1`, [resume.body.id]);
      const retired = await t.as('reviewer').post(`/api/transition-requests/${resume.body.id}/approve`).send({});
      expect(retired.status).toBe(409);
      expect(retired.body.code).toBe('workflow_version_retired');
      await t.as('reviewer').post(`/api/transition-requests/${resume.body.id}/reject`).send({ comment: '请按新流程重新申请' }).expect(200);
    });
  });

  describe('refusals', () => {
    let otherId: string;
    beforeAll(async () => {
      const res = await t.as('reviewer').get('/api/projects').query({ sector: 'water', pageSize: 1 }).expect(200);
      otherId = res.body.items[0].id;
    });

    it('a transition the workflow does not allow: 409 with the current stage and what is allowed now', async () => {
      const res = await t.as('owner_water').post(`/api/projects/${otherId}/transition-requests`).send({ to: 'complete' }).expect(409);
      expect(res.body).toMatchObject({ code: 'transition_not_allowed', currentStage: 'study' });
      expect(res.body.allowed.map((a: { to: string }) => a.to)).toEqual(expect.arrayContaining(['start', 'on_hold', 'cancelled']));
    });

    it('missing evidence: 422 naming each missing field', async () => {
      const res = await t
        .as('owner_water')
        .post(`/api/projects/${otherId}/transition-requests`)
        .send({ to: 'start', evidence: { approvalDocNo: 'x' } })
        .expect(422);
      expect(res.body.missingEvidence).toEqual(expect.arrayContaining(['approvalDate', 'constructionPermitNo', 'actualStartDate']));
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['evidence.approvalDate', 'evidence.constructionPermitNo', 'evidence.actualStartDate']),
      );
    });

    it('on hold needs a reason (422 naming reason); one pending request per project (409)', async () => {
      const noReason = await t.as('owner_water').post(`/api/projects/${otherId}/transition-requests`).send({ to: 'on_hold' }).expect(422);
      expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
      await t.as('owner_water').post(`/api/projects/${otherId}/transition-requests`).send({ to: 'on_hold', reason: '资金未落实' }).expect(201);
      const second = await t.as('owner_water').post(`/api/projects/${otherId}/transition-requests`).send({ to: 'cancelled', reason: 'x' }).expect(409);
      expect(second.body.code).toBe('pending_request_exists');
    });

    it('an owner acting on another unit’s project: 403 and nothing written; cannot see its requests', async () => {
      const project = await projectOf(t, 'water', 16);
      const watersRequest = (
        await t.as('owner_water').post(`/api/projects/${project.id}/transition-requests`).send({ to: 'on_hold', reason: '资金未落实' }).expect(201)
      ).body;
      const before = await t.db.query(`SELECT count(*)::int AS n FROM transition_request`);
      const res = await t.as('owner_transport').post(`/api/projects/${otherId}/transition-requests`).send({ to: 'on_hold', reason: 'x' }).expect(403);
      expect(res.body.code).toBe('outside_unit');
      expect((await t.db.query(`SELECT count(*)::int AS n FROM transition_request`)).rows[0].n).toBe(before.rows[0].n);
      await t.as('owner_transport').get(`/api/transition-requests/${watersRequest.id}`).expect(404);
      const ownList = await t.as('owner_transport').get('/api/transition-requests').expect(200);
      expect(ownList.body.items.map((r: { projectId: string }) => r.projectId)).not.toContain(project.id);
      await t.as('owner_water').get(`/api/transition-requests/${watersRequest.id}`).expect(200);
    });

    it('owners cannot approve; nobody approves twice', async () => {
      const { id: projectId } = await projectOf(t, 'water', 17);
      const request = (
        await t.as('owner_water').post(`/api/projects/${projectId}/transition-requests`).send({ to: 'on_hold', reason: '资金未落实' }).expect(201)
      ).body;
      await t.as('owner_water').post(`/api/transition-requests/${request.id}/approve`).send({}).expect(403);
      const [a, b] = await Promise.all([
        t.as('reviewer').post(`/api/transition-requests/${request.id}/approve`).send({ comment: 'a' }),
        t.as('reviewer').post(`/api/transition-requests/${request.id}/approve`).send({ comment: 'b' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      expect([a.body, b.body].find((body) => body.status === 409)).toMatchObject({ code: 'request_already_decided', requestStatus: 'approved' });

      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'transition.approved' AND project_id = $1`, [projectId]);
      expect(rows[0].n).toBe(1);
      const project = await t.as('reviewer').get(`/api/projects/${projectId}`).expect(200);
      expect(project.body).toMatchObject({ stage: 'on_hold', previousStage: 'study' });
    });

    it('dates: a future actual date, a forecast before the project existed, a malformed date: 400 naming the field, nothing written', async () => {
      const res = await t.as('reviewer').get(`/api/projects/${otherId}/milestones`).expect(200);
      // Not an approval: an approval's actual date is the 前期手续 checklist's (422 on this route).
      const m: Milestone = res.body.items.find((item: { kind: string }) => item.kind === 'milestone');
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ actualDate: addDays(today(), 1) }, 'actualDate'],
        [{ forecastDate: '2020-01-01' }, 'forecastDate'],
        [{ forecastDate: '2026-02-30' }, 'forecastDate'],
        [{ actualDate: '30/06/2026' }, 'actualDate'],
        [{ forecastDate: '2027-01-01', colour: 'red' }, 'colour'],
      ];
      for (const [body, field] of cases) {
        const bad = await t
          .as('owner_water')
          .patch(`/api/milestones/${m.id}`)
          .send({ version: m.version, ...body })
          .expect(400);
        expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
      const after = await t.as('reviewer').get(`/api/projects/${otherId}/milestones`).expect(200);
      expect(after.body.items.find((item: Milestone) => item.id === m.id)).toEqual(m);
    });

    it('re-baselining is the reviewer’s: an owner gets 403, a reviewer must say why', async () => {
      const res = await t.as('reviewer').get(`/api/projects/${otherId}/milestones`).expect(200);
      const m: Milestone = res.body.items[0];
      await t.as('owner_water').patch(`/api/milestones/${m.id}`).send({ version: m.version, baselineDate: '2027-06-30' }).expect(403);
      const noWhy = await t.as('reviewer').patch(`/api/milestones/${m.id}`).send({ version: m.version, baselineDate: '2027-06-30' }).expect(400);
      expect(noWhy.body.errors[0].field).toBe('comment');
      const ok = await t
        .as('reviewer')
        .patch(`/api/milestones/${m.id}`)
        .send({ version: m.version, baselineDate: '2027-06-30', comment: '调整工期' })
        .expect(200);
      expect(ok.body).toMatchObject({ baselineDate: '2027-06-30', version: m.version + 1 });
      const history = await t.as('reviewer').get(`/api/projects/${otherId}/history`).expect(200);
      expect(history.body.items.map((e: { action: string }) => e.action)).toContain('milestone.rebaselined');
    });
  });

  it('100 concurrent updates of one milestone from the same version: exactly one wins, 99 get 409 with the current state', async () => {
    const list = await t.as('reviewer').get('/api/projects').query({ sector: 'education', pageSize: 1 }).expect(200);
    const id = list.body.items[0].id;
    const res = await t.as('reviewer').get(`/api/projects/${id}/milestones`).expect(200);
    const m: Milestone = res.body.items[0];
    const client = t.as('owner_education');
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        client
          .patch(`/api/milestones/${m.id}`)
          .set('If-Match', `"${m.version}"`)
          .send({ forecastDate: addDays('2027-01-01', i) }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    const winner = results.find((r) => r.status === 200)!;
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.current.version).toBe(m.version + 1);
    expect(loser.body.current.forecastDate).toBe(winner.body.forecastDate);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [m.id]);
    expect(rows[0].n).toBe(1);
  });

  it('filters the list by rag and overdue', async () => {
    const list = await t.as('reviewer').get('/api/projects').query({ sector: 'health', pageSize: 1 }).expect(200);
    const id = list.body.items[0].id;
    const res = await t.as('reviewer').get(`/api/projects/${id}/milestones`).expect(200);
    const m: Milestone = res.body.items.find((x: Milestone) => x.status === 'pending');
    await t.db.query(`UPDATE milestone SET baseline_date = $2 WHERE id = $1`, [m.id, addDays(today(), -45)]);
    // A comment alone changes nothing (and writes nothing), but says the milestone is overdue now.
    const same = await t.as('owner_health').patch(`/api/milestones/${m.id}`).send({ version: m.version, comment: '触发状态刷新' }).expect(200);
    expect(same.body).toMatchObject({ overdue: true, version: m.version });
    // A real change to the project (another milestone's forecast) refreshes its status.
    const [other] = res.body.items
      // Approvals the catalogue added have no baseline yet: only a scheduled milestone can be brought forward.
      .filter((x: Milestone) => x.status === 'pending' && x.id !== m.id && x.baselineDate)
      .sort((a: Milestone, b: Milestone) => String(b.baselineDate).localeCompare(String(a.baselineDate)));
    await t
      .as('owner_health')
      .patch(`/api/milestones/${other.id}`)
      .send({ version: other.version, forecastDate: addDays(other.baselineDate, -1) })
      .expect(200);
    const red = await t.as('reviewer').get('/api/projects').query({ rag: 'red', pageSize: 200 }).expect(200);
    expect(red.body.items.map((p: { id: string }) => p.id)).toContain(id);
    const overdue = await t.as('reviewer').get('/api/projects').query({ overdue: 'true', pageSize: 200 }).expect(200);
    expect(overdue.body.items.map((p: { id: string }) => p.id)).toContain(id);
    const notOverdue = await t.as('reviewer').get('/api/projects').query({ overdue: 'false', pageSize: 200 }).expect(200);
    const all = await t.as('reviewer').get('/api/projects').expect(200);
    expect(notOverdue.body.total + overdue.body.total).toBe(all.body.total);
    const detail = await t.as('reviewer').get(`/api/projects/${id}`).expect(200);
    expect(detail.body.rag).toBe('red');
    expect(detail.body.ragReasons[0]).toMatchObject({ code: 'milestone_overdue', level: 'red', days: 45 });
  });

  it('an admin reassigns the responsible unit: the new owners edit, the old cannot, and the history records it', async () => {
    const list = await t.as('reviewer').get('/api/projects').query({ sector: 'ecology', pageSize: 1 }).expect(200);
    const project = list.body.items[0];
    const units = await t.as('admin').get('/api/units').expect(200);
    const water = units.body.items.find((u: { code: string }) => u.code === 'water');
    await t.as('owner_ecology').patch(`/api/projects/${project.id}/unit`).send({ unitId: water.id, version: project.version }).expect(403);
    const stale = await t
      .as('admin')
      .patch(`/api/projects/${project.id}/unit`)
      .send({ unitId: water.id, version: project.version + 5 })
      .expect(409);
    expect(stale.body.code).toBe('version_conflict');
    const bad = await t.as('admin').patch(`/api/projects/${project.id}/unit`).send({ unitId: 'x', version: project.version }).expect(400);
    expect(bad.body.errors[0].field).toBe('unitId');
    const moved = await t
      .as('admin')
      .patch(`/api/projects/${project.id}/unit`)
      .send({ unitId: water.id, version: project.version, comment: '职能调整' })
      .expect(200);
    expect(moved.body).toMatchObject({ unitId: water.id, version: project.version + 1 });

    const milestones = await t.as('reviewer').get(`/api/projects/${project.id}/milestones`).expect(200);
    const m: Milestone = milestones.body.items[0];
    const refused = await t.as('owner_ecology').patch(`/api/milestones/${m.id}`).send({ version: m.version, forecastDate: '2027-03-01' }).expect(403);
    expect(refused.body.code).toBe('outside_unit');
    await t.as('owner_water').patch(`/api/milestones/${m.id}`).send({ version: m.version, forecastDate: '2027-03-01' }).expect(200);
    const history = await t.as('reviewer').get(`/api/projects/${project.id}/history`).expect(200);
    const event = history.body.items.find((e: { action: string }) => e.action === 'project.unit_reassigned');
    expect(event).toMatchObject({ before: { unitId: project.unitId }, after: { unitId: water.id }, comment: '职能调整' });
  });

  it('an owner asks to re-baseline, a reviewer approves: the baseline moves, once, and the history says who asked and who approved', async () => {
    const list = await t.as('reviewer').get('/api/projects').query({ sector: 'agriculture', pageSize: 1 }).expect(200);
    const projectId = list.body.items[0].id;
    const res = await t.as('reviewer').get(`/api/projects/${projectId}/milestones`).expect(200);
    const m: Milestone = res.body.items.find((x: Milestone) => x.status === 'pending');
    const missingReason = await t.as('owner_agriculture').post(`/api/milestones/${m.id}/rebaseline-requests`).send({ baselineDate: '2028-06-30' }).expect(400);
    expect(missingReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    await t.as('owner_water').post(`/api/milestones/${m.id}/rebaseline-requests`).send({ baselineDate: '2028-06-30', reason: 'x' }).expect(403);
    const asked = await t
      .as('owner_agriculture')
      .post(`/api/milestones/${m.id}/rebaseline-requests`)
      .send({ baselineDate: '2028-06-30', reason: '用地报批延后' })
      .expect(201);
    expect(asked.body).toMatchObject({ status: 'pending', currentBaseline: m.baselineDate, proposedBaseline: '2028-06-30' });
    await t.as('owner_agriculture').post(`/api/milestones/${m.id}/rebaseline-requests`).send({ baselineDate: '2028-07-30', reason: 'again' }).expect(409);
    const inbox = await t.as('reviewer').get('/api/rebaseline-requests').query({ status: 'pending' }).expect(200);
    expect(inbox.body.items.map((r: { id: string }) => r.id)).toContain(asked.body.id);
    await t.as('owner_agriculture').post(`/api/rebaseline-requests/${asked.body.id}/approve`).send({}).expect(403);
    const [a, b] = await Promise.all([
      t.as('reviewer').post(`/api/rebaseline-requests/${asked.body.id}/approve`).send({ comment: '同意' }),
      t.as('reviewer').post(`/api/rebaseline-requests/${asked.body.id}/approve`).send({ comment: '同意' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const after = await t.as('reviewer').get(`/api/projects/${projectId}/milestones`).expect(200);
    expect(after.body.items.find((x: Milestone) => x.id === m.id)).toMatchObject({ baselineDate: '2028-06-30', version: m.version + 1 });
    const history = await t.as('reviewer').get(`/api/projects/${projectId}/history`).expect(200);
    const rebaselined = history.body.items.filter((e: { action: string }) => e.action === 'milestone.rebaselined');
    expect(rebaselined).toHaveLength(1);
    expect(rebaselined[0]).toMatchObject({ actorName: '区发展改革委审核员', before: { baselineDate: m.baselineDate }, after: { baselineDate: '2028-06-30' } });
  });

  it('tells the signed-in user which transitions they may request now, with the evidence each needs', async () => {
    const list = await t.as('reviewer').get('/api/projects').query({ sector: 'transport', stage: 'study', pageSize: 1 }).expect(200);
    const id = list.body.items[0].id;
    const owner = await t.as('owner_transport').get(`/api/projects/${id}/transitions`).expect(200);
    expect(owner.body).toMatchObject({ currentStage: 'study', overrideTargets: [] });
    const begin = owner.body.transitions.find((tr: { to: string }) => tr.to === 'start');
    expect(begin).toMatchObject({ canRequest: true, requiresApproval: true });
    expect(begin.requiredEvidence).toEqual(['approvalDocNo', 'approvalDate', 'constructionPermitNo', 'actualStartDate']);
    const outsider = await t.as('owner_water').get(`/api/projects/${id}/transitions`).expect(200);
    expect(outsider.body.transitions.every((tr: { canRequest: boolean }) => !tr.canRequest)).toBe(true);
    const admin = await t.as('admin').get(`/api/projects/${id}/transitions`).expect(200);
    expect(admin.body.overrideTargets).toEqual(expect.arrayContaining(['start', 'complete']));
    await t.as('owner_transport').get('/api/projects/00000000-0000-4000-8000-000000000000/transitions').expect(404);
  });
});
