import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The tables the workers and the services append to, by a bigserial id: what was there before a load is below its mark. */
const APPEND_ONLY = ['audit_event', 'outbox_event', 'notification', 'mail_outbox', 'alert', 'report_reminder'] as const;

/**
 * What counts as activity on the tracker (the one definition): anything a person did — every change a person makes
 * leaves an audit row (milestone updates, 不适用, facts, stage changes), and the investment entry's own records (annual
 * plans, monthly reports, bulletins) and requests (stage changes, re-baselines) count even without one.
 */
const ACTIVITY = {
  auditRows: 'audit_event',
  transitionRequests: 'transition_request',
  rebaselineRequests: 'rebaseline_request',
  investmentPlans: 'investment_plan_version',
  monthlyReports: 'monthly_report',
  bulletins: 'bulletin',
} as const;

export type TrackerActivity = Record<keyof typeof ACTIVITY, number>;

export interface DemoRunRow {
  status: 'loading' | 'loaded';
  seed: number;
  loadedAt: Date;
  loadedBy: string | null;
  userIds: string[];
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: 'owner' | 'reviewer';
  unitId: string | null;
}

/** A project as the demo scenario plans it, with its milestones. */
export interface DemoProject {
  id: string;
  name: string;
  unitId: string;
  stage: string;
  target: string;
  planOrder: number;
  milestones: Array<{ id: string; code: string; kind: string; status: string; version: number; baselineDate: string | null }>;
}

export type DemoBegin =
  { ok: true; userIds: Map<string, string> } | { ok: false; reason: 'active'; activity: TrackerActivity } | { ok: false; reason: 'loaded' };

/** What a clear removed, per table (and how many projects and milestones it put back). */
export type DemoCleared = Record<string, number>;

/**
 * The demo history's bookkeeping (演示数据): whether the tracker has had any activity, the one `demo_run` row, and the
 * removal of everything the demo made. The history itself is written by the application's services, as demo users.
 */
