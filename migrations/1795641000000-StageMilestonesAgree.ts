import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stage and milestones agree (workflow v2): milestones may be marked 不适用 with a reason, and requests record the
 * workflow version they were filed under (every request before this release was filed under version 1, which
 * stays in the registry and decides the pending ones).
 *
 * Existing data is brought into line once: a project at 开工建设 or 建成投用 (or on hold from one) whose
 * milestones that stage implies are still open gets 开工 / 竣工验收 / 投入使用 done on the dates of the approved
 * request's evidence, and every other such milestone marked 不适用 with a reason saying it was a data correction
 * (its owner can reopen it and enter the real date). Each change is audited as the system's.
 */
export class StageMilestonesAgree1795641000000 implements MigrationInterface {
  name = 'StageMilestonesAgree1795641000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "milestone" ADD "not_applicable_reason" text`);
    await queryRunner.query(`ALTER TABLE "transition_request" ADD "workflow_version" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "transition_request" ALTER COLUMN "workflow_version" DROP DEFAULT`);
    await queryRunner.query(`
          WITH effective AS (
            SELECT p.id, CASE WHEN p.stage = 'on_hold' THEN p.previous_stage ELSE p.stage END AS stage FROM project p
          ), implied(code, at_stage) AS (
            VALUES ('proposal', 'start'), ('feasibility_approval', 'start'), ('preliminary_design_approval', 'start'),
                   ('construction_permit', 'start'), ('groundbreaking', 'start'),
                   ('main_works_done', 'complete'), ('acceptance', 'complete'), ('in_service', 'complete')
          ), evidence AS (
            SELECT DISTINCT ON (r.project_id, r.to_stage) r.project_id, r.to_stage, r.evidence
            FROM transition_request r WHERE r.status = 'approved' ORDER BY r.project_id, r.to_stage, r.decided_at DESC
          ), candidates AS (
            SELECT m.id, m.project_id, m.baseline_date, m.forecast_date, m.actual_date, m.status, m.version,
                   CASE m.code WHEN 'groundbreaking' THEN s.evidence->>'actualStartDate'
                               WHEN 'acceptance' THEN c.evidence->>'acceptanceDate'
                               WHEN 'in_service' THEN c.evidence->>'acceptanceDate' END AS evidence_date,
                   e.stage
            FROM milestone m JOIN effective e ON e.id = m.project_id JOIN implied i ON i.code = m.code
            LEFT JOIN evidence s ON s.project_id = m.project_id AND s.to_stage = 'start'
            LEFT JOIN evidence c ON c.project_id = m.project_id AND c.to_stage = 'complete'
            WHERE m.status = 'pending' AND (e.stage = 'complete' OR (e.stage = 'start' AND i.at_stage = 'start'))
          ), settled AS (
            UPDATE milestone m SET
              status = CASE WHEN c.evidence_date ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN 'done' ELSE 'not_applicable' END,
              actual_date = CASE WHEN c.evidence_date ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN c.evidence_date::date END,
              not_applicable_reason = CASE WHEN c.evidence_date ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN NULL
                ELSE '数据校正：项目已处于「' || CASE c.stage WHEN 'start' THEN '开工建设' ELSE '建成投用' END || '」阶段，此前未记录该里程碑' END,
              version = m.version + 1, updated_at = now()
            FROM candidates c WHERE m.id = c.id
            RETURNING m.id, m.project_id, m.baseline_date, m.forecast_date, m.actual_date, m.status, m.version, m.not_applicable_reason
          )
          INSERT INTO audit_event (project_id, entity_type, entity_id, action, actor_id, actor_name, before, after, comment)
          SELECT s.project_id, 'milestone', s.id::text,
                 CASE s.status WHEN 'done' THEN 'milestone.updated' ELSE 'milestone.marked_not_applicable' END,
                 NULL, '系统（数据校正）',
                 jsonb_build_object('baselineDate', c.baseline_date, 'forecastDate', c.forecast_date, 'actualDate', c.actual_date, 'status', c.status, 'version', c.version),
                 jsonb_build_object('baselineDate', s.baseline_date, 'forecastDate', s.forecast_date, 'actualDate', s.actual_date, 'status', s.status, 'version', s.version),
                 COALESCE(s.not_applicable_reason, '数据校正：按已批准申请的材料日期标记完成')
          FROM settled s JOIN candidates c ON c.id = s.id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "milestone" SET "status" = 'pending' WHERE "status" = 'not_applicable'`);
    await queryRunner.query(`ALTER TABLE "transition_request" DROP COLUMN "workflow_version"`);
    await queryRunner.query(`ALTER TABLE "milestone" DROP COLUMN "not_applicable_reason"`);
  }
}
