import { defaultBaselines, PLAN_END, Stage, todayIn } from '@qj/domain';
import type { EntityManager } from 'typeorm';
import { refreshProjectRag } from '../repositories/project-status';

/**
 * Gives every project that has none its milestones from the per-stage templates, with default baselines
 * consistent with the plan's 2030 target; milestones of stages already reached are created done.
 * Returns the number of projects seeded. Projects that already have milestones are left alone.
 */
export async function seedMilestones(manager: EntityManager, timeZone: string): Promise<number> {
  const bare: Array<{ id: string; target: Stage; baseline_stage: Stage }> = await manager.query(
    `SELECT id, target, baseline_stage FROM project p WHERE NOT EXISTS (SELECT 1 FROM milestone m WHERE m.project_id = p.id)`,
  );
  if (!bare.length) return 0;
  // Baselines run from the day the project enters the tracker to the plan's end: a project that joins
  // mid-plan starts on schedule rather than already overdue.
  const today = todayIn(timeZone);
  const rows = bare.flatMap((project) =>
    defaultBaselines(project.target, today < PLAN_END ? today : undefined, undefined, project.baseline_stage).map((milestone) => ({
      project_id: project.id,
      code: milestone.code,
      name: milestone.name.zh,
      stage: milestone.stage,
      sort_order: milestone.sortOrder,
      realises_target: milestone.realisesTarget,
      baseline_date: milestone.baselineDate,
      status: milestone.done ? 'done' : 'pending',
    })),
  );
  await manager.query(
    `INSERT INTO milestone (project_id, code, name, stage, sort_order, realises_target, baseline_date, status)
     SELECT project_id, code, name, stage, sort_order, realises_target, baseline_date, status
     FROM jsonb_to_recordset($1::jsonb) AS r(project_id uuid, code text, name text, stage text, sort_order smallint,
          realises_target boolean, baseline_date date, status text)
     ON CONFLICT (project_id, code) DO NOTHING`,
    [JSON.stringify(rows)],
  );
  await refreshProjectRag(
    manager,
    bare.map((project) => project.id),
    { today, timeZone },
  );
  return bare.length;
}
