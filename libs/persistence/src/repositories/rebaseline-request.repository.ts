import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { newestFirst, RequestFilter, RequestStatus } from './request-page';
import { managerOf, Transaction } from './transaction';
import { UnitScope } from './unit-scope';

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

const REBASELINE_COLUMNS = `b.id, b.milestone_id AS "milestoneId", m.name AS "milestoneName", b.project_id AS "projectId", p.name AS "projectName",
  p.unit_id AS "unitId", b.current_baseline AS "currentBaseline", b.proposed_baseline AS "proposedBaseline", b.reason, b.status,
  b.requested_by AS "requestedBy", ru.display_name AS "requestedByName", b.requested_at AS "requestedAt", b.decided_by AS "decidedBy",
  du.display_name AS "decidedByName", b.decided_at AS "decidedAt", b.decision_comment AS "decisionComment"`;
const REBASELINE_FROM = `rebaseline_request b JOIN milestone m ON m.id = b.milestone_id JOIN project p ON p.id = b.project_id
  JOIN app_user ru ON ru.id = b.requested_by LEFT JOIN app_user du ON du.id = b.decided_by`;

/** Requests to move a milestone's baseline (调整基线): asked by an owner, decided by a reviewer or withdrawn. */
@Injectable()
export class RebaselineRequestRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
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

  async pendingOf(tx: Transaction, milestoneId: string): Promise<{ id: string } | undefined> {
    const [row] = await managerOf(tx).query(`SELECT id FROM rebaseline_request WHERE milestone_id = $1 AND status = 'pending'`, [milestoneId]);
    return row;
  }

  /** Locks the request; a second decision at the same time waits here and then finds it decided. */
  async lock(tx: Transaction, id: string): Promise<RebaselineRequestRow | undefined> {
    const [row] = await managerOf(tx).query(`SELECT ${REBASELINE_COLUMNS} FROM ${REBASELINE_FROM} WHERE b.id = $1 FOR UPDATE OF b`, [id]);
    return row;
  }

  async decide(tx: Transaction, id: string, status: Exclude<RequestStatus, 'pending'>, decidedBy: string, comment: string | null): Promise<void> {
    await managerOf(tx).query(
      `UPDATE rebaseline_request SET status = $2, decided_by = $3, decided_at = now(), decision_comment = $4 WHERE id = $1 AND status = 'pending'`,
      [id, status, decidedBy, comment],
    );
  }

  async find(id: string, tx?: Transaction): Promise<RebaselineRequestRow | undefined> {
    const [row] = await (tx ? managerOf(tx) : this.dataSource.manager).query(`SELECT ${REBASELINE_COLUMNS} FROM ${REBASELINE_FROM} WHERE b.id = $1`, [id]);
    return row;
  }

  /** Re-baselining requests within `scope` (an owner's unit), newest first. */
  async list(scope: UnitScope, filter: RequestFilter): Promise<{ items: RebaselineRequestRow[]; total: number }> {
    return newestFirst(this.dataSource, { columns: REBASELINE_COLUMNS, from: REBASELINE_FROM, alias: 'b' }, scope, filter);
  }
}
