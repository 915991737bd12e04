import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { activeProjectSql, dueDateSql, lastActivityDaySql, overdueDaysSql, overdueMilestoneSql, staleProjectSql } from '../rules.sql';
import type { UserRole } from '../entities/user.entity';

export interface DigestRecipient {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  unitId: string | null;
  unitName: string | null;
  email: string | null;
}

export interface DigestMilestone {
  projectId: string;
  projectName: string;
  milestoneName: string;
  due: string;
  /** Days overdue (positive) or days left (for those coming due). */
  days: number;
}

/** An audit row of the week, with what describeChange needs to say it in Chinese. */
export interface DigestChange {
  projectId: string;
  projectName: string;
  action: string;
  actorName: string;
  at: Date;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  comment: string | null;
  milestoneName: string | null;
}

export interface DigestRequest {
  projectId: string;
  projectName: string;
  toStage: string;
  status: string;
  requestedAt: Date;
  decidedAt: Date | null;
}

export interface DigestProject {
  projectId: string;
  projectName: string;
  unitName: string;
  days: number;
}

/** What an owner's weekly digest says about their unit (责任单位). */
export interface OwnerDigestData {
  newlyOverdue: DigestMilestone[];
  stillOverdue: DigestMilestone[];
  dueSoon: DigestMilestone[];
  changes: { total: number; latest: DigestChange[] };
  requestsWaiting: DigestRequest[];
  requestsDecided: DigestRequest[];
  staleProjects: DigestProject[];
}

/** What a reviewer's digest adds beyond the chapter roll-up. */
export interface ReviewerDigestData {
  turnedRed: DigestProject[];
  approvalsWaiting: { total: number; oldest: DigestRequest[] };
  topUnits: Array<{ unitName: string; overdueMilestones: number }>;
  /** The week's stage changes: approved transitions and administrators' overrides. */
  stageChanges: Array<DigestChange & { unitName: string }>;
}

const LIST_LIMIT = 30;

/**
 * An audit row (alias `a`) of project `p` as a DigestChange: a request's row gains its stages (`from`, `to`),
 * and a row about a milestone or a re-baseline request the milestone's name, so every change can be said.
 */
const CHANGE = `p.id AS "projectId", p.name AS "projectName", a.action, a.actor_name AS "actorName", a.at, a.before,
  COALESCE(a.after, '{}'::jsonb) || jsonb_strip_nulls(jsonb_build_object('from', tr.from_stage, 'to', tr.to_stage)) AS after,
  a.comment, m.name AS "milestoneName"`;
const CHANGE_MILESTONE = `LEFT JOIN transition_request tr ON a.entity_type = 'transition_request' AND tr.id::text = a.entity_id
  LEFT JOIN rebaseline_request rr ON a.entity_type = 'rebaseline_request' AND rr.id::text = a.entity_id
  LEFT JOIN milestone m ON m.id = COALESCE(rr.milestone_id, CASE WHEN a.entity_type = 'milestone' THEN a.entity_id::uuid END)`;

