import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { overdueProblemSql, problemOverdueDaysSql } from '../rules.sql';
import type { AlertRecipient } from './alert.repository';
import { UnitScope, unitOfScope } from './unit-scope';

/** An overdue problem as its escalation tells it. */
export interface OverdueProblem {
  problemId: string;
  projectId: string;
  projectName: string;
  projectCode: string | null;
  projectUnitName: string;
  title: string;
  description: string;
  category: string;
  neededBy: string;
  dueDate: string;
  unitId: string;
  unitName: string;
  overdueDays: number;
}

/** What a 督办单's history lists: the problem's audit rows and its thread, in order. */
export interface ProblemHistoryEntry {
  at: Date;
  actorName: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  comment: string | null;
}

export interface SupervisionNoticeRow {
  id: string;
  problemId: string;
  problemTitle: string;
  projectId: string;
  projectName: string;
  unitId: string;
  unitName: string;
  year: number;
  sequence: number;
  replyBy: string;
  dueDate: string;
  createdAt: Date;
  /** The first reply in the thread by the unit it was sent to, after it was issued. */
  answeredAt: Date | null;
}

const USER = `id, username, display_name AS "displayName", role, unit_id AS "unitId", email`;

const NOTICE = `SELECT n.id, n.problem_id AS "problemId", pr.title AS "problemTitle", pr.project_id AS "projectId", p.name AS "projectName",
    n.unit_id AS "unitId", u.name AS "unitName", n.year, n.sequence, n.reply_by::text AS "replyBy", e.due_date::text AS "dueDate",
    n.created_at AS "createdAt",
    (SELECT min(r.created_at) FROM problem_reply r WHERE r.problem_id = n.problem_id AND r.author_unit_id = n.unit_id AND r.created_at >= n.created_at)
      AS "answeredAt"
  FROM supervision_notice n
  JOIN problem_escalation e ON e.id = n.escalation_id
  JOIN problem pr ON pr.id = n.problem_id
  JOIN project p ON p.id = pr.project_id
  JOIN unit u ON u.id = n.unit_id`;

/**
 * 督办 of overdue problems: each escalation once per (problem, level, due date) under a unique key; a 督办单's number
 * taken from its year's row, locked until the notice commits, so numbers neither gap nor repeat.
 */
