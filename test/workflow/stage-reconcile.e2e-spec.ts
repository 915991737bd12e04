import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { isImpliedByStage, isMilestoneCode, stageOfStatus } from '@qj/domain';
import { validateEnv } from '@qj/config';
import { dataSourceOptions, prepareDatabase } from '@qj/persistence';

const url = () => process.env.TEST_DATABASE_URL as string;

/**
 * Data from before workflow v2 — projects moved to 开工建设 / 建成投用 while their milestones stayed open — is
 * brought into line by the release's migration: evidence dates complete what they prove, the rest becomes 不适用.
 */
describe('the stage–milestone reconcile of existing data', () => {
  const schema = `t_${randomBytes(5).toString('hex')}`;
  let db: Client;
  let dataSource: DataSource;
  beforeAll(async () => {
    await prepareDatabase({ url: url(), schema }, { importCatalogIfEmpty: true, timeZone: validateEnv({}).APP_TIMEZONE });
    db = new Client({ connectionString: url(), options: `-c search_path=${schema},public` });
    await db.connect();
    dataSource = new DataSource(dataSourceOptions({ url: url(), schema }));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await db.end();
  });

  it('completes milestones on the approved evidence dates, marks the rest 不适用 with a reason, audits each, and leaves study projects alone', async () => {
    while ((await db.query(`SELECT 1 FROM migrations WHERE name = 'StageMilestonesAgree1795641000000'`)).rowCount) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    const { rows: projects } = await db.query(`SELECT id, target FROM project WHERE target = 'start' AND stage = 'study' ORDER BY plan_order LIMIT 3`);
    const [started, completed, untouched] = projects.map((p) => p.id as string);
    const [{ id: userId }] = (
      await db.query(`INSERT INTO app_user (username, display_name, role, password_hash) VALUES ('legacy', '旧数据', 'reviewer', 'x') RETURNING id`)
    ).rows;
    // As the first wave left it: approved into 开工建设 with a start date in the evidence, every milestone still open.
    await db.query(`UPDATE project SET stage = 'start' WHERE id = $1`, [started]);
    await db.query(
      `INSERT INTO transition_request (project_id, transition_id, from_stage, to_stage, evidence, status, requested_by, decided_at)
       VALUES ($1, 'begin_construction', 'study', 'start', '{"actualStartDate": "2026-11-25"}', 'approved', $2, now())`,
      [started, userId],
    );
    await db.query(`UPDATE project SET stage = 'complete' WHERE id = $1`, [completed]);
    await db.query(`UPDATE milestone SET status = 'pending', actual_date = NULL WHERE project_id = ANY($1::uuid[])`, [[started, completed, untouched]]);

    await dataSource.runMigrations({ transaction: 'each' });

    const milestones = async (projectId: string) =>
      (
        await db.query(
          `SELECT id, code, kind, status, actual_date::text AS "actualDate", not_applicable_reason AS reason FROM milestone WHERE project_id = $1 ORDER BY sort_order`,
          [projectId],
        )
      ).rows;
    // The template's milestones are this reconcile's; the approvals a later release adds are that release's (补录).
    const [startMilestones, addedApprovals] = await milestones(started).then((all) => [
      all.filter((m) => isMilestoneCode(m.code)),
      all.filter((m) => !isMilestoneCode(m.code)),
    ]);
    expect(addedApprovals.length).toBeGreaterThan(0);
    for (const m of addedApprovals) expect(m).toMatchObject({ kind: 'approval', status: 'not_applicable', reason: expect.stringContaining('补录') });
    expect(startMilestones.find((m) => m.code === 'groundbreaking')).toMatchObject({ status: 'done', actualDate: '2026-11-25', reason: null });
    for (const m of startMilestones.filter((m) => m.code !== 'groundbreaking')) {
      expect(m).toMatchObject({ status: 'not_applicable', actualDate: null, reason: '数据校正：项目已处于「开工建设」阶段，此前未记录该里程碑' });
    }
    for (const [projectId, stage] of [
      [started, 'start'],
      [completed, 'complete'],
    ] as const) {
      for (const m of await milestones(projectId)) {
        if (isImpliedByStage(m.code, stageOfStatus(stage), m.kind)) expect(['done', 'not_applicable']).toContain(m.status);
      }
    }
    expect((await milestones(untouched)).every((m) => m.status === 'pending')).toBe(true);

    const { rows: audits } = await db.query(`SELECT entity_id, action, actor_name, comment FROM audit_event WHERE project_id = $1 ORDER BY id`, [started]);
    expect(audits).toHaveLength(startMilestones.length);
    expect(new Set(audits.map((a) => a.actor_name))).toEqual(new Set(['系统（数据校正）']));
    expect(audits.find((a) => a.entity_id === startMilestones.find((m) => m.code === 'groundbreaking').id)).toMatchObject({ action: 'milestone.updated' });
    const { rows: versions } = await db.query(`SELECT workflow_version FROM transition_request WHERE project_id = $1`, [started]);
    expect(versions).toEqual([{ workflow_version: 1 }]);
  });
});
