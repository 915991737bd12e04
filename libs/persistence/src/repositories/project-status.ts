import { computeRag, MilestoneStatus, ProjectStatus, RagResult, Stage, type BusinessDay } from '@qj/domain';
import type { EntityManager } from 'typeorm';
import { managerOf, type Transaction } from './transaction';

export interface MilestoneRow {
  id: string;
  projectId: string;
  code: string;
  name: string;
  stage: string;
  sortOrder: number;
  realisesTarget: boolean;
  baselineDate: string | null;
  forecastDate: string | null;
  actualDate: string | null;
  status: MilestoneStatus;
  notApplicableReason: string | null;
  /** approval: a 前期手续 of the project's type (see ApprovalRepository); milestone: any other step. */
  kind: 'milestone' | 'approval';
  version: number;
  updatedAt: Date;
}

export const MILESTONE_COLUMNS = `m.id, m.project_id AS "projectId", m.code, m.name, m.stage, m.sort_order AS "sortOrder",
  m.realises_target AS "realisesTarget", m.baseline_date AS "baselineDate", m.forecast_date AS "forecastDate",
  m.actual_date AS "actualDate", m.status, m.not_applicable_reason AS "notApplicableReason", m.kind, m.version, m.updated_at AS "updatedAt"`;

export function ragOf(
  project: { target: string; stage: string },
  milestones: ReadonlyArray<Pick<MilestoneRow, 'code' | 'sortOrder' | 'baselineDate' | 'forecastDate' | 'status'>>,
  today: string,
): RagResult {
  return computeRag({
    today,
    target: project.target as Stage,
    status: project.stage as ProjectStatus,
    milestones: milestones.map((m) => ({
      code: m.code,
      sortOrder: m.sortOrder,
      baselineDate: m.baselineDate,
      forecastDate: m.forecastDate,
      done: m.status !== 'pending',
    })),
  });
}

/**
 * Recomputes the status light of the given projects from their milestones, for `today` in Asia/Shanghai,
 * in the caller's transaction (two statements whatever the number of projects).
 */
export async function refreshProjectRag(tx: Transaction | EntityManager, projectIds: readonly string[], day: BusinessDay): Promise<void> {
  const manager = managerOf(tx as Transaction);
  if (!projectIds.length) return;
  const { today } = day;
  const rows: Array<{ id: string; target: string; stage: string; milestones: MilestoneRow[] }> = await manager.query(
    `SELECT p.id, p.target, p.stage,
            COALESCE((SELECT json_agg(json_build_object('code', m.code, 'sortOrder', m.sort_order, 'baselineDate', m.baseline_date,
                      'forecastDate', m.forecast_date, 'status', m.status)) FROM milestone m WHERE m.project_id = p.id), '[]') AS milestones
     FROM project p WHERE p.id = ANY($1::uuid[])`,
    [projectIds],
  );
  const updates = rows.map((row) => {
    const result = ragOf(row, row.milestones, today);
    return { id: row.id, rag: result.rag, reasons: result.reasons };
  });
  await manager.query(
    `UPDATE project p SET rag = r.rag, rag_reasons = r.reasons, rag_on = $2::date
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, rag text, reasons jsonb)
     WHERE p.id = r.id AND (p.rag, p.rag_reasons, p.rag_on) IS DISTINCT FROM (r.rag, r.reasons, $2::date)`,
    [JSON.stringify(updates), today],
  );
}