@Injectable()
export class SupervisionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Every assigned problem overdue on `today` (the rule's SQL twin), most overdue first. */
  overdueProblems(today: string): Promise<OverdueProblem[]> {
    return this.dataSource.query(
      `SELECT pr.id AS "problemId", pr.project_id AS "projectId", p.name AS "projectName", p.project_code AS "projectCode", pu.name AS "projectUnitName",
              pr.title, pr.description, pr.category, pr.needed_by::text AS "neededBy", pr.due_date::text AS "dueDate",
              pr.assigned_unit_id AS "unitId", u.name AS "unitName", ${problemOverdueDaysSql('pr', '$1::date')} AS "overdueDays"
       FROM problem pr JOIN project p ON p.id = pr.project_id JOIN unit pu ON pu.id = p.unit_id JOIN unit u ON u.id = pr.assigned_unit_id
       WHERE ${overdueProblemSql('pr', '$1::date')}
       ORDER BY "overdueDays" DESC, pr.id`,
      [today],
    );
  }

  /** Records the escalation; undefined when this level of this due date was raised before (by another worker, or a run before a crash). */
  async raise(manager: EntityManager, problem: OverdueProblem, level: 'overdue' | 'supervision'): Promise<string | undefined> {
    const [row] = await manager.query(
      `INSERT INTO problem_escalation (problem_id, level, due_date, unit_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (problem_id, level, due_date) DO NOTHING RETURNING id::text`,
      [problem.problemId, level, problem.dueDate, problem.unitId],
    );
    return row?.id;
  }

  /** The year's next 督办单 number; the year's row stays locked until the caller's transaction ends. */
  async nextNumber(manager: EntityManager, year: number): Promise<number> {
    const [row] = await manager.query(
      `INSERT INTO supervision_sequence (year, last_number) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = supervision_sequence.last_number + 1 RETURNING last_number AS "lastNumber"`,
      [year],
    );
    return row.lastNumber;
  }

  async insertNotice(
    manager: EntityManager,
    notice: { escalationId: string; problemId: string; unitId: string; year: number; sequence: number; replyBy: string; document: Buffer },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO supervision_notice (escalation_id, problem_id, unit_id, year, sequence, reply_by, document)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [notice.escalationId, notice.problemId, notice.unitId, notice.year, notice.sequence, notice.replyBy, notice.document],
    );
    return row.id;
  }

  /** The problem's history for its 督办单: the audit rows (raised, assigned, closed …) and the thread, in time order. */
  history(manager: EntityManager, problemId: string): Promise<ProblemHistoryEntry[]> {
    return manager.query(
      `SELECT at, "actorName", action, before, after, comment FROM (
         SELECT a.at, a.actor_name AS "actorName", a.action, a.before, a.after, a.comment, a.id AS seq
         FROM audit_event a WHERE a.entity_type = 'problem' AND a.entity_id = $1::text AND a.action <> 'problem.replied'
         UNION ALL
         SELECT r.created_at, r.author_name || COALESCE('（' || u.name || '）', ''), 'problem.replied', NULL, NULL, r.text, 0
         FROM problem_reply r LEFT JOIN unit u ON u.id = r.author_unit_id WHERE r.problem_id = $1::uuid
       ) h ORDER BY at, seq`,
      [problemId],
    );
  }

  /** Active owners of the unit, the DRC's reviewers, and (for a 督办单) the district's leaders. */
  recipients(manager: EntityManager, unitId: string, withLeaders: boolean): Promise<AlertRecipient[]> {
    return manager.query(
      `SELECT ${USER} FROM app_user WHERE active AND ((role = 'owner' AND unit_id = $1) OR role = 'reviewer' OR ($2 AND role = 'leader'))
       ORDER BY username`,
      [unitId, withLeaders],
    );
  }

  /** The scope's 督办单, newest first: an owner's are those sent to their unit or about their unit's projects. */
  list(scope: UnitScope): Promise<SupervisionNoticeRow[]> {
    return this.dataSource.query(`${NOTICE} WHERE ($1::uuid IS NULL OR n.unit_id = $1 OR p.unit_id = $1) ORDER BY n.year DESC, n.sequence DESC`, [
      unitOfScope(scope),
    ]);
  }

  /**
   * The scope's 督办单 issued on the days [from, to] in `timeZone` (its APP_TIMEZONE), in number order: the digest's week,
   * the bulletin's month. The scope is the list's.
   */
  issued(scope: UnitScope, from: string, to: string, timeZone: string): Promise<SupervisionNoticeRow[]> {
    return this.dataSource.query(
      `${NOTICE} WHERE ($1::uuid IS NULL OR n.unit_id = $1 OR p.unit_id = $1) AND (n.created_at AT TIME ZONE $4::text)::date BETWEEN $2::date AND $3::date
       ORDER BY n.year, n.sequence`,
      [unitOfScope(scope), from, to, timeZone],
    );
  }

  /** One 督办单 with its document, within the scope; undefined when there is none or the scope does not reach it. */
  async document(scope: UnitScope, id: string): Promise<(SupervisionNoticeRow & { document: Buffer }) | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT * FROM (${NOTICE.replace('SELECT n.id,', 'SELECT n.document, p.unit_id AS "projectUnitId", n.id,')}) x
       WHERE x.id = $1 AND ($2::uuid IS NULL OR x."unitId" = $2 OR x."projectUnitId" = $2)`,
      [id, unitOfScope(scope)],
    );
    return row;
  }
}
