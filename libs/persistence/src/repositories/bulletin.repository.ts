import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { managerOf, Transaction } from './transaction';

export type BulletinStatus = 'generating' | 'draft' | 'published' | 'failed';

/** A bulletin as listed and shown: everything but its files and figures. */
export interface BulletinRow {
  id: string;
  month: string;
  status: BulletinStatus;
  failureReason: string | null;
  version: number;
  requestedBy: string | null;
  requestedByName: string | null;
  createdAt: Date;
  generatedAt: Date | null;
  publishedAt: Date | null;
  publishedBy: string | null;
  publishedByName: string | null;
}

/** What a generation gathered and rendered, written at once. */
export interface GeneratedBulletin {
  document: Buffer;
  annex: Buffer;
  figures: object;
}

/** A late or missing monthly report of the month, for a project with a plan for its year. */
export interface LateReportFact {
  name: string;
  unit: string;
  /** The submission's date in the time zone given, or null while no report of the month is submitted. */
  submittedOn: string | null;
}

export interface PlanAdjustmentFact {
  name: string;
  unit: string;
  originalInvestment: string;
  plannedInvestment: string;
  reason: string | null;
}

const COLUMNS = `b.id, b.month, b.status, b.failure_reason AS "failureReason", b.version, b.requested_by AS "requestedBy",
  ru.display_name AS "requestedByName", b.created_at AS "createdAt", b.generated_at AS "generatedAt", b.published_at AS "publishedAt",
  b.published_by AS "publishedBy", pu.display_name AS "publishedByName"`;
const FROM = `bulletin b LEFT JOIN app_user ru ON ru.id = b.requested_by LEFT JOIN app_user pu ON pu.id = b.published_by`;

/**
 * Bulletins (调度通报), one row per month, and the facts a bulletin lists beyond the investment summary (late
 * reports, plan adjustments, projects per stage). Writes go through the caller's transaction where a use case needs
 * one; the worker's write of a generation is one statement guarded by the version it was asked for.
 */
