import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ReportReminderLevel } from '../entities/report-reminder.entity';
import { expectsReportSql, submittedReportSql } from '../investment.sql';

/** A project noticed now for a month not reported, with what the messages need to say. */
export interface RaisedReportReminder {
  id: string;
  level: ReportReminderLevel;
  month: string;
  projectId: string;
  projectName: string;
  unitId: string;
  unitName: string;
  /** The report's state: null when none was saved, else draft or returned (submitted ones are reported). */
  status: 'draft' | 'returned' | null;
}

/** A project of a unit for a month that is not reported on time: missing (not submitted yet) or submitted late. */
export interface ReportGap {
  projectId: string;
  projectName: string;
  unitId: string;
  unitName: string;
  /** missing: not submitted (none, draft or returned); late: submitted after the due day. */
  gap: 'missing' | 'late';
}

/**
 * Monthly reports not submitted in time (月报催报). Raising is INSERT … ON CONFLICT DO NOTHING on the unique
 * (project, month, level): only the rows inserted now come back, so a scan run twice, by two workers at once or
 * retried after a crash notices each project once. Callers pass their transaction, so the rows, their
 * notifications and their mail commit together.
 */
@Injectable()
export class ReportReminderRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Every project expected to report `month` (see `expectsReport`) whose report is not submitted, noticed at `level` if not yet. */
  async raise(manager: EntityManager, month: string, level: ReportReminderLevel): Promise<RaisedReportReminder[]> {
    return manager.query(
      `WITH a AS (
         INSERT INTO report_reminder (project_id, month, level, unit_id)
         SELECT p.id, $1, $2, p.unit_id FROM project p
         WHERE ${expectsReportSql('p', '$3::int')}
           AND NOT EXISTS (SELECT 1 FROM monthly_report r WHERE r.project_id = p.id AND r.month = $1 AND ${submittedReportSql('r')})
         ON CONFLICT DO NOTHING
         RETURNING id, project_id, unit_id
       )
       SELECT a.id::text, $2::text AS level, $1::text AS month, p.id AS "projectId", p.name AS "projectName", u.id AS "unitId", u.name AS "unitName",
              r.status
       FROM a JOIN project p ON p.id = a.project_id JOIN unit u ON u.id = a.unit_id
       LEFT JOIN monthly_report r ON r.project_id = p.id AND r.month = $1
       ORDER BY u.name, p.plan_order, p.id`,
      [month, level, Number(month.slice(0, 4))],
    );
  }

  /** The projects expected to report `month` that did not report on time (of one unit, or all), by unit and plan order. */
  async gaps(month: string, unitId: string | null): Promise<ReportGap[]> {
    return this.dataSource.query(
      `SELECT p.id AS "projectId", p.name AS "projectName", u.id AS "unitId", u.name AS "unitName",
              CASE WHEN r.status = 'submitted' THEN 'late' ELSE 'missing' END AS gap
       FROM project p JOIN unit u ON u.id = p.unit_id
       LEFT JOIN monthly_report r ON r.project_id = p.id AND r.month = $1
       WHERE ${expectsReportSql('p', '$2::int')} AND ($3::uuid IS NULL OR p.unit_id = $3::uuid)
         AND (r.project_id IS NULL OR NOT ${submittedReportSql('r')} OR r.late)
       ORDER BY u.name, p.plan_order, p.id`,
      [month, Number(month.slice(0, 4)), unitId],
    );
  }
}
