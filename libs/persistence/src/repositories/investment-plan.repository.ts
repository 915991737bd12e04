import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { managerOf, Transaction } from './transaction';
import { UnitScope, unitOfScope } from './unit-scope';

/** A project's current annual plan (年度计划) for one year; amounts in 万元 as exact decimal strings. */
export interface InvestmentPlanRow {
  projectId: string;
  year: number;
  version: number;
  plannedInvestment: string;
  originalInvestment: string;
  plannedStartMonth: number | null;
  plannedCompletionMonth: number | null;
  updatedAt: Date;
}

/** One issue of a plan: version 1 the original, later ones 中期调整 with their reason; who issued it and when. */
export interface InvestmentPlanVersionRow {
  id: string;
  projectId: string;
  year: number;
  version: number;
  plannedInvestment: string;
  plannedStartMonth: number | null;
  plannedCompletionMonth: number | null;
  reason: string | null;
  issuedBy: string | null;
  issuedByName: string | null;
  issuedAt: Date;
}

export interface PlanIssue {
  projectId: string;
  year: number;
  plannedInvestment: string;
  plannedStartMonth: number | null;
  plannedCompletionMonth: number | null;
  reason: string | null;
  issuedBy: string;
}

/** A project in scope with its plan for a year (or none), for the district's Excel template. */
export interface PlanSheetRow {
  projectId: string;
  projectName: string;
  projectCode: string | null;
  unitName: string;
  plannedInvestment: string | null;
  plannedStartMonth: number | null;
  plannedCompletionMonth: number | null;
  version: number | null;
}

const PLAN_COLUMNS = `ip.project_id AS "projectId", ip.year, ip.version, ip.planned_investment AS "plannedInvestment",
  ip.original_investment AS "originalInvestment", ip.planned_start_month AS "plannedStartMonth",
  ip.planned_completion_month AS "plannedCompletionMonth", ip.updated_at AS "updatedAt"`;

/**
 * Annual investment plans and their versions. Every issue appends a version row and sets the current plan, keeping
 * the original amount beside it, in the caller's transaction (with the project locked, so issues of one project
 * queue rather than race for the next version number).
 */
@Injectable()
export class InvestmentPlanRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async current(projectId: string, year: number, tx?: Transaction): Promise<InvestmentPlanRow | undefined> {
    const [row] = await (tx ? managerOf(tx) : this.dataSource.manager).query(
      `SELECT ${PLAN_COLUMNS} FROM investment_plan ip WHERE ip.project_id = $1 AND ip.year = $2`,
      [projectId, year],
    );
    return row;
  }

  /** The current plans of several projects for a year, by project id (the import's checks). */
  async currentOf(projectIds: readonly string[], year: number, tx?: Transaction): Promise<Map<string, InvestmentPlanRow>> {
    const rows: InvestmentPlanRow[] = await (tx ? managerOf(tx) : this.dataSource.manager).query(
      `SELECT ${PLAN_COLUMNS} FROM investment_plan ip WHERE ip.project_id = ANY($1::uuid[]) AND ip.year = $2`,
      [projectIds, year],
    );
    return new Map(rows.map((row) => [row.projectId, row]));
  }

  async versions(projectId: string, year: number): Promise<InvestmentPlanVersionRow[]> {
    return this.dataSource.query(
      `SELECT v.id, v.project_id AS "projectId", v.year, v.version, v.planned_investment AS "plannedInvestment",
              v.planned_start_month AS "plannedStartMonth", v.planned_completion_month AS "plannedCompletionMonth", v.reason,
              v.issued_by AS "issuedBy", u.display_name AS "issuedByName", v.issued_at AS "issuedAt"
       FROM investment_plan_version v LEFT JOIN app_user u ON u.id = v.issued_by
       WHERE v.project_id = $1 AND v.year = $2 ORDER BY v.version`,
      [projectId, year],
    );
  }

  /**
   * Issues the next version: appends its row and sets the current plan (the first issue's amount stays as the
   * original). The caller holds the project's lock and has checked that the values differ from the current plan.
   */
  async issue(tx: Transaction, issue: PlanIssue): Promise<InvestmentPlanRow> {
    const db = managerOf(tx);
    const [{ version }] = await db.query(
      `INSERT INTO investment_plan_version (project_id, year, version, planned_investment, planned_start_month, planned_completion_month, reason, issued_by)
       SELECT $1, $2, COALESCE(max(version), 0) + 1, $3, $4, $5, $6, $7 FROM investment_plan_version WHERE project_id = $1 AND year = $2
       RETURNING version`,
      [issue.projectId, issue.year, issue.plannedInvestment, issue.plannedStartMonth, issue.plannedCompletionMonth, issue.reason, issue.issuedBy],
    );
    const [row] = await db.query(
      `INSERT INTO investment_plan AS ip (project_id, year, version, planned_investment, original_investment, planned_start_month, planned_completion_month)
       VALUES ($1, $2, $3, $4, $4, $5, $6)
       ON CONFLICT (project_id, year) DO UPDATE SET version = EXCLUDED.version, planned_investment = EXCLUDED.planned_investment,
         planned_start_month = EXCLUDED.planned_start_month, planned_completion_month = EXCLUDED.planned_completion_month, updated_at = now()
       RETURNING ${PLAN_COLUMNS}`,
      [issue.projectId, issue.year, version, issue.plannedInvestment, issue.plannedStartMonth, issue.plannedCompletionMonth],
    );
    return row;
  }

  /** Every project within `scope`, in plan order, with its plan for `year` where there is one. */
  async sheet(scope: UnitScope, year: number): Promise<PlanSheetRow[]> {
    return this.dataSource.query(
      `SELECT p.id AS "projectId", p.name AS "projectName", p.project_code AS "projectCode", u.name AS "unitName",
              ip.planned_investment AS "plannedInvestment", ip.planned_start_month AS "plannedStartMonth",
              ip.planned_completion_month AS "plannedCompletionMonth", ip.version
       FROM project p JOIN unit u ON u.id = p.unit_id
       LEFT JOIN investment_plan ip ON ip.project_id = p.id AND ip.year = $2
       WHERE ($1::uuid IS NULL OR p.unit_id = $1)
       ORDER BY p.plan_order, p.id`,
      [unitOfScope(scope), year],
    );
  }
}
