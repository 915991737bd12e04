import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { overdueProblemSql, problemAgeBucketSql, problemInUnitSql, problemOverdueDaysSql } from '../rules.sql';
import { attachedFilesSql, FileRef } from './file.repository';
import { lockProjectRefs, ProjectRef } from './project-locks';
import { managerOf, Transaction } from './transaction';
import { UnitScope, unitOfScope } from './unit-scope';
import { updateReturning } from './update-returning';

/** A problem's own columns, as a write reads and locks them. */
export interface ProblemState {
  id: string;
  projectId: string;
  title: string;
  category: string;
  neededBy: string;
  status: string;
  assignedUnitId: string | null;
  dueDate: string | null;
  closeNote: string | null;
  version: number;
}

/** A problem as the API answers it: with its project's name and code, the units' and people's names, its overdue days. */
export interface ProblemRow extends ProblemState {
  description: string;
  projectName: string;
  projectCode: string | null;
  projectUnitId: string;
  projectUnitName: string;
  assignedUnitName: string | null;
  /** By the SQL twin of the rule; the API answers the domain's (they agree). */
  overdueDays: number;
  raisedBy: string | null;
  raisedByName: string | null;
  assignedAt: Date | null;
  assignedByName: string | null;
  closedAt: Date | null;
  closedByName: string | null;
  createdAt: Date;
  updatedAt: Date;
  replyCount: number;
}

/** One problem as its page shows it: with the files attached to it (not to its replies). */
export interface ProblemDetailRow extends ProblemRow {
  files: FileRef[];
}

export interface ProblemReplyRow {
  id: string;
  problemId: string;
  authorId: string | null;
  authorName: string;
  authorUnitId: string | null;
  authorUnitName: string | null;
  text: string;
  createdAt: Date;
  files: FileRef[];
}

export interface NewProblem {
  projectId: string;
  title: string;
  description: string;
  category: string;
  neededBy: string;
  raisedBy: string;
}

/** Open (not closed) problems counted by category and age bucket: one row per pair that has any. */
export interface ProblemSummaryRow {
  category: string;
  bucket: string;
  open: number;
  overdue: number;
}

export interface ProblemFilter {
  status?: string;
  category?: string;
  /** The unit the problem is assigned to (交办单位). */
  unitId?: string;
  projectId?: string;
  /** true: only overdue ones; false: only those not overdue. */
  overdue?: boolean;
}

const STATE = `pr.id, pr.project_id AS "projectId", pr.title, pr.category, pr.needed_by::text AS "neededBy", pr.status,
  pr.assigned_unit_id AS "assignedUnitId", pr.due_date::text AS "dueDate", pr.close_note AS "closeNote", pr.version`;

/** `$1` is today (a date). */
const COLUMNS = `${STATE}, pr.description, p.name AS "projectName", p.project_code AS "projectCode", p.unit_id AS "projectUnitId",
    pu.name AS "projectUnitName", au.name AS "assignedUnitName",
    CASE WHEN ${overdueProblemSql('pr', '$1::date')} THEN ${problemOverdueDaysSql('pr', '$1::date')} ELSE 0 END AS "overdueDays",
    pr.raised_by AS "raisedBy", ru.display_name AS "raisedByName", pr.assigned_at AS "assignedAt", asg.display_name AS "assignedByName",
    pr.closed_at AS "closedAt", cu.display_name AS "closedByName", pr.created_at AS "createdAt", pr.updated_at AS "updatedAt",
    (SELECT count(*)::int FROM problem_reply r WHERE r.problem_id = pr.id) AS "replyCount"`;

const FROM = `FROM problem pr
  JOIN project p ON p.id = pr.project_id
  JOIN unit pu ON pu.id = p.unit_id
  LEFT JOIN unit au ON au.id = pr.assigned_unit_id
  LEFT JOIN app_user ru ON ru.id = pr.raised_by
  LEFT JOIN app_user asg ON asg.id = pr.assigned_by
  LEFT JOIN app_user cu ON cu.id = pr.closed_by`;

const VIEW = `SELECT ${COLUMNS} ${FROM}`;

/**
 * The problem list (问题清单) and its threads. A user's reads are scoped: an owner sees the problems of their unit's
 * projects and those assigned to their unit — nothing else of another unit's project but its name and code.
 */
