import { todayIn } from '@qj/domain';
import type { TestApp } from './test-app';

/** What the factories need of a suite: its API, its database, its settings. */
type Suite = Pick<TestApp, 'as' | 'db' | 'env'>;

export interface ProjectRef {
  id: string;
  name: string;
}

/**
 * The `nth` project of a unit in plan order (whatever its stage now), among those whose 2030 target is at least 开工,
 * so its milestones run to 开工. Tests that change a project each take their own `nth`, so none meets another's changes.
 */
export async function projectOf(t: Suite, unitCode: string, nth: number, options: { except?: string[] } = {}): Promise<ProjectRef> {
  const { rows } = await t.db.query(
    `SELECT p.id, p.name FROM project p JOIN unit u ON u.id = p.unit_id
     WHERE u.code = $1 AND p.target IN ('start', 'complete') AND NOT (p.name = ANY($2::text[]))
     ORDER BY p.plan_order OFFSET $3 LIMIT 1`,
    [unitCode, options.except ?? [], nth],
  );
  if (!rows[0]) throw new Error(`no project #${nth} of ${unitCode}`);
  return rows[0];
}

export interface StartRequestOptions {
  /** Milestones the owner marks 不适用 (with a reason) instead of done. */
  notApplicable?: string[];
  approvalDocNo?: string;
  comment?: string;
  /** Evidence files (uploaded with POST /api/files) attached to the request. */
  fileIds?: string[];
}

/**
 * An owner's pending 开工 request, as the console files it: every earlier milestone still open is marked done today
 * (an approval on the 前期手续 checklist, with its document; or 不适用, as asked), then the request goes in with evidence dated today, 施工许可's date included. Returns the request.
 */
export async function startRequest(t: Suite, owner: string, projectId: string, options: StartRequestOptions = {}): Promise<{ id: string }> {
  const today = todayIn(t.env.APP_TIMEZONE);
  const transitions = (await t.as(owner).get(`/api/projects/${projectId}/transitions`).expect(200)).body;
  const begin = transitions.transitions.find((tr: { to: string }) => tr.to === 'start');
  const open = begin.guards.flatMap((guard: { checklist: Array<{ milestone: string; state: string }> }) =>
    guard.checklist.filter((item) => item.state === 'pending').map((item) => item.milestone),
  );
  for (const code of open) {
    const milestones = (await t.as(owner).get(`/api/projects/${projectId}/milestones`).expect(200)).body.items;
    const m = milestones.find((item: { code: string }) => item.code === code);
    if (options.notApplicable?.includes(code)) {
      await t.as(owner).post(`/api/milestones/${m.id}/not-applicable`).send({ version: m.version, reason: '与可研合并审批' }).expect(200);
    } else if (m.kind === 'approval') {
      // An approval is done on the 前期手续 checklist, with its 批复文号 and date.
      await t
        .as(owner)
        .patch(`/api/approvals/${m.id}`)
        .send({ version: m.version, status: 'done', documentNo: `綦批〔2026〕${m.sortOrder}号`, documentDate: today })
        .expect(200);
    } else {
      await t.as(owner).patch(`/api/milestones/${m.id}`).send({ version: m.version, actualDate: today }).expect(200);
    }
  }
  const evidence = {
    approvalDocNo: options.approvalDocNo ?? '渝发改交〔2026〕1号',
    approvalDate: today,
    constructionPermitNo: 'QJ-2026-001',
    constructionPermitDate: today,
    actualStartDate: today,
  };
  const filed = await t
    .as(owner)
    .post(`/api/projects/${projectId}/transition-requests`)
    .send({ to: 'start', evidence, comment: options.comment ?? '已取得施工许可，申请开工', ...(options.fileIds && { fileIds: options.fileIds }) })
    .expect(201);
  return filed.body;
}

/** A project moved to 开工建设: its owner's request (see `startRequest`), approved by the reviewer. */
export async function startedProject(t: Suite, owner: string, projectId: string): Promise<void> {
  const request = await startRequest(t, owner, projectId);
  await t.as('reviewer').post(`/api/transition-requests/${request.id}/approve`).send({ comment: '同意开工' }).expect(200);
}
