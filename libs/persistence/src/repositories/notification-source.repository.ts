import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AlertRecipient } from './alert.repository';

/** A transition request (阶段转换申请) as a notification tells it. */
export interface TransitionRequestFacts {
  id: string;
  projectId: string;
  projectName: string;
  unitId: string;
  fromStage: string;
  toStage: string;
  status: string;
  reason: string | null;
  comment: string | null;
  requestedBy: string;
  requesterName: string;
  deciderName: string | null;
  decisionComment: string | null;
}

/** A re-baseline request (基线调整申请) as a notification tells it. */
export interface RebaselineRequestFacts {
  id: string;
  projectId: string;
  projectName: string;
  unitId: string;
  milestoneId: string;
  milestoneName: string;
  currentBaseline: string | null;
  proposedBaseline: string;
  status: string;
  reason: string;
  requestedBy: string;
  requesterName: string;
  deciderName: string | null;
  decisionComment: string | null;
}

export interface MilestoneFacts {
  id: string;
  name: string;
  projectId: string;
  projectName: string;
  unitId: string;
}

/** A problem of the 问题清单 as a notification tells it. */
export interface ProblemFacts {
  id: string;
  projectId: string;
  projectName: string;
  projectUnitId: string;
  projectUnitName: string;
  title: string;
  description: string;
  category: string;
  neededBy: string;
  status: string;
  assignedUnitId: string | null;
  assignedUnitName: string | null;
  dueDate: string | null;
}

/** One audit row, for the sentence (describeChange) a notification quotes. */
export interface AuditFacts {
  id: string;
  action: string;
  entityId: string;
  actorName: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  comment: string | null;
}

const USER = `id, username, display_name AS "displayName", role, unit_id AS "unitId", email`;
const AUDIT = `id::text, action, entity_id AS "entityId", actor_name AS "actorName", before, after, comment`;

/**
 * What notifications about requests, decisions and 不适用 markings say, read from the tables (never from an
 * event's payload, whose shape belongs to the workflow), and who hears them.
 */
@Injectable()
export class NotificationSourceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async transitionRequest(requestId: string): Promise<TransitionRequestFacts | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT r.id, p.id AS "projectId", p.name AS "projectName", p.unit_id AS "unitId", r.from_stage AS "fromStage", r.to_stage AS "toStage",
              r.status, r.reason, r.comment, r.requested_by AS "requestedBy", rq.display_name AS "requesterName",
              dc.display_name AS "deciderName", r.decision_comment AS "decisionComment"
       FROM transition_request r JOIN project p ON p.id = r.project_id JOIN app_user rq ON rq.id = r.requested_by
       LEFT JOIN app_user dc ON dc.id = r.decided_by
       WHERE r.id = $1`,
      [requestId],
    );
    return row;
  }

  async rebaselineRequest(requestId: string): Promise<RebaselineRequestFacts | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT r.id, p.id AS "projectId", p.name AS "projectName", p.unit_id AS "unitId", m.id AS "milestoneId", m.name AS "milestoneName",
              r.current_baseline::text AS "currentBaseline", r.proposed_baseline::text AS "proposedBaseline", r.status, r.reason,
              r.requested_by AS "requestedBy", rq.display_name AS "requesterName", dc.display_name AS "deciderName", r.decision_comment AS "decisionComment"
       FROM rebaseline_request r JOIN milestone m ON m.id = r.milestone_id JOIN project p ON p.id = r.project_id
       JOIN app_user rq ON rq.id = r.requested_by LEFT JOIN app_user dc ON dc.id = r.decided_by
       WHERE r.id = $1`,
      [requestId],
    );
    return row;
  }

  async milestone(milestoneId: string): Promise<MilestoneFacts | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT m.id, m.name, p.id AS "projectId", p.name AS "projectName", p.unit_id AS "unitId"
       FROM milestone m JOIN project p ON p.id = m.project_id WHERE m.id = $1`,
      [milestoneId],
    );
    return row;
  }

  async project(projectId: string): Promise<{ id: string; name: string; unitId: string } | undefined> {
    const [row] = await this.dataSource.query(`SELECT id, name, unit_id AS "unitId" FROM project WHERE id = $1`, [projectId]);
    return row;
  }

  /**
   * The audit row written with an outbox event: both are inserted by one statement, so they carry the same
   * transaction time (`now()`), and the action and project narrow it to the one row.
   */
  async auditOfEvent(outboxId: string, projectId: string, actions: readonly string[], entityId?: string): Promise<AuditFacts | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT ${AUDIT} FROM audit_event
       WHERE project_id = $2 AND action = ANY($3::text[]) AND ($4::text IS NULL OR entity_id = $4)
         AND at = (SELECT occurred_at FROM outbox_event WHERE id = $1::bigint)
       ORDER BY id DESC LIMIT 1`,
      [outboxId, projectId, actions, entityId ?? null],
    );
    return row;
  }

  async problem(problemId: string): Promise<ProblemFacts | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT pr.id, pr.project_id AS "projectId", p.name AS "projectName", p.unit_id AS "projectUnitId", pu.name AS "projectUnitName",
              pr.title, pr.description, pr.category, pr.needed_by::text AS "neededBy", pr.status, pr.assigned_unit_id AS "assignedUnitId",
              au.name AS "assignedUnitName", pr.due_date::text AS "dueDate"
       FROM problem pr JOIN project p ON p.id = pr.project_id JOIN unit pu ON pu.id = p.unit_id LEFT JOIN unit au ON au.id = pr.assigned_unit_id
       WHERE pr.id = $1`,
      [problemId],
    );
    return row;
  }

  async problemReply(replyId: string): Promise<{ text: string; authorName: string; authorId: string | null } | undefined> {
    const [row] = await this.dataSource.query(`SELECT text, author_name AS "authorName", author_id AS "authorId" FROM problem_reply WHERE id = $1`, [replyId]);
    return row;
  }

  /** The active owners of the units, once each. */
  owners(unitIds: readonly (string | null)[]): Promise<AlertRecipient[]> {
    return this.dataSource.query(`SELECT ${USER} FROM app_user WHERE active AND role = 'owner' AND unit_id = ANY($1::uuid[]) ORDER BY username`, [
      unitIds.filter((id): id is string => id !== null),
    ]);
  }

  /** Active DRC reviewers (区发展改革委). */
  reviewers(): Promise<AlertRecipient[]> {
    return this.dataSource.query(`SELECT ${USER} FROM app_user WHERE active AND role = 'reviewer' ORDER BY username`);
  }

  /** The requester (if still active) and the unit's active owners, once each. */
  requesterAndOwners(requesterId: string | null, unitId: string): Promise<AlertRecipient[]> {
    return this.dataSource.query(`SELECT ${USER} FROM app_user WHERE active AND (id = $1::uuid OR (role = 'owner' AND unit_id = $2)) ORDER BY username`, [
      requesterId,
      unitId,
    ]);
  }
}