@Injectable()
export class BulletinRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Serialises every write of one month's bulletin (request, publish) and the reports' lock check against publishing. */
  async lockMonth(tx: Transaction, month: string): Promise<void> {
    await managerOf(tx).query(`SELECT pg_advisory_xact_lock(hashtext('bulletin'), hashtext($1))`, [month]);
  }

  /** A month's report writes hold this shared: they run side by side, but never across the publication of the month's bulletin. */
  async holdMonthsOpen(tx: Transaction, months: readonly string[]): Promise<void> {
    for (const month of [...new Set(months)].sort()) {
      await managerOf(tx).query(`SELECT pg_advisory_xact_lock_shared(hashtext('bulletin'), hashtext($1))`, [month]);
    }
  }

  async find(id: string, tx?: Transaction): Promise<BulletinRow | undefined> {
    const [row] = await (tx ? managerOf(tx) : this.dataSource.manager).query(`SELECT ${COLUMNS} FROM ${FROM} WHERE b.id = $1`, [id]);
    return row;
  }

  async findByMonth(tx: Transaction, month: string): Promise<BulletinRow | undefined> {
    const [row] = await managerOf(tx).query(`SELECT ${COLUMNS} FROM ${FROM} WHERE b.month = $1`, [month]);
    return row;
  }

  /** Newest month first; `publishedOnly` for readers who see published bulletins only. */
  async list(publishedOnly: boolean): Promise<BulletinRow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE NOT $1::boolean OR b.status = 'published' ORDER BY b.month DESC`, [publishedOnly]);
  }

  /**
   * Asks for a generation of the month: a new row, or the month's unpublished one reset to `generating` with its
   * files, figures and failure cleared and its version raised (the draft it replaces is gone at once). The caller has
   * locked the month and checked it is not published.
   */
  async request(tx: Transaction, month: string, requestedBy: string): Promise<{ id: string; version: number }> {
    const [row] = await managerOf(tx).query(
      `INSERT INTO bulletin AS b (month, status, requested_by) VALUES ($1, 'generating', $2)
       ON CONFLICT (month) DO UPDATE SET status = 'generating', requested_by = EXCLUDED.requested_by, version = b.version + 1,
         failure_reason = NULL, document = NULL, annex = NULL, figures = NULL, generated_at = NULL
       WHERE b.status <> 'published'
       RETURNING id, version`,
      [month, requestedBy],
    );
    if (!row) throw new Error(`bulletin of ${month} is published`);
    return row;
  }

  /** The bulletin at generation `version` (status generating, or draft once written), or undefined when superseded. */
  async generation(id: string, version: number): Promise<{ month: string; status: BulletinStatus; requestedByName: string | null } | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT b.month, b.status, u.display_name AS "requestedByName" FROM bulletin b LEFT JOIN app_user u ON u.id = b.requested_by
       WHERE b.id = $1 AND b.version = $2 AND b.status IN ('generating', 'draft')`,
      [id, version],
    );
    return row;
  }

  /** Files, figures and status `draft` in one statement; false when the generation was superseded or is done already. */
  async saveGenerated(id: string, version: number, generated: GeneratedBulletin): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE bulletin SET status = 'draft', document = $3, annex = $4, figures = $5::jsonb, generated_at = now(), failure_reason = NULL
       WHERE id = $1 AND version = $2 AND status = 'generating' RETURNING id`,
      [id, version, generated.document, generated.annex, JSON.stringify(generated.figures)],
    );
    return rows.length > 0;
  }

  /** After the last attempt: `failed` with the reason (only if that generation is still the current one). */
  async markFailed(id: string, version: number, reason: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE bulletin SET status = 'failed', failure_reason = $3 WHERE id = $1 AND version = $2 AND status = 'generating' RETURNING id`,
      [id, version, reason.slice(0, 2000)],
    );
    return rows.length > 0;
  }

  /** Publishes the draft (the caller has locked the month and checked the status). */
  async publish(tx: Transaction, id: string, publishedBy: string): Promise<void> {
    await managerOf(tx).query(`UPDATE bulletin SET status = 'published', published_at = now(), published_by = $2 WHERE id = $1 AND status = 'draft'`, [
      id,
      publishedBy,
    ]);
  }

  /** One file of a bulletin with its status and month, or undefined (no such bulletin, or no file yet). */
  async file(id: string, which: 'document' | 'annex'): Promise<{ month: string; status: BulletinStatus; content: Buffer | null } | undefined> {
    const [row] = await this.dataSource.query(`SELECT month, status, ${which === 'document' ? 'document' : 'annex'} AS content FROM bulletin WHERE id = $1`, [
      id,
    ]);
    return row;
  }

  async figures(id: string): Promise<object | null> {
    const [row] = await this.dataSource.query(`SELECT figures FROM bulletin WHERE id = $1`, [id]);
    return (row?.figures as object | undefined) ?? null;
  }

  /** The published bulletins of these months (the month lock), read in the caller's transaction when given. */
  async publishedOf(months: readonly string[], tx?: Transaction): Promise<Array<{ id: string; month: string }>> {
    if (!months.length) return [];
    return (tx ? managerOf(tx) : this.dataSource.manager).query(
      `SELECT id, month FROM bulletin WHERE month = ANY($1::text[]) AND status = 'published' ORDER BY month`,
      [months],
    );
  }

  // The facts a bulletin lists beside the summary.

  /**
   * Projects with a plan for the month's year whose report of the month came in late (`monthly_report.late`) or has not
   * been submitted (none, a draft, or returned), in plan order.
   */
  async lateReports(month: string, timeZone: string): Promise<LateReportFact[]> {
    return this.dataSource.query(
      `SELECT p.name, u.name AS unit,
              CASE WHEN r.status = 'submitted' THEN (r.submitted_at AT TIME ZONE $2)::date::text END AS "submittedOn"
       FROM investment_plan ip JOIN project p ON p.id = ip.project_id JOIN unit u ON u.id = p.unit_id
       LEFT JOIN monthly_report r ON r.project_id = p.id AND r.month = $1
       WHERE ip.year = $3 AND (r.project_id IS NULL OR r.status <> 'submitted' OR r.late)
       ORDER BY (r.status = 'submitted') IS TRUE DESC, p.plan_order`,
      [month, timeZone, Number(month.slice(0, 4))],
    );
  }

  /** Plans of the year adjusted after their first issue (中期调整): version > 1, with the latest version's reason. */
  async adjustments(year: number): Promise<PlanAdjustmentFact[]> {
    return this.dataSource.query(
      `SELECT p.name, u.name AS unit, ip.original_investment::text AS "originalInvestment", ip.planned_investment::text AS "plannedInvestment",
              (SELECT v.reason FROM investment_plan_version v WHERE v.project_id = ip.project_id AND v.year = ip.year ORDER BY v.version DESC LIMIT 1) AS reason
       FROM investment_plan ip JOIN project p ON p.id = ip.project_id JOIN unit u ON u.id = p.unit_id
       WHERE ip.year = $1 AND ip.version > 1 ORDER BY p.plan_order`,
      [year],
    );
  }

  /**
   * Key projects still in preparation (stage study, 前期) and under construction (stage start, 在建), as they stand when
   * the bulletin is generated; and the 总投资 of the projects with a plan for the year that state it.
   */
  async stageCounts(year: number): Promise<{ inPreparation: number; underConstruction: number; totalInvestment: string }> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM project WHERE stage = 'study') AS "inPreparation",
              (SELECT count(*)::int FROM project WHERE stage = 'start') AS "underConstruction",
              (SELECT COALESCE(sum(p.total_investment), 0)::numeric(20, 2)::text FROM investment_plan ip JOIN project p ON p.id = ip.project_id
               WHERE ip.year = $1) AS "totalInvestment"`,
      [year],
    );
    return row;
  }
}
