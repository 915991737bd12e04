import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { NewDomainEvent } from '@qj/queue';
import { MILESTONE_COLUMNS, MilestoneRow } from './project-status';
import { managerOf, Transaction, transactionOf } from './transaction';
import { UnitScope, unitOfScope } from './unit-scope';

export interface ProjectState {
  id: string;
  name: string;
  unitId: string;
  stage: string;
  previousStage: string | null;
  version: number;
  target: string;
  createdAt: Date;
}

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
  projectKey: string;
  projectName: string;
  unitName: string;
}

/** withdrawn: ended by its requester before a decision. */
export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export interface TransitionRequestRow {
  id: string;
  projectId: string;
  projectName: string;
  unitId: string;
  transitionId: string;
  /** The workflow definition version it was filed under, and is decided by. */
  workflowVersion: number;
  fromStage: string;
  toStage: string;
  evidence: Record<string, unknown>;
  reason: string | null;
  comment: string | null;
  status: RequestStatus;
  requestedBy: string;
  requestedByName: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionComment: string | null;
}

export interface RebaselineRequestRow {
  id: string;
  milestoneId: string;
  milestoneName: string;
  projectId: string;
  projectName: string;
  unitId: string;
  currentBaseline: string | null;
  proposedBaseline: string;
  reason: string;
  status: RequestStatus;
  requestedBy: string;
  requestedByName: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionComment: string | null;
}

export interface RequestFilter {
  status?: string;
  page: number;
  pageSize: number;
}

/** One audit row of a project's history. */
export interface HistoryRow {
  id: string;
  at: Date;
  entityType: string;
  entityId: string;
  action: string;
  actorId: string | null;
  actorName: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  comment: string | null;
}

export interface AuditEntry {
  projectId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  actorId: string | null;
  actorName: string;
  before?: unknown;
  after?: unknown;
  comment?: string | null;
}

/** TypeORM answers an UPDATE … RETURNING with `[rows, affectedCount]`; an INSERT or SELECT with the rows alone. */
async function updateReturning<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T | undefined> {
  const result = await manager.query(sql, params);
  const rows = Array.isArray(result[0]) ? result[0] : result;
  return rows[0];
}

const PROJECT_STATE_COLUMNS = `id, name, unit_id AS "unitId", stage, previous_stage AS "previousStage", version, target, created_at AS "createdAt"`;

const REQUEST_COLUMNS = `r.id, r.project_id AS "projectId", p.name AS "projectName", p.unit_id AS "unitId", r.transition_id AS "transitionId",
  r.workflow_version AS "workflowVersion", r.from_stage AS "fromStage", r.to_stage AS "toStage", r.evidence, r.reason, r.comment, r.status, r.requested_by AS "requestedBy",
  ru.display_name AS "requestedByName", r.requested_at AS "requestedAt", r.decided_by AS "decidedBy", du.display_name AS "decidedByName",
  r.decided_at AS "decidedAt", r.decision_comment AS "decisionComment"`;
const REQUEST_FROM = `transition_request r JOIN project p ON p.id = r.project_id
  JOIN app_user ru ON ru.id = r.requested_by LEFT JOIN app_user du ON du.id = r.decided_by`;

const REBASELINE_COLUMNS = `b.id, b.milestone_id AS "milestoneId", m.name AS "milestoneName", b.project_id AS "projectId", p.name AS "projectName",
  p.unit_id AS "unitId", b.current_baseline AS "currentBaseline", b.proposed_baseline AS "proposedBaseline", b.reason, b.status,
  b.requested_by AS "requestedBy", ru.display_name AS "requestedByName", b.requested_at AS "requestedAt", b.decided_by AS "decidedBy",
  du.display_name AS "decidedByName", b.decided_at AS "decidedAt", b.decision_comment AS "decisionComment"`;
const REBASELINE_FROM = `rebaseline_request b JOIN milestone m ON m.id = b.milestone_id JOIN project p ON p.id = b.project_id
  JOIN app_user ru ON ru.id = b.requested_by LEFT JOIN app_user du ON du.id = b.decided_by`;

/**
 * Writes of the workflow: projects' stages, milestones, transition requests, and with every change its
 * audit rows and outbox events, all in the caller's transaction. Guarded updates carry the version the
 * client saw (`UPDATE … WHERE version = $n`), so a concurrent change is detected rather than lost.
 */