@Injectable()
export class DemoRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async activity(manager: EntityManager = this.dataSource.manager): Promise<TrackerActivity> {
    const [row] = await manager.query(
      `SELECT ${Object.entries(ACTIVITY)
        .map(([key, table]) => `(SELECT count(*)::int FROM ${table}) AS "${key}"`)
        .join(', ')}`,
    );
    return row as TrackerActivity;
  }

  /** The same definition as `activity`, answered cheaply (the console asks on every page). */
  async hasActivity(): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT ${Object.values(ACTIVITY)
        .map((table) => `EXISTS (SELECT 1 FROM ${table})`)
        .join(' OR ')} AS active`,
    );
    return row.active;
  }

  static isActive(activity: TrackerActivity): boolean {
    return Object.values(activity).some((count) => count > 0);
  }

  async run(): Promise<DemoRunRow | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT status, seed, loaded_at AS "loadedAt", loaded_by AS "loadedBy", user_ids::text[] AS "userIds" FROM demo_run WHERE id = 1`,
    );
    return row;
  }

  /**
   * Starts a load in one transaction, on a tracker with no activity only: the demo users, and the record of what was
   * there (the append-only tables' marks, every project and milestone row). The table lock makes a concurrent load
   * wait and then find the row.
   */
  async begin(seed: number, loadedBy: string | null, users: readonly DemoUser[], passwordHash: string): Promise<DemoBegin> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`LOCK TABLE demo_run IN EXCLUSIVE MODE`);
      const [existing] = await manager.query(`SELECT 1 FROM demo_run WHERE id = 1`);
      if (existing) return { ok: false, reason: 'loaded' } as const;
      const activity = await this.activity(manager);
      if (DemoRepository.isActive(activity)) return { ok: false, reason: 'active', activity } as const;
      const created: Array<{ id: string; username: string }> = await manager.query(
        `INSERT INTO app_user (username, display_name, role, unit_id, password_hash, active)
         SELECT username, display_name, role, unit_id, $2, false
         FROM jsonb_to_recordset($1::jsonb) AS r(username text, display_name text, role text, unit_id uuid)
         RETURNING id, username`,
        [
          JSON.stringify(users.map((user) => ({ username: user.username, display_name: user.displayName, role: user.role, unit_id: user.unitId }))),
          passwordHash,
        ],
      );
      const marks = APPEND_ONLY.map((table) => `'${table}', (SELECT coalesce(max(id), 0)::text FROM ${table})`).join(', ');
      await manager.query(
        `INSERT INTO demo_run (id, status, seed, loaded_by, user_ids, watermarks, projects, milestones)
         SELECT 1, 'loading', $1, $2, $3::uuid[], jsonb_build_object(${marks}),
                (SELECT coalesce(jsonb_agg(to_jsonb(p)), '[]') FROM project p),
                (SELECT coalesce(jsonb_agg(to_jsonb(m)), '[]') FROM milestone m)`,
        [seed, loadedBy, created.map((row) => row.id)],
      );
      return { ok: true, userIds: new Map(created.map((row) => [row.username, row.id])) } as const;
    });
  }

  async finish(): Promise<void> {
    await this.dataSource.query(`UPDATE demo_run SET status = 'loaded' WHERE id = 1`);
  }

  /** Every project of the catalog in plan order, with its milestones, as the scenario needs them. */
  async projects(): Promise<DemoProject[]> {
    return this.dataSource.query(
      `SELECT p.id, p.name, p.unit_id AS "unitId", p.stage, p.target, p.plan_order AS "planOrder",
              (SELECT jsonb_agg(jsonb_build_object('id', m.id, 'code', m.code, 'kind', m.kind, 'status', m.status, 'version', m.version,
                                                   'baselineDate', m.baseline_date::text) ORDER BY m.sort_order)
               FROM milestone m WHERE m.project_id = p.id) AS milestones
       FROM project p ORDER BY p.plan_order, p.id`,
    );
  }

  /**
   * Removes the demo history in one transaction: the rows its users wrote (requests, plans, reports, audit rows,
   * events), what the workers derived from them since the load began (alerts, notifications, mails, report reminders,
   * roll-up snapshots), the demo users; and puts every project and milestone row the demo changed back as it was.
   * Roll-ups and lights are the caller's to recompute. Undefined when no demo is loaded.
   */
  async clear(): Promise<{ cleared: DemoCleared; projectIds: string[] } | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const [run] = await manager.query(`SELECT user_ids::text[] AS "userIds", watermarks, loaded_at AS "loadedAt" FROM demo_run WHERE id = 1 FOR UPDATE`);
      if (!run) return undefined;
      const users: string[] = run.userIds;
      const marks: Record<string, string> = run.watermarks;
      const cleared: DemoCleared = {};
      const count = async (key: string, sql: string, params: unknown[]) => {
        const [rows, affected] = await manager.query<[unknown[], number]>(sql, params);
        cleared[key] = affected ?? rows.length;
        return rows;
      };
      const touched: Array<{ id: string }> = await manager.query(
        `SELECT DISTINCT project_id AS id FROM audit_event WHERE actor_id = ANY($1::uuid[]) AND project_id IS NOT NULL`,
        [users],
      );
      const projectIds = touched.map((row) => row.id);
      await count(
        'monthly_report',
        `DELETE FROM monthly_report r USING (SELECT DISTINCT entity_id FROM audit_event WHERE actor_id = ANY($1::uuid[]) AND entity_type = 'monthly_report') a
         WHERE a.entity_id = r.project_id || ':' || r.month`,
        [users],
      );
      for (const table of ['investment_plan_version', 'investment_plan']) {
        await count(
          table,
          `DELETE FROM ${table} t USING (SELECT DISTINCT entity_id FROM audit_event WHERE actor_id = ANY($1::uuid[]) AND entity_type = 'investment_plan') a
           WHERE a.entity_id = t.project_id || ':' || t.year`,
          [users],
        );
      }
      await count('transition_request', `DELETE FROM transition_request WHERE requested_by = ANY($1::uuid[])`, [users]);
      await count('rebaseline_request', `DELETE FROM rebaseline_request WHERE requested_by = ANY($1::uuid[])`, [users]);
      await count('project', restoreSql('project', await columnsOf(manager, 'project'), 'projects'), [projectIds]);
      await count('milestone', restoreSql('milestone', await columnsOf(manager, 'milestone'), 'milestones'), [projectIds]);
      await count('audit_event', `DELETE FROM audit_event WHERE actor_id = ANY($1::uuid[])`, [users]);
      await count('outbox_event', `DELETE FROM outbox_event WHERE actor_id = ANY($1::uuid[])`, [users]);
      const alerts = (await count('alert', `DELETE FROM alert WHERE id > $1 AND project_id = ANY($2::uuid[]) RETURNING id::text`, [
        marks.alert,
        projectIds,
      ])) as Array<{
        id: string;
      }>;
      const notices = (await count(
        'notification',
        `DELETE FROM notification WHERE id > $1 AND (user_id = ANY($2::uuid[]) OR project_id = ANY($3::uuid[]))
         RETURNING dedupe_key || '-' || user_id AS "mailKey"`,
        [marks.notification, users, projectIds],
      )) as Array<{ mailKey: string | null }>;
      // A mail's dedupe key is its notice's key and recipient (workflow, reports) or its alert's id and recipient.
      await count(
        'mail_outbox',
        `DELETE FROM mail_outbox WHERE id > $1
           AND (user_id = ANY($2::uuid[]) OR dedupe_key = ANY($3::text[]) OR substring(dedupe_key FROM '^alert-([0-9]+)-') = ANY($4::text[]))`,
        [marks.mail_outbox, users, notices.map((row) => row.mailKey).filter(Boolean), alerts.map((row) => row.id)],
      );
      await count('report_reminder', `DELETE FROM report_reminder WHERE id > $1 AND project_id = ANY($2::uuid[])`, [marks.report_reminder, projectIds]);
      await count('rollup_snapshot', `DELETE FROM rollup_snapshot WHERE taken_at >= $1`, [run.loadedAt]);
      // Their digests, preferences and anything else keyed by them go with them (ON DELETE CASCADE).
      await count('app_user', `DELETE FROM app_user WHERE id = ANY($1::uuid[])`, [users]);
      await manager.query(`DELETE FROM demo_run WHERE id = 1`);
      return { cleared, projectIds };
    });
  }
}

async function columnsOf(manager: EntityManager, table: string): Promise<string[]> {
  const rows: Array<{ name: string }> = await manager.query(
    `SELECT column_name AS name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' AND column_name <> 'id' ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((row) => row.name);
}

/** Puts back the rows (of the projects named) that differ from their image in demo_run, every column but the key. */
function restoreSql(table: 'project' | 'milestone', columns: string[], image: 'projects' | 'milestones'): string {
  const list = columns.map((column) => `"${column}"`).join(', ');
  const values = columns.map((column) => `r."${column}"`).join(', ');
  const projectOf = table === 'project' ? 't.id' : 't.project_id';
  return `UPDATE ${table} t SET (${list}) = ROW(${values})
          FROM demo_run d, jsonb_populate_recordset(NULL::${table}, d.${image}) r
          WHERE d.id = 1 AND t.id = r.id AND ${projectOf} = ANY($1::uuid[]) AND to_jsonb(t) IS DISTINCT FROM to_jsonb(r)`;
}
