import type { Client } from 'pg';

/**
 * Test-side factories for the investment figures: plans, monthly reports, starts, completions and registrations
 * written straight into the suite's schema (the entry routes are another room's; these tests own their data).
 */

export interface PlanSeed {
  planned: string;
  /** v1's amount; defaults to `planned`. */
  original?: string;
  version?: number;
  plannedStartMonth?: number | null;
  plannedCompletionMonth?: number | null;
}

/** The project's current plan for the year, and its versions (1..version). */
export async function seedPlan(db: Client, projectId: string, year: number, plan: PlanSeed): Promise<void> {
  const version = plan.version ?? 1;
  const original = plan.original ?? plan.planned;
  await db.query(
    `INSERT INTO investment_plan (project_id, year, version, planned_investment, original_investment, planned_start_month, planned_completion_month)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (project_id, year) DO UPDATE SET version = EXCLUDED.version, planned_investment = EXCLUDED.planned_investment,
       original_investment = EXCLUDED.original_investment, planned_start_month = EXCLUDED.planned_start_month,
       planned_completion_month = EXCLUDED.planned_completion_month`,
    [projectId, year, version, plan.planned, original, plan.plannedStartMonth ?? null, plan.plannedCompletionMonth ?? null],
  );
  for (let v = 1; v <= version; v++) {
    await db.query(
      `INSERT INTO investment_plan_version (project_id, year, version, planned_investment, planned_start_month, planned_completion_month, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (project_id, year, version) DO NOTHING`,
      [
        projectId,
        year,
        v,
        v === version ? plan.planned : original,
        plan.plannedStartMonth ?? null,
        plan.plannedCompletionMonth ?? null,
        v === 1 ? null : '中期调整',
      ],
    );
  }
}

/** Monthly reports: `amounts[i]` for month i+1 of the year (null: no report that month). */
export async function seedReports(db: Client, projectId: string, year: number, amounts: Array<string | null>, status = 'submitted'): Promise<void> {
  for (const [index, amount] of amounts.entries()) {
    if (amount === null) continue;
    await seedReport(db, projectId, `${year}-${String(index + 1).padStart(2, '0')}`, amount, status);
  }
}

export async function seedReport(db: Client, projectId: string, month: string, amount: string, status = 'submitted'): Promise<void> {
  await db.query(
    `INSERT INTO monthly_report (project_id, month, year, completed_investment, status, submitted_at)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 = 'draft' THEN NULL ELSE now() END)
     ON CONFLICT (project_id, month) DO UPDATE SET completed_investment = EXCLUDED.completed_investment, status = EXCLUDED.status`,
    [projectId, month, Number(month.slice(0, 4)), amount, status],
  );
}

/** Marks a milestone done on `date` (created if the project has none of that code). */
export async function markMilestoneDone(db: Client, projectId: string, code: string, date: string): Promise<void> {
  await db.query(
    `INSERT INTO milestone (project_id, code, name, stage, sort_order, status, actual_date)
     VALUES ($1, $2, $2, 'start', 50, 'done', $3)
     ON CONFLICT (project_id, code) DO UPDATE SET status = 'done', actual_date = EXCLUDED.actual_date`,
    [projectId, code, date],
  );
}

/** The project started (开工) on `date`: stage start, its 开工 milestone done on that day. */
export async function markStarted(db: Client, projectId: string, date: string): Promise<void> {
  await db.query(`UPDATE project SET stage = 'start', previous_stage = NULL WHERE id = $1`, [projectId]);
  await markMilestoneDone(db, projectId, 'groundbreaking', date);
}

/** The project was completed (竣工) on `date`: stage complete, 竣工验收 done on that day. */
export async function markCompleted(db: Client, projectId: string, startedOn: string, date: string): Promise<void> {
  await markStarted(db, projectId, startedOn);
  await db.query(`UPDATE project SET stage = 'complete' WHERE id = $1`, [projectId]);
  await markMilestoneDone(db, projectId, 'acceptance', date);
}

export async function markRegistered(db: Client, projectId: string, date: string | null): Promise<void> {
  await db.query(`UPDATE project SET statistics_registered_on = $2 WHERE id = $1`, [projectId, date]);
}

/** Projects of a unit (by code), in plan order, reset to study with no plan, report, start or registration. */
export async function freshProjectsOf(db: Client, unitCode: string, count: number): Promise<string[]> {
  const { rows } = await db.query(`SELECT p.id FROM project p JOIN unit u ON u.id = p.unit_id WHERE u.code = $1 ORDER BY p.plan_order LIMIT $2`, [
    unitCode,
    count,
  ]);
  if (rows.length < count) throw new Error(`unit ${unitCode} has ${rows.length} projects, ${count} wanted`);
  const ids = rows.map((row) => row.id as string);
  await db.query(`DELETE FROM investment_plan WHERE project_id = ANY($1::uuid[])`, [ids]);
  await db.query(`DELETE FROM investment_plan_version WHERE project_id = ANY($1::uuid[])`, [ids]);
  await db.query(`DELETE FROM monthly_report WHERE project_id = ANY($1::uuid[])`, [ids]);
  await db.query(
    `UPDATE milestone SET status = 'pending', actual_date = NULL WHERE project_id = ANY($1::uuid[]) AND code IN ('groundbreaking', 'acceptance', 'in_service')`,
    [ids],
  );
  await db.query(`UPDATE project SET stage = 'study', previous_stage = NULL, statistics_registered_on = NULL WHERE id = ANY($1::uuid[])`, [ids]);
  return ids;
}
