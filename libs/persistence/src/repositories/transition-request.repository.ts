import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { attachedFilesSql, FileRef } from './file.repository';
import { newestFirst, RequestFilter, RequestStatus } from './request-page';
import { managerOf, Transaction } from './transaction';
import { UnitScope } from './unit-scope';

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
  /** Evidence files attached (the scanned 批复, the permit). */
  files: FileRef[];
}

const REQUEST_COLUMNS = `r.id, r.project_id AS "projectId", p.name AS "projectName", p.unit_id AS "unitId", r.transition_id AS "transitionId",
  r.workflow_version AS "workflowVersion", r.from_stage AS "fromStage", r.to_stage AS "toStage", r.evidence, r.reason, r.comment, r.status, r.requested_by AS "requestedBy",
  ru.display_name AS "requestedByName", r.requested_at AS "requestedAt", r.decided_by AS "decidedBy", du.display_name AS "decidedByName",
  r.decided_at AS "decidedAt", r.decision_comment AS "decisionComment", ${attachedFilesSql('transition_request', 'r.id::text', 'r.project_id')} AS files`;
const REQUEST_FROM = `transition_request r JOIN project p ON p.id = r.project_id
  JOIN app_user ru ON ru.id = r.requested_by LEFT JOIN app_user du ON du.id = r.decided_by`;

/** Requests to move a project to another stage (转段申请): filed by an owner, decided by a reviewer or withdrawn. */
@Injectable()
export class TransitionRequestRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async pendingOf(tx: Transaction, projectId: string): Promise<{ id: string } | undefined> {
    const [row] = await managerOf(tx).query(`SELECT id FROM transition_request WHERE project_id = $1 AND status = 'pending'`, [projectId]);
    return row;
  }

  async insert(
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
  async lock(tx: Transaction, id: string): Promise<TransitionRequestRow | undefined> {
    const [row] = await managerOf(tx).query(`SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE r.id = $1 FOR UPDATE OF r`, [id]);
    return row;
  }

  async decide(tx: Transaction, id: string, status: Exclude<RequestStatus, 'pending'>, decidedBy: string, comment: string | null): Promise<boolean> {
    const [, affected] = await managerOf(tx).query(
      `UPDATE transition_request SET status = $2, decided_by = $3, decided_at = now(), decision_comment = $4 WHERE id = $1 AND status = 'pending'`,
      [id, status, decidedBy, comment],
    );
    return affected === 1;
  }

  async find(id: string, tx?: Transaction): Promise<TransitionRequestRow | undefined> {
    const [row] = await (tx ? managerOf(tx) : this.dataSource.manager).query(`SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE r.id = $1`, [id]);
    return row;
  }

  /** Transition requests within `scope` (an owner's unit), newest first. */
  async list(scope: UnitScope, filter: RequestFilter & { projectId?: string }): Promise<{ items: TransitionRequestRow[]; total: number }> {
    return newestFirst(this.dataSource, { columns: REQUEST_COLUMNS, from: REQUEST_FROM, alias: 'r' }, scope, filter);
  }
}