/** Reads for the weekly digest. Owner reads are scoped by the owner's unit. */
@Injectable()
export class DigestRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** One page of recipients (active owners, reviewers and leaders) after `afterId`, by id: the fan-out never holds the whole list. */
  async recipientPage(afterId: string | null, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM app_user WHERE active AND role IN ('owner', 'reviewer', 'leader') AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((row) => row.id);
  }

  async recipient(userId: string): Promise<DigestRecipient | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT au.id, au.username, au.display_name AS "displayName", au.role, au.unit_id AS "unitId", un.name AS "unitName", au.email
       FROM app_user au LEFT JOIN unit un ON un.id = au.unit_id WHERE au.id = $1 AND au.active`,
      [userId],
    );
    return row;
  }

  /**
   * Claims this recipient's digest for the week: inserts the row if new, then locks it with SKIP LOCKED.
   * Undefined when another worker holds it or it was already done — the work is then not ours to do.
   */
  async claim(manager: EntityManager, userId: string, week: string): Promise<boolean> {
    await manager.query(`INSERT INTO digest (user_id, week) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [userId, week]);
    const rows = await manager.query(`SELECT 1 FROM digest WHERE user_id = $1 AND week = $2 AND status = 'pending' FOR UPDATE SKIP LOCKED`, [userId, week]);
    return rows.length > 0;
  }

  /** Records the outcome and what the digest said, which the console shows from its notification. */
  async settle(
    manager: EntityManager,
    userId: string,
    week: string,
    outcome: { status: 'queued' | 'skipped'; mailId?: string | null; composed: { subject: string; html: string; text: string } },
  ): Promise<void> {
    const { subject, html, text } = outcome.composed;
    await manager.query(`UPDATE digest SET status = $3, mail_id = $4, subject = $5, html = $6, text = $7 WHERE user_id = $1 AND week = $2`, [
      userId,
      week,
      outcome.status,
      outcome.mailId ?? null,
      subject,
      html,
      text,
    ]);
  }

  /** One of the user's own composed digests; undefined when there is none for that period (scoped by the user). */
  async composed(userId: string, week: string): Promise<{ week: string; subject: string; html: string; text: string; createdAt: Date } | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT week, subject, html, text, created_at AS "createdAt" FROM digest WHERE user_id = $1 AND week = $2 AND subject IS NOT NULL`,
      [userId, week],
    );
    return row;
  }

  /** `today` is the digest's day (a Monday); "this week" is the seven days before it. */
  async ownerData(unitId: string, today: string, timeZone: string): Promise<OwnerDigestData> {
    const db = this.dataSource;
    const overdue: Array<DigestMilestone & { newly: boolean }> = await db.query(
      `SELECT p.id AS "projectId", p.name AS "projectName", m.name AS "milestoneName", ${dueDateSql('m')}::text AS due,
              ${overdueDaysSql('m', '$2::date')} AS days, ${dueDateSql('m')} >= $2::date - 7 AS newly
       FROM milestone m JOIN project p ON p.id = m.project_id
       WHERE p.unit_id = $1 AND ${overdueMilestoneSql('m', 'p', '$2::date')}
       ORDER BY days DESC, p.plan_order`,
      [unitId, today],
    );
    const dueSoon: DigestMilestone[] = await db.query(
      `SELECT p.id AS "projectId", p.name AS "projectName", m.name AS "milestoneName", COALESCE(m.forecast_date, m.baseline_date)::text AS due,
              (COALESCE(m.forecast_date, m.baseline_date) - $2::date) AS days
       FROM milestone m JOIN project p ON p.id = m.project_id
       WHERE p.unit_id = $1 AND m.status = 'pending' AND ${activeProjectSql('p')} AND ${dueDateSql('m')} BETWEEN $2::date AND $2::date + 14
       ORDER BY due, p.plan_order LIMIT $3`,
      [unitId, today, LIST_LIMIT],
    );
    const [{ total }] = await db.query(
      `SELECT count(*)::int AS total FROM audit_event a JOIN project p ON p.id = a.project_id WHERE p.unit_id = $1 AND a.at >= now() - interval '7 days'`,
      [unitId],
    );
    const latest: DigestChange[] = await db.query(
      `SELECT ${CHANGE} FROM audit_event a JOIN project p ON p.id = a.project_id ${CHANGE_MILESTONE}
       WHERE p.unit_id = $1 AND a.at >= now() - interval '7 days' ORDER BY a.id DESC LIMIT 10`,
      [unitId],
    );
    const requests: DigestRequest[] = await db.query(
      `SELECT p.id AS "projectId", p.name AS "projectName", r.to_stage AS "toStage", r.status, r.requested_at AS "requestedAt", r.decided_at AS "decidedAt"
       FROM transition_request r JOIN project p ON p.id = r.project_id
       WHERE p.unit_id = $1 AND (r.status = 'pending' OR r.decided_at >= now() - interval '7 days')
       ORDER BY r.requested_at`,
      [unitId],
    );
    const staleProjects: DigestProject[] = await db.query(
      `SELECT p.id AS "projectId", p.name AS "projectName", u.name AS "unitName", ($2::date - ${lastActivityDaySql('p', '$4::text')}) AS days
       FROM project p JOIN unit u ON u.id = p.unit_id
       WHERE p.unit_id = $1 AND ${staleProjectSql('p', '$2::date', '$4::text')}
       ORDER BY p.last_activity_at LIMIT $3`,
      [unitId, today, LIST_LIMIT, timeZone],
    );
    const strip = ({ newly: _n, ...row }: DigestMilestone & { newly: boolean }): DigestMilestone => row;
    return {
      newlyOverdue: overdue.filter((row) => row.newly).map(strip),
      stillOverdue: overdue.filter((row) => !row.newly).map(strip),
      dueSoon,
      changes: { total, latest },
      requestsWaiting: requests.filter((row) => row.status === 'pending'),
      requestsDecided: requests.filter((row) => row.status !== 'pending'),
      staleProjects,
    };
  }

  /**
   * Red projects that turned red this week: a milestone of theirs went overdue in the seven days before
   * `today` (the light has no history of its own; its overdue rule is what flips it).
   */
  async reviewerData(today: string): Promise<ReviewerDigestData> {
    const db = this.dataSource;
    const turnedRed: DigestProject[] = await db.query(
      `SELECT p.id AS "projectId", p.name AS "projectName", u.name AS "unitName",
              max(${overdueDaysSql('m', '$1::date')}) AS days
       FROM project p JOIN unit u ON u.id = p.unit_id JOIN milestone m ON m.project_id = p.id
       WHERE p.rag = 'red' AND ${overdueMilestoneSql('m', 'p', '$1::date')} AND ${dueDateSql('m')} >= $1::date - 7
       GROUP BY p.id, u.name ORDER BY p.plan_order LIMIT $2`,
      [today, LIST_LIMIT],
    );
    const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM transition_request WHERE status = 'pending'`);
    const oldest: DigestRequest[] = await db.query(
      `SELECT p.id AS "projectId", p.name AS "projectName", r.to_stage AS "toStage", r.status, r.requested_at AS "requestedAt", r.decided_at AS "decidedAt"
       FROM transition_request r JOIN project p ON p.id = r.project_id WHERE r.status = 'pending' ORDER BY r.requested_at LIMIT 10`,
    );
    const topUnits = await db.query(
      `SELECT u.name AS "unitName", count(*)::int AS "overdueMilestones"
       FROM milestone m JOIN project p ON p.id = m.project_id JOIN unit u ON u.id = p.unit_id
       WHERE ${overdueMilestoneSql('m', 'p', '$1::date')}
       GROUP BY u.name ORDER BY count(*) DESC, u.name LIMIT 5`,
      [today],
    );
    const stageChanges = await db.query(
      `SELECT ${CHANGE}, u.name AS "unitName" FROM audit_event a JOIN project p ON p.id = a.project_id JOIN unit u ON u.id = p.unit_id ${CHANGE_MILESTONE}
       WHERE a.action IN ('transition.approved', 'transition.overridden') AND a.at >= now() - interval '7 days'
       ORDER BY a.id LIMIT $1`,
      [LIST_LIMIT],
    );
    return { turnedRed, approvalsWaiting: { total, oldest }, topUnits, stageChanges };
  }
}
