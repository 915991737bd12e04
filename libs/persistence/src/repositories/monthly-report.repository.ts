import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { managerOf, Transaction } from './transaction';
import { attachedFilesSql, FileRef } from './file.repository';
import { UnitScope, unitOfScope } from './unit-scope';

export type MonthlyReportStatus = 'draft' | 'submitted' | 'returned';

/** A project's monthly report (月报); `completedInvestment` in 万元 as an exact decimal string. */
export interface MonthlyReportRow {
  projectId: string;
  month: string;
  year: number;
  completedInvestment: string;
  progress: string;
  problems: string;
  status: MonthlyReportStatus;
  late: boolean;
  submittedAt: Date | null;
  submittedBy: string | null;
  submittedByName: string | null;
  returnedAt: Date | null;
  returnedBy: string | null;
  returnedByName: string | null;
  returnComment: string | null;
  version: number;
  updatedBy: string | null;
  updatedAt: Date;
  /** Photos of the month's progress (形象进度) and other files attached. */
  files: FileRef[];
}

export interface MonthlyReportContent {
  completedInvestment: string;
  progress: string;
  problems: string;
}

/** A project in scope with its report for one month, or null (the console's one-grid fill and the Excel template). */
export interface MonthlyReportGridRow {
  projectId: string;
  projectName: string;
  projectCode: string | null;
  unitId: string;
  unitName: string;
  report: MonthlyReportRow | null;
}

const REPORT_FILES = attachedFilesSql('monthly_report', 'r.month', 'r.project_id');
const REPORT_COLUMNS = `r.project_id AS "projectId", r.month, r.year, r.completed_investment AS "completedInvestment", r.progress, r.problems,
  r.status, r.late, r.submitted_at AS "submittedAt", r.submitted_by AS "submittedBy", su.display_name AS "submittedByName",
  r.returned_at AS "returnedAt", r.returned_by AS "returnedBy", ru.display_name AS "returnedByName", r.return_comment AS "returnComment",
  r.version, r.updated_by AS "updatedBy", r.updated_at AS "updatedAt", ${REPORT_FILES} AS files`;
const REPORT_JOINS = `LEFT JOIN app_user su ON su.id = r.submitted_by LEFT JOIN app_user ru ON ru.id = r.returned_by`;

/**
 * Monthly reports: drafts saved, submitted, returned — each write in the caller's transaction, the project locked
 * first (so a report's writes queue per project, and a batch takes its projects in id order).
 */
@Injectable()
export class MonthlyReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(projectId: string, month: string, tx?: Transaction): Promise<MonthlyReportRow | undefined> {
    const [row] = await (tx ? managerOf(tx) : this.dataSource.manager).query(
      `SELECT ${REPORT_COLUMNS} FROM monthly_report r ${REPORT_JOINS} WHERE r.project_id = $1 AND r.month = $2`,
      [projectId, month],
    );
    return row;
  }

  /** Reports of several projects for one month, by project id. */
  async findMany(projectIds: readonly string[], month: string, tx?: Transaction): Promise<Map<string, MonthlyReportRow>> {
    const rows: MonthlyReportRow[] = await (tx ? managerOf(tx) : this.dataSource.manager).query(
      `SELECT ${REPORT_COLUMNS} FROM monthly_report r ${REPORT_JOINS} WHERE r.project_id = ANY($1::uuid[]) AND r.month = $2`,
      [projectIds, month],
    );
    return new Map(rows.map((row) => [row.projectId, row]));
  }

  async ofYear(projectId: string, year: number): Promise<MonthlyReportRow[]> {
    return this.dataSource.query(`SELECT ${REPORT_COLUMNS} FROM monthly_report r ${REPORT_JOINS} WHERE r.project_id = $1 AND r.year = $2 ORDER BY r.month`, [
      projectId,
      year,
    ]);
  }

  /** Saves the content: a new draft, or the draft (or returned report) with its version bumped; the status stays. */
  async save(tx: Transaction, projectId: string, month: string, content: MonthlyReportContent, actorId: string): Promise<MonthlyReportRow> {
    const db = managerOf(tx);
    await db.query(
      `INSERT INTO monthly_report AS r (project_id, month, year, completed_investment, progress, problems, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (project_id, month) DO UPDATE SET completed_investment = EXCLUDED.completed_investment, progress = EXCLUDED.progress,
         problems = EXCLUDED.problems, updated_by = EXCLUDED.updated_by, version = r.version + 1, updated_at = now()`,
      [projectId, month, Number(month.slice(0, 4)), content.completedInvestment, content.progress, content.problems, actorId],
    );
    return (await this.find(projectId, month, tx)) as MonthlyReportRow;
  }

  async submit(tx: Transaction, projectId: string, month: string, late: boolean, actorId: string): Promise<MonthlyReportRow> {
    await managerOf(tx).query(
      `UPDATE monthly_report SET status = 'submitted', late = $3, submitted_at = now(), submitted_by = $4, updated_by = $4,
              version = version + 1, updated_at = now()
       WHERE project_id = $1 AND month = $2`,
      [projectId, month, late, actorId],
    );
    return (await this.find(projectId, month, tx)) as MonthlyReportRow;
  }

  async markReturned(tx: Transaction, projectId: string, month: string, comment: string, actorId: string): Promise<MonthlyReportRow> {
    await managerOf(tx).query(
      `UPDATE monthly_report SET status = 'returned', returned_at = now(), returned_by = $4, return_comment = $3, updated_by = $4,
              version = version + 1, updated_at = now()
       WHERE project_id = $1 AND month = $2`,
      [projectId, month, comment, actorId],
    );
    return (await this.find(projectId, month, tx)) as MonthlyReportRow;
  }

  /** Every project within `scope`, in plan order, with its report for `month` or null. */
  async grid(scope: UnitScope, month: string): Promise<MonthlyReportGridRow[]> {
    const rows: Array<Omit<MonthlyReportGridRow, 'report'> & { report: MonthlyReportRow | null }> = await this.dataSource.query(
      `SELECT p.id AS "projectId", p.name AS "projectName", p.project_code AS "projectCode", p.unit_id AS "unitId", u.name AS "unitName",
              CASE WHEN r.project_id IS NULL THEN NULL ELSE json_build_object(
                'projectId', r.project_id, 'month', r.month, 'year', r.year, 'completedInvestment', r.completed_investment::text,
                'progress', r.progress, 'problems', r.problems, 'status', r.status, 'late', r.late, 'submittedAt', r.submitted_at,
                'submittedBy', r.submitted_by, 'submittedByName', su.display_name, 'returnedAt', r.returned_at, 'returnedBy', r.returned_by,
                'returnedByName', ru.display_name, 'returnComment', r.return_comment, 'version', r.version, 'updatedBy', r.updated_by,
                'updatedAt', r.updated_at, 'files', ${REPORT_FILES}) END AS report
       FROM project p JOIN unit u ON u.id = p.unit_id
       LEFT JOIN monthly_report r ON r.project_id = p.id AND r.month = $2
       ${REPORT_JOINS}
       WHERE ($1::uuid IS NULL OR p.unit_id = $1)
       ORDER BY p.plan_order, p.id`,
      [unitOfScope(scope), month],
    );
    return rows;
  }
}
