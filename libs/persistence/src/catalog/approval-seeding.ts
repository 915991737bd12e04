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