@Injectable()
export class WorkflowRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** PostgreSQL's default READ COMMITTED; naming it would cost a SET TRANSACTION statement per write. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(transactionOf(manager)));
  }

  async lockProject(tx: Transaction, id: string): Promise<ProjectState | undefined> {
    const [row] = await managerOf(tx).query(`SELECT ${PROJECT_STATE_COLUMNS} FROM project WHERE id = $1 FOR UPDATE`, [id]);
    return row;
  }

  /** The same state without a lock, for reads. */
  async projectState(id: string): Promise<ProjectState | undefined> {
    const [row] = await this.dataSource.query(`SELECT ${PROJECT_STATE_COLUMNS} FROM project WHERE id = $1`, [id]);
    return row;
  }

  async project(id: string): Promise<Pick<ProjectState, 'id' | 'unitId'> | undefined> {
    const [row] = await this.dataSource.query(`SELECT id, unit_id AS "unitId" FROM project WHERE id = $1`, [id]);
    return row;
  }

  async milestonesOf(tx: Transaction | undefined, projectId: string): Promise<MilestoneRow[]> {
    return (tx ? managerOf(tx) : this.dataSource.manager).query(`SELECT ${MILESTONE_COLUMNS} FROM milestone m WHERE m.project_id = $1 ORDER BY m.sort_order`, [
      projectId,
    ]);
  }

  /**
   * The milestone and its project, both locked (milestone first, always): concurrent updates of one milestone
   * queue here and each then sees the latest version; status refreshes of one project serialise.
   */
  async lockMilestone(tx: Transaction, id: string): Promise<(MilestoneRow & { project: ProjectState }) | undefined> {
    const [row] = await managerOf(tx).query(`SELECT ${MILESTONE_COLUMNS} FROM milestone m WHERE m.id = $1 FOR UPDATE`, [id]);
    if (!row) return undefined;
    const project = await this.lockProject(tx, row.projectId);
    return { ...row, project: project as ProjectState };
  }

  /**
   * Milestones with their projects, by id, for a batch of updates (the Excel import). With `lock`, rows are taken
   * FOR UPDATE milestones first, then projects, each in id order — the order of `lockMilestone` — so a batch and
   * concurrent single updates queue rather than deadlock.
   */
  async milestonesWithProjects(tx: Transaction | undefined, ids: readonly string[], lock: boolean): Promise<Map<string, MilestoneWithProject>> {
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
  async openMilestones(scope: UnitScope, filter: { unitId?: string; projectId?: string }): Promise<OpenMilestoneRow[]> {
    const scopeUnitId = unitOfScope(scope);
    return this.dataSource.query(
      `SELECT m.id, m.name, m.baseline_date AS "baselineDate", m.forecast_date AS "forecastDate", m.actual_date AS "actualDate", m.version,
              p.catalog_key AS "projectKey", p.name AS "projectName", u.name AS "unitName"
       FROM milestone m JOIN project p ON p.id = m.project_id JOIN unit u ON u.id = p.unit_id
       WHERE m.status = 'pending' AND ($1::uuid IS NULL OR p.unit_id = $1) AND ($2::uuid IS NULL OR p.id = $2) AND ($3::uuid IS NULL OR p.unit_id = $3)
       ORDER BY p.plan_order, p.id, m.sort_order`,
      [scopeUnitId, filter.projectId ?? null, filter.unitId ?? null],
    );
  }

  async updateMilestone(
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
   * Settles milestones in one statement: each row's status, actual date and 不适用 reason as given, its version
   * bumped. Returns the rows as they are now.
   */
  async settleMilestones(
    tx: Transaction,
    changes: ReadonlyArray<{ id: string; status: 'done' | 'not_applicable' | 'pending'; actualDate: string | null; notApplicableReason: string | null }>,
    actorId: string,
  ): Promise<MilestoneRow[]> {
    if (!changes.length) return [];
    const result = await managerOf(tx).query(
      `UPDATE milestone m SET status = c.status, actual_date = c.actual_date, not_applicable_reason = c.reason, updated_by = $2,
              version = m.version + 1, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, status text, actual_date date, reason text)
       WHERE m.id = c.id
       RETURNING ${MILESTONE_COLUMNS}`,
      [JSON.stringify(changes.map((c) => ({ id: c.id, status: c.status, actual_date: c.actualDate, reason: c.notApplicableReason }))), actorId],
    );
    return Array.isArray(result[0]) ? result[0] : result;
  }

  async setStage(tx: Transaction, id: string, expectedVersion: number, stage: string, previousStage: string | null): Promise<number | undefined> {
    const row = await updateReturning<{ version: number }>(
      managerOf(tx),
      `UPDATE project SET stage = $3, previous_stage = $4, version = version + 1, updated_at = now(), last_activity_at = now()
       WHERE id = $1 AND version = $2 RETURNING version`,
      [id, expectedVersion, stage, previousStage],
    );
    return row?.version;
  }

  async setUnit(tx: Transaction, id: string, expectedVersion: number, unitId: string): Promise<number | undefined> {
    const row = await updateReturning<{ version: number }>(
      managerOf(tx),
      `UPDATE project SET unit_id = $3, version = version + 1, updated_at = now(), last_activity_at = now()
       WHERE id = $1 AND version = $2 RETURNING version`,
      [id, expectedVersion, unitId],
    );
    return row?.version;
  }

  async unitExists(tx: Transaction, unitId: string): Promise<boolean> {
    const [row] = await managerOf(tx).query(`SELECT 1 FROM unit WHERE id = $1`, [unitId]);
    return Boolean(row);
  }

  async touchActivity(tx: Transaction, projectId: string): Promise<void> {
    await managerOf(tx).query(`UPDATE project SET last_activity_at = now() WHERE id = $1`, [projectId]);
  }

  async pendingRequestOf(tx: Transaction, projectId: string): Promise<{ id: string } | undefined> {
    const [row] = await managerOf(tx).query(`SELECT id FROM transition_request WHERE project_id = $1 AND status = 'pending'`, [projectId]);
    return row;
  }

  async insertRequest(
    tx: Transaction,
    request: {
      projectId: string;
      transitionId: string;
      workflowVersion: number;
      fromStage: string;
      toStage: string;
      evidence: object;
      reason: string | null;
      comment: string | null;
      requestedBy: string;
    },
  ): Promise<string> {
    const [row] = await managerOf(tx).query(
      `INSERT INTO transition_request (project_id, transition_id, workflow_version, from_stage, to_stage, evidence, reason, comment, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        request.projectId,
        request.transitionId,
        request.workflowVersion,
        request.fromStage,
        request.toStage,
        JSON.stringify(request.evidence),
        request.reason,
        request.comment,
        request.requestedBy,
      ],
    );
    return row.id;
  }

  /** Locks the request row: two approvals of the same request at once serialise here, and the second finds it decided. */
  async lockRequest(tx: Transaction, id: string): Promise<TransitionRequestRow | undefined> {
    const [row] = await managerOf(tx).query(`SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE r.id = $1 FOR UPDATE OF r`, [id]);
    return row;
  }

  async decideRequest(tx: Transaction, id: string, status: Exclude<RequestStatus, 'pending'>, decidedBy: string, comment: string | null): Promise<boolean> {
    const [, affected] = await managerOf(tx).query(
      `UPDATE transition_request SET status = $2, decided_by = $3, decided_at = now(), decision_comment = $4 WHERE id = $1 AND status = 'pending'`,
      [id, status, decidedBy, comment],
    );
    return affected === 1;
  }

  async request(id: string, tx?: Transaction): Promise<TransitionRequestRow | undefined> {
    const [row] = await (tx ? managerOf(tx) : this.dataSource.manager).query(`SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE r.id = $1`, [id]);
    return row;
  }

  /** Transition requests within `scope` (an owner's unit), newest first. */
  async requests(scope: UnitScope, filter: RequestFilter & { projectId?: string }): Promise<{ items: TransitionRequestRow[]; total: number }> {
    return this.newestFirst(REQUEST_COLUMNS, REQUEST_FROM, 'r', scope, filter);
  }

  async insertRebaselineRequest(
    tx: Transaction,
    request: { milestoneId: string; projectId: string; currentBaseline: string | null; proposedBaseline: string; reason: string; requestedBy: string },
  ): Promise<string> {
    const [row] = await managerOf(tx).query(
      `INSERT INTO rebaseline_request (milestone_id, project_id, current_baseline, proposed_baseline, reason, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [request.milestoneId, request.projectId, request.currentBaseline, request.proposedBaseline, request.reason, request.requestedBy],
    );
    return row.id;
  }

  async pendingRebaselineOf(tx: Transaction, milestoneId: string): Promise<{ id: string } | undefined> {
    const [row] = await managerOf(tx).query(`SELECT id FROM rebaseline_request WHERE milestone_id = $1 AND status = 'pending'`, [milestoneId]);
    return row;
  }

  /** Locks the request; a second decision at the same time waits here and then finds it decided. */
  async lockRebaselineRequest(tx: Transaction, id: string): Promise<RebaselineRequestRow | undefined> {
    const [row] = await managerOf(tx).query(`SELECT ${REBASELINE_COLUMNS} FROM ${REBASELINE_FROM} WHERE b.id = $1 FOR UPDATE OF b`, [id]);
    return row;
  }

  async decideRebaselineRequest(
    tx: Transaction,
    id: string,
    status: Exclude<RequestStatus, 'pending'>,
    decidedBy: string,
    comment: string | null,
  ): Promise<void> {
    await managerOf(tx).query(
      `UPDATE rebaseline_request SET status = $2, decided_by = $3, decided_at = now(), decision_comment = $4 WHERE id = $1 AND status = 'pending'`,
      [id, status, decidedBy, comment],
    );
  }

  async rebaselineRequest(id: string, tx?: Transaction): Promise<RebaselineRequestRow | undefined> {
    const [row] = await (tx ? managerOf(tx) : this.dataSource.manager).query(`SELECT ${REBASELINE_COLUMNS} FROM ${REBASELINE_FROM} WHERE b.id = $1`, [id]);
    return row;
  }

  /** Re-baselining requests within `scope` (an owner's unit), newest first. */
  async rebaselineRequests(scope: UnitScope, filter: RequestFilter): Promise<{ items: RebaselineRequestRow[]; total: number }> {
    return this.newestFirst(REBASELINE_COLUMNS, REBASELINE_FROM, 'b', scope, filter);
  }

  /** A page of requests (`alias` the request table's alias, joined to its project as `p`), newest first, with the total. */
  private async newestFirst<Row>(columns: string, from: string, alias: string, scope: UnitScope, filter: RequestFilter & { projectId?: string }) {
    const unitId = unitOfScope(scope);
    const params: unknown[] = [];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (filter.status) where.push(`${alias}.status = ${bind(filter.status)}`);
    if (filter.projectId) where.push(`${alias}.project_id = ${bind(filter.projectId)}`);
    if (unitId) where.push(`p.unit_id = ${bind(unitId)}`);
    const rows = await this.dataSource.query(
      `SELECT ${columns}, count(*) OVER () AS total FROM ${from}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${alias}.requested_at DESC, ${alias}.id LIMIT ${bind(filter.pageSize)} OFFSET ${bind((filter.page - 1) * filter.pageSize)}`,
      params,
    );
    return { items: rows.map(({ total: _total, ...row }: { total: string }) => row) as Row[], total: rows.length ? Number(rows[0].total) : 0 };
  }

  /** The audit rows and the outbox events of one change, written in its transaction in one statement. */
  async record(tx: Transaction, entries: readonly AuditEntry[], events: readonly NewDomainEvent[] = []): Promise<void> {
    if (!entries.length && !events.length) return;
    await managerOf(tx).query(
      `WITH audited AS (
         INSERT INTO audit_event (project_id, entity_type, entity_id, action, actor_id, actor_name, before, after, comment)
         SELECT project_id, entity_type, entity_id, action, actor_id, actor_name, before, after, comment
         FROM jsonb_to_recordset($1::jsonb) AS r(project_id uuid, entity_type text, entity_id text, action text, actor_id uuid,
              actor_name text, before jsonb, after jsonb, comment text)
       )
       INSERT INTO outbox_event (name, aggregate_id, actor_id, request_id, payload)
       SELECT name, aggregate_id, actor_id, request_id, payload
       FROM jsonb_to_recordset($2::jsonb) AS r(name text, aggregate_id text, actor_id uuid, request_id text, payload jsonb)`,
      [
        JSON.stringify(
          entries.map((entry) => ({
            project_id: entry.projectId,
            entity_type: entry.entityType,
            entity_id: entry.entityId,
            action: entry.action,
            actor_id: entry.actorId,
            actor_name: entry.actorName,
            before: entry.before ?? null,
            after: entry.after ?? null,
            comment: entry.comment ?? null,
          })),
        ),
        JSON.stringify(
          events.map((event) => ({
            name: event.name,
            aggregate_id: event.aggregateId,
            actor_id: event.actorId,
            request_id: event.requestId,
            payload: event.data,
          })),
        ),
      ],
    );
  }

  async history(projectId: string): Promise<HistoryRow[]> {
    return this.dataSource.query(
      `SELECT a.id, a.at, a.entity_type AS "entityType", a.entity_id AS "entityId", a.action, a.actor_id AS "actorId",
              a.actor_name AS "actorName", a.before, a.after, a.comment
       FROM audit_event a WHERE a.project_id = $1 ORDER BY a.id`,
      [projectId],
    );
  }
}
