import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MILESTONE_COLUMNS, MilestoneRow } from './project-status';
import { lockProjectRow, PROJECT_STATE_COLUMNS, ProjectState } from './project-state.repository';
import { managerOf, Transaction } from './transaction';
import { UnitScope, unitOfScope } from './unit-scope';
import { updateReturning } from './update-returning';

/** A milestone with its project, as the milestone update rules read it. */
export type MilestoneWithProject = MilestoneRow & { project: ProjectState & { catalogKey: string } };

/** A not-done milestone as the Excel import template lists it. */
export interface OpenMilestoneRow {
  id: string;
  name: string;
  baselineDate: string | null;
  forecastDate: string | null;
  actualDate: string | null;
  version: number;
  /** `approval`: a 前期手续, done only on the approvals checklist (its actual date is locked in the template). */
  kind: string;
  projectKey: string;
  projectName: string;
  unitName: string;
}

/** Projects' milestones: reads for the rules and the import template, and their guarded writes in the caller's transaction. */
@Injectable()
export class MilestoneRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ofProject(tx: Transaction | undefined, projectId: string): Promise<MilestoneRow[]> {
    return (tx ? managerOf(tx) : this.dataSource.manager).query(`SELECT ${MILESTONE_COLUMNS} FROM milestone m WHERE m.project_id = $1 ORDER BY m.sort_order`, [
      projectId,
    ]);
  }

  /**
   * The milestone and its project, both locked (milestone first, always): concurrent updates of one milestone
   * queue here and each then sees the latest version; status refreshes of one project serialise.
   */
  async lock(tx: Transaction, id: string): Promise<(MilestoneRow & { project: ProjectState }) | undefined> {
    const [row] = await managerOf(tx).query(`SELECT ${MILESTONE_COLUMNS} FROM milestone m WHERE m.id = $1 FOR UPDATE`, [id]);
    if (!row) return undefined;
    const project = await lockProjectRow(tx, row.projectId);
    return { ...row, project: project as ProjectState };
  }

  /**
   * Milestones with their projects, by id, for a batch of updates (the Excel import). With `lock`, rows are taken
   * FOR UPDATE milestones first, then projects, each in id order — the order of `lock` — so a batch and
   * concurrent single updates queue rather than deadlock.
   */
  async withProjects(tx: Transaction | undefined, ids: readonly string[], lock: boolean): Promise<Map<string, MilestoneWithProject>> {
    const db = tx ? managerOf(tx) : this.dataSource.manager;
    const forUpdate = lock ? 'ORDER BY m.id FOR UPDATE' : '';
    const milestones: MilestoneRow[] = await db.query(`SELECT ${MILESTONE_COLUMNS} FROM milestone m WHERE m.id = ANY($1::uuid[]) ${forUpdate}`, [ids]);
    const projectIds = [...new Set(milestones.map((m) => m.projectId))];
    const projects: Array<ProjectState & { catalogKey: string }> = await db.query(
      `SELECT ${PROJECT_STATE_COLUMNS}, catalog_key AS "catalogKey" FROM project WHERE id = ANY($1::uuid[]) ${lock ? 'ORDER BY id FOR UPDATE' : ''}`,
      [projectIds],
    );
    const byId = new Map(projects.map((p) => [p.id, p]));
    return new Map(milestones.map((m) => [m.id, { ...m, project: byId.get(m.projectId) as ProjectState & { catalogKey: string } }]));
  }

  /**
   * Not-done milestones in plan order, for the import template, within `scope` (an owner's unit); `filter` narrows
   * further (a reviewer's choice of unit or project).
   */
  async open(scope: UnitScope, filter: { unitId?: string; projectId?: string }): Promise<OpenMilestoneRow[]> {
    const scopeUnitId = unitOfScope(scope);
    return this.dataSource.query(
      `SELECT m.id, m.name, m.baseline_date AS "baselineDate", m.forecast_date AS "forecastDate", m.actual_date AS "actualDate", m.version, m.kind,
              p.catalog_key AS "projectKey", p.name AS "projectName", u.name AS "unitName"
       FROM milestone m JOIN project p ON p.id = m.project_id JOIN unit u ON u.id = p.unit_id
       WHERE m.status = 'pending' AND ($1::uuid IS NULL OR p.unit_id = $1) AND ($2::uuid IS NULL OR p.id = $2) AND ($3::uuid IS NULL OR p.unit_id = $3)
       ORDER BY p.plan_order, p.id, m.sort_order`,
      [scopeUnitId, filter.projectId ?? null, filter.unitId ?? null],
    );
  }

  /** Writes the milestone's dates and status if it is still at `expectedVersion`; undefined when someone changed it first. */
  async update(
    tx: Transaction,
    id: string,
    expectedVersion: number,
    patch: { baselineDate: string | null; forecastDate: string | null; actualDate: string | null; status: string },
    actorId: string,
  ): Promise<MilestoneRow | undefined> {
    return updateReturning<MilestoneRow>(
      managerOf(tx),
      `UPDATE milestone m SET baseline_date = $3, forecast_date = $4, actual_date = $5, status = $6, updated_by = $7,
              not_applicable_reason = CASE WHEN $6 = 'not_applicable' THEN m.not_applicable_reason END,
              version = m.version + 1, updated_at = now()
       WHERE m.id = $1 AND m.version = $2
       RETURNING ${MILESTONE_COLUMNS}`,
      [id, expectedVersion, patch.baselineDate, patch.forecastDate, patch.actualDate, patch.status, actorId],
    );
  }

  /**
   * Settles milestones in one statement: each row's status, actual date and 不适用 reason as given, an approval's
   * 办理中 flag cleared (as PATCH /api/approvals/:id does for those states), its version bumped, and its 文号 set when
   * one is given (kept otherwise). Returns the rows as they are now.
   */
  async settle(
    tx: Transaction,
    changes: ReadonlyArray<{
      id: string;
      status: 'done' | 'not_applicable' | 'pending';
      actualDate: string | null;
      notApplicableReason: string | null;
      documentNo?: string | null;
    }>,
    actorId: string,
  ): Promise<MilestoneRow[]> {
    if (!changes.length) return [];
    const result = await managerOf(tx).query(
      `UPDATE milestone m SET status = c.status, actual_date = c.actual_date, not_applicable_reason = c.reason, updated_by = $2,
              in_progress = false, document_no = COALESCE(c.document_no, m.document_no), version = m.version + 1, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, status text, actual_date date, reason text, document_no text)
       WHERE m.id = c.id
       RETURNING ${MILESTONE_COLUMNS}`,
      [
        JSON.stringify(
          changes.map((c) => ({ id: c.id, status: c.status, actual_date: c.actualDate, reason: c.notApplicableReason, document_no: c.documentNo ?? null })),
        ),
        actorId,
      ],
    );
    return Array.isArray(result[0]) ? result[0] : result;
  }
}