@Injectable()
export class ProblemRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  lockProject(tx: Transaction, projectId: string): Promise<ProjectRef | undefined> {
    return lockProjectRefs(tx, [projectId]).then((projects) => projects.get(projectId));
  }

  async insert(tx: Transaction, problem: NewProblem): Promise<ProblemState> {
    const [row] = await managerOf(tx).query(
      `INSERT INTO problem AS pr (project_id, title, description, category, needed_by, raised_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${STATE}`,
      [problem.projectId, problem.title, problem.description, problem.category, problem.neededBy, problem.raisedBy],
    );
    return row;
  }

  /** The problem, locked for the change under way; undefined when there is none. */
  async lock(tx: Transaction, id: string): Promise<ProblemState | undefined> {
    const [row] = await managerOf(tx).query(`SELECT ${STATE} FROM problem pr WHERE pr.id = $1 FOR UPDATE`, [id]);
    return row;
  }

  async assign(tx: Transaction, id: string, unitId: string, dueDate: string, userId: string): Promise<ProblemState> {
    return this.update(tx, `status = 'assigned', assigned_unit_id = $2, due_date = $3, assigned_at = now(), assigned_by = $4`, [id, unitId, dueDate, userId]);
  }

  async close(tx: Transaction, id: string, note: string, userId: string): Promise<ProblemState> {
    return this.update(tx, `status = 'closed', closed_at = now(), closed_by = $2, close_note = $3`, [id, userId, note]);
  }

  async reopen(tx: Transaction, id: string, status: string): Promise<ProblemState> {
    return this.update(tx, `status = $2, closed_at = NULL, closed_by = NULL, close_note = NULL`, [id, status]);
  }

  async addReply(
    tx: Transaction,
    reply: { problemId: string; authorId: string; authorName: string; authorUnitId: string | null; text: string },
  ): Promise<{ id: string; createdAt: Date }> {
    const [row] = await managerOf(tx).query(
      `INSERT INTO problem_reply (problem_id, author_id, author_name, author_unit_id, text) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, created_at AS "createdAt"`,
      [reply.problemId, reply.authorId, reply.authorName, reply.authorUnitId, reply.text],
    );
    await managerOf(tx).query(`UPDATE problem SET updated_at = now() WHERE id = $1`, [reply.problemId]);
    return row;
  }

  /** A unit by id (to assign to), or undefined. */
  async unit(unitId: string): Promise<{ id: string; name: string; active: boolean } | undefined> {
    const [row] = await this.dataSource.query(`SELECT id, name, active FROM unit WHERE id = $1`, [unitId]);
    return row;
  }

  /** One problem within the scope, with its files (undefined when there is none, or the scope may not see it). */
  async find(scope: UnitScope, id: string, today: string): Promise<ProblemDetailRow | undefined> {
    const unitId = unitOfScope(scope);
    const [row] = await this.dataSource.query(
      `SELECT ${COLUMNS}, ${attachedFilesSql('problem', 'pr.id::text', 'pr.project_id')} AS files ${FROM}
       WHERE pr.id = $2 AND ($3::uuid IS NULL OR ${problemInUnitSql('pr', 'p', '$3')})`,
      [today, id, unitId],
    );
    return row;
  }

  /** The scope's problems matching the filter: overdue ones first (most days first), then the newest. */
  async list(scope: UnitScope, filter: ProblemFilter, today: string): Promise<ProblemRow[]> {
    const unitId = unitOfScope(scope);
    return this.dataSource.query(
      `${VIEW}
       WHERE ($2::uuid IS NULL OR ${problemInUnitSql('pr', 'p', '$2')})
         AND ($3::text IS NULL OR pr.status = $3)
         AND ($4::uuid IS NULL OR pr.assigned_unit_id = $4)
         AND ($5::uuid IS NULL OR pr.project_id = $5)
         AND ($6::boolean IS NULL OR ${overdueProblemSql('pr', '$1::date')} IS NOT DISTINCT FROM $6)
         AND ($7::text IS NULL OR pr.category = $7)
       ORDER BY "overdueDays" DESC, pr.created_at DESC, pr.id`,
      [today, unitId, filter.status ?? null, filter.unitId ?? null, filter.projectId ?? null, filter.overdue ?? null, filter.category ?? null],
    );
  }

  /** The scope's open (not closed) problems counted by category and age bucket (days since raised, in `timeZone`), and the overdue among them. */
  summary(scope: UnitScope, today: string, timeZone: string): Promise<ProblemSummaryRow[]> {
    return this.dataSource.query(
      `SELECT pr.category, ${problemAgeBucketSql('pr', '$1::date', '$3::text')} AS bucket, count(*)::int AS open,
              count(*) FILTER (WHERE ${overdueProblemSql('pr', '$1::date')})::int AS overdue
       FROM problem pr JOIN project p ON p.id = pr.project_id
       WHERE pr.status <> 'closed' AND ($2::uuid IS NULL OR ${problemInUnitSql('pr', 'p', '$2')})
       GROUP BY 1, 2`,
      [today, unitOfScope(scope), timeZone],
    );
  }

  /** A problem's thread, oldest first, each reply with its files. */
  replies(problemId: string): Promise<ProblemReplyRow[]> {
    return this.dataSource.query(
      `SELECT r.id, r.problem_id AS "problemId", r.author_id AS "authorId", r.author_name AS "authorName", r.author_unit_id AS "authorUnitId",
              u.name AS "authorUnitName", r.text, r.created_at AS "createdAt", ${attachedFilesSql('problem_reply', 'r.id::text', 'pr.project_id')} AS files
       FROM problem_reply r JOIN problem pr ON pr.id = r.problem_id LEFT JOIN unit u ON u.id = r.author_unit_id
       WHERE r.problem_id = $1 ORDER BY r.created_at, r.id`,
      [problemId],
    );
  }

  private async update(tx: Transaction, set: string, params: unknown[]): Promise<ProblemState> {
    return (await updateReturning<ProblemState>(
      managerOf(tx),
      `UPDATE problem pr SET ${set}, version = version + 1, updated_at = now() WHERE pr.id = $1 RETURNING ${STATE}`,
      params,
    )) as ProblemState;
  }
}
