import type { Client } from 'pg';

/**
 * A problem (问题清单) at known instants, written as the service leaves it: raised at `raisedAt`, assigned to `unitId`
 * with `dueDate` when given, closed (销号) at `closedAt` when given. Instants carry their offset (…+08:00).
 */
export async function seedProblem(
  db: Client,
  problem: { projectId: string; title: string; category: string; raisedAt: string; unitId?: string; dueDate?: string; closedAt?: string },
): Promise<string> {
  const status = problem.closedAt ? 'closed' : problem.unitId ? 'assigned' : 'open';
  const { rows } = await db.query(
    `INSERT INTO problem (project_id, title, description, category, needed_by, status, assigned_unit_id, due_date, assigned_at, closed_at, close_note,
                          created_at, updated_at)
     VALUES ($1, $2, '测试问题', $3, ($4::timestamptz AT TIME ZONE 'Asia/Shanghai')::date + 30, $5, $6, $7, CASE WHEN $6::uuid IS NOT NULL THEN $4::timestamptz END,
             $8::timestamptz, CASE WHEN $8::timestamptz IS NOT NULL THEN '已解决' END, $4::timestamptz, $4::timestamptz)
     RETURNING id`,
    [problem.projectId, problem.title, problem.category, problem.raisedAt, status, problem.unitId ?? null, problem.dueDate ?? null, problem.closedAt ?? null],
  );
  return rows[0].id;
}

/** A 督办单 issued at `issuedAt` to `unitId` about the problem, numbered 督办〔year〕sequence号, with its escalation. */
export async function seedNotice(
  db: Client,
  notice: { problemId: string; unitId: string; year: number; sequence: number; dueDate: string; replyBy: string; issuedAt: string },
): Promise<void> {
  const { rows } = await db.query(
    `INSERT INTO problem_escalation (problem_id, level, due_date, unit_id, created_at) VALUES ($1, 'supervision', $2, $3, $4) RETURNING id`,
    [notice.problemId, notice.dueDate, notice.unitId, notice.issuedAt],
  );
  await db.query(
    `INSERT INTO supervision_notice (escalation_id, problem_id, unit_id, year, sequence, reply_by, document, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [rows[0].id, notice.problemId, notice.unitId, notice.year, notice.sequence, notice.replyBy, Buffer.from('PK'), notice.issuedAt],
  );
  await db.query(
    `INSERT INTO supervision_sequence (year, last_number) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET last_number = GREATEST(supervision_sequence.last_number, $2)`,
    [notice.year, notice.sequence],
  );
}
