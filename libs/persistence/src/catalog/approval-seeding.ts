import { approvalsOfType, type ApprovalsCatalogue } from '@qj/catalog';
import type { EntityManager } from 'typeorm';

export interface ApprovalBackfill {
  /** Projects given their project type (from their sector) now. */
  typed: number;
  /** Existing milestones that became their approval in place (项目建议书, 可研批复, 初步设计批复, 施工许可), history kept. */
  converted: number;
  /** Approvals a project did not have, added. */
  added: number;
}

/**
 * Gives every project the approvals its type requires in `catalogue` (the version a migration names, or the latest for
 * a catalog import), in one transaction, idempotently: running it twice, or after an approval is added to the data,
 * never duplicates one (a project holds each code once: `milestone_project_code_uq`).
 *
 * - A project without a type gets the one its sector maps to; a type once given is kept.
 * - A milestone that is one of its type's approvals becomes that approval where it stands: dates, status, version and
 *   audit history stay; only its kind, department and parallel group are (re)written from the data.
 * - An approval a project has recorded (办理中, 已办结, a 文号 or files) that its type no longer requires refuses the
 *   whole change, naming the projects: the data may add approvals, never take away what was entered.
 * - A missing approval is added open (未启动) with no baseline — an owner gives its forecast — unless the project is
 *   already past 前期 (开工建设, 建成投用, or held from one): stage and milestones agree, so it is added 不适用 saying it
 *   was not recorded before, which its owner can reopen to enter the real document. Cancelled projects get it open.
 */
export async function backfillApprovals(manager: EntityManager, catalogue: ApprovalsCatalogue): Promise<ApprovalBackfill> {
  // Each write is counted through a CTE: a bare UPDATE answers [rows, count] through TypeORM, a SELECT its rows.
  const [typed] = await manager.query(
    `WITH w AS (UPDATE project p SET project_type = t.type FROM jsonb_each_text($1::jsonb) AS t(sector, type)
                WHERE p.project_type IS NULL AND p.sector = t.sector RETURNING p.id)
     SELECT count(*)::int AS n FROM w`,
    [JSON.stringify(catalogue.sectorTypes)],
  );
  const required = catalogue.projectTypes.flatMap((type) =>
    approvalsOfType(catalogue, type.code).map((a) => ({
      type: type.code,
      code: a.code,
      name: a.name.zh,
      department: a.department,
      stage: a.stage,
      sort_order: a.sortOrder,
      parallel_group: a.parallelGroup,
    })),
  );
  const rows = `jsonb_to_recordset($1::jsonb) AS r(type text, code text, name text, department text, stage text, sort_order smallint, parallel_group text)`;
  await refuseDroppingRecorded(manager, catalogue, required);
  const [converted] = await manager.query(
    `WITH w AS (UPDATE milestone m SET kind = 'approval', department = r.department, parallel_group = r.parallel_group
     FROM ${rows}, project p
     WHERE p.id = m.project_id AND p.project_type = r.type AND m.code = r.code
       AND (m.kind, m.department, m.parallel_group) IS DISTINCT FROM ('approval', r.department, r.parallel_group)
     RETURNING m.id)
     SELECT count(*)::int AS n FROM w`,
    [JSON.stringify(required)],
  );
  const [added] = await manager.query(
    `WITH w AS (INSERT INTO milestone (project_id, code, name, stage, sort_order, kind, department, parallel_group, status, not_applicable_reason)
     SELECT p.id, r.code, r.name, r.stage, r.sort_order, 'approval', r.department, r.parallel_group,
            CASE WHEN e.stage IN ('start', 'complete') THEN 'not_applicable' ELSE 'pending' END,
            CASE WHEN e.stage IN ('start', 'complete')
                 THEN '补录：项目已处于「' || CASE e.stage WHEN 'start' THEN '开工建设' ELSE '建成投用' END || '」阶段，此前未记录该手续' END
     FROM ${rows}
     JOIN project p ON p.project_type = r.type
     CROSS JOIN LATERAL (SELECT CASE WHEN p.stage = 'on_hold' THEN p.previous_stage ELSE p.stage END AS stage) e
     WHERE EXISTS (SELECT 1 FROM milestone s WHERE s.project_id = p.id)
     ON CONFLICT (project_id, code) DO NOTHING
     RETURNING id)
     SELECT count(*)::int AS n FROM w`,
    [JSON.stringify(required)],
  );
  return { typed: typed.n, converted: converted.n, added: added.n };
}

/** The projects whose recorded approvals `catalogue` would drop; the error names each (project, approval). */
async function refuseDroppingRecorded(manager: EntityManager, catalogue: ApprovalsCatalogue, required: Array<{ type: string; code: string }>): Promise<void> {
  // The migration that first backfills runs before evidence files exist: there are none to look for then.
  const [{ files }] = await manager.query(`SELECT to_regclass('file_attachment') IS NOT NULL AS files`);
  const hasFiles = files ? `OR EXISTS (SELECT 1 FROM file_attachment f WHERE f.owner_kind = 'approval' AND f.owner_id = m.id::text)` : '';
  const dropped: Array<{ project: string; approval: string }> = await manager.query(
    `SELECT p.name AS project, m.name AS approval
     FROM milestone m JOIN project p ON p.id = m.project_id
     WHERE m.kind = 'approval'
       AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($1::jsonb) AS r(type text, code text) WHERE r.type = p.project_type AND r.code = m.code)
       AND (m.status = 'done' OR m.in_progress OR m.document_no IS NOT NULL ${hasFiles})
     ORDER BY p.name, m.sort_order`,
    [JSON.stringify(required.map(({ type, code }) => ({ type, code })))],
  );
  if (!dropped.length) return;
  const shown = dropped.slice(0, 20).map((row) => `${row.project}「${row.approval}」`);
  const more = dropped.length > shown.length ? ` 等 ${dropped.length} 项` : '';
  throw new Error(
    `前期手续目录第 ${catalogue.version} 版不再要求以下已有办理记录的手续，未作任何更改：${shown.join('、')}${more}。` +
      `请在目录中保留这些手续（可标为不适用），或先撤销其办理记录。`,
  );
}
