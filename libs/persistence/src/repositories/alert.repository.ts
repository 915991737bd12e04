import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BusinessDay } from '@qj/domain';
import { DataSource, EntityManager } from 'typeorm';
import { dueDateSql, lastActivityDaySql, overdueDaysSql, overdueMilestoneSql, staleProjectSql } from '../rules.sql';
import type { AlertLevel } from '../entities/alert.entity';
import type { UserRole } from '../entities/user.entity';

/** An alert this scan raised (inserted now), with what its messages need to say. */
export interface RaisedAlert {
  id: string;
  level: AlertLevel;
  episode: string;
  days: number;
  projectId: string;
  projectName: string;
  unitId: string;
  unitName: string;
  milestoneId: string | null;
  milestoneName: string | null;
}

export interface AlertRecipient {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  unitId: string | null;
  email: string | null;
}

/**
 * The raised alerts (CTE `a`) with their names, looked up row by row: `OFFSET 0` keeps the lateral subquery from
 * being flattened into a join, which the planner, expecting many raised rows, would run as hash joins over the
 * whole milestone table (0.5 s at a million milestones) to name the few alerts a daily scan raises.
 */
const RAISED_SELECT = `SELECT a.id::text, a.level, a.episode, a.days, a.project_id AS "projectId", r.project_name AS "projectName",
    r.unit_id AS "unitId", r.unit_name AS "unitName", a.milestone_id AS "milestoneId", r.milestone_name AS "milestoneName"
  FROM a CROSS JOIN LATERAL (
    SELECT p.name AS project_name, p.unit_id, u.name AS unit_name, p.plan_order, m.name AS milestone_name, m.sort_order
    FROM project p JOIN unit u ON u.id = p.unit_id LEFT JOIN milestone m ON m.id = a.milestone_id
    WHERE p.id = a.project_id
    OFFSET 0
  ) r`;

/**
 * Overdue and stale alerts. Raising is INSERT … ON CONFLICT DO NOTHING on the unique
 * (project, milestone, level, episode): only rows inserted now come back, so a scan run twice, by two workers
 * at once, or retried after a crash raises each alert once. Callers pass their transaction, so the alert,
 * its notifications and its mail rows commit together.
 */
@Injectable()
export class AlertRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * A milestone is overdue when pending and its forecast (else baseline) date is before `today`; it reaches
   * `escalated_14` and `supervision_30` at the given numbers of days. The episode is the missed due date.
   *
   * Most overdue milestones were alerted at every level they have reached by earlier scans, so only those whose
   * highest reached level has no alert yet for this episode go on to the insert. That test is exact
   * because a scan raises all reached levels together: an alert at the highest level implies the lower ones.
   * It compares each overdue milestone with one alert row (the existing alerts filtered to the level their
   * episode has reached today, about one per milestone) instead of probing the unique index once per level,
   * which at a million milestones and 350,000 alerts made the scan 6× the bare SELECT of the overdue ones
   * (docs/BENCHMARKS.md, overdue-scan).
   */
  async raiseOverdue(
    manager: EntityManager,
    options: { today: string; escalateDays: number; superviseDays: number; projectId?: string },
  ): Promise<RaisedAlert[]> {
    // The planner cannot know how few overdue milestones are new, expects ~all of them and would spend seconds
    // JIT-compiling a plan it thinks huge; for the rest of the caller's transaction only.
    await manager.query(`SET LOCAL jit = off`);
    return manager.query(
      `WITH overdue AS (
         SELECT m.id AS milestone_id, m.project_id, ${dueDateSql('m')} AS due, ${overdueDaysSql('m', '$1::date')} AS days
         FROM milestone m JOIN project p ON p.id = m.project_id
         WHERE ${overdueMilestoneSql('m', 'p', '$1::date')} AND ($4::uuid IS NULL OR m.project_id = $4::uuid)
       ), top_alerted AS (
         SELECT x.project_id, x.milestone_id, x.episode FROM alert x
         WHERE x.milestone_id IS NOT NULL AND ($4::uuid IS NULL OR x.project_id = $4::uuid)
           AND x.level = CASE WHEN $1::date - x.episode >= $3::int THEN 'supervision_30' WHEN $1::date - x.episode >= $2::int THEN 'escalated_14' ELSE 'overdue' END
       ), fresh AS (
         SELECT o.* FROM overdue o
         WHERE NOT EXISTS (SELECT 1 FROM top_alerted t WHERE t.project_id = o.project_id AND t.milestone_id = o.milestone_id AND t.episode = o.due)
       ), a AS (
         INSERT INTO alert (project_id, milestone_id, level, episode, days)
         SELECT o.project_id, o.milestone_id, l.level, o.due, o.days
         FROM fresh o CROSS JOIN LATERAL (VALUES ('overdue', 1), ('escalated_14', $2::int), ('supervision_30', $3::int)) AS l(level, min_days)
         WHERE o.days >= l.min_days
         ON CONFLICT DO NOTHING
         RETURNING *
       )
       ${RAISED_SELECT}
       ORDER BY r.plan_order, r.sort_order, a.level`,
      [options.today, options.escalateDays, options.superviseDays, options.projectId ?? null],
    );
  }

  /** Stale projects (see `isStale`); the episode is the day of the last activity, so new activity starts a new one. */
  async raiseStale(manager: EntityManager, day: BusinessDay): Promise<RaisedAlert[]> {
    return manager.query(
      `WITH quiet AS (
         SELECT p.id, ${lastActivityDaySql('p', '$2::text')} AS last_day
         FROM project p
         WHERE ${staleProjectSql('p', '$1::date', '$2::text')}
       ), a AS (
         INSERT INTO alert (project_id, milestone_id, level, episode, days)
         SELECT q.id, NULL, 'stale', q.last_day, $1::date - q.last_day FROM quiet q
         ON CONFLICT DO NOTHING
         RETURNING *
       )
       ${RAISED_SELECT}
       ORDER BY r.plan_order`,
      [day.today, day.timeZone],
    );
  }

  /** Active owners of the given units (项目责任单位). */
  async unitOwners(manager: EntityManager, unitIds: readonly string[]): Promise<AlertRecipient[]> {
    if (!unitIds.length) return [];
    return manager.query(
      `SELECT id, username, display_name AS "displayName", role, unit_id AS "unitId", email
       FROM app_user WHERE active AND role = 'owner' AND unit_id = ANY($1::uuid[]) ORDER BY username`,
      [unitIds],
    );
  }

  /** Active DRC reviewers (区发展改革委). */
  async reviewers(manager: EntityManager): Promise<AlertRecipient[]> {
    return manager.query(
      `SELECT id, username, display_name AS "displayName", role, unit_id AS "unitId", email
       FROM app_user WHERE active AND role = 'reviewer' ORDER BY username`,
    );
  }

  /** Active district leaders (区领导): they hear what reaches 督办. */
  async leaders(manager: EntityManager): Promise<AlertRecipient[]> {
    return manager.query(
      `SELECT id, username, display_name AS "displayName", role, unit_id AS "unitId", email
       FROM app_user WHERE active AND role = 'leader' ORDER BY username`,
    );
  }
}
