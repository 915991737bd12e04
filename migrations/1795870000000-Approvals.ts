import { APPROVALS_CATALOGUES } from '@qj/catalog';
import { backfillApprovals } from '@qj/persistence/catalog/approval-seeding';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 前期手续 as data: approvals are milestones of kind `approval` with their department, parallel group, document number
 * and 办理中 flag; each project gets a type from its sector. Existing projects are backfilled from version 1 of the
 * approvals catalogue (`libs/catalog/data/approvals.v1.json`), idempotently: 项目建议书, 可研批复, 初步设计批复 and 施工许可
 * become their approvals in place, with their history; the others are added. A later catalogue version comes with a
 * migration of its own that calls the same backfill with that version.
 */
export class Approvals1795870000000 implements MigrationInterface {
  name = 'Approvals1795870000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "project" ADD "project_type" text`);
    await queryRunner.query(`ALTER TABLE "milestone" ADD "kind" text NOT NULL DEFAULT 'milestone'`);
    await queryRunner.query(`ALTER TABLE "milestone" ADD "department" text`);
    await queryRunner.query(`ALTER TABLE "milestone" ADD "parallel_group" text`);
    await queryRunner.query(`ALTER TABLE "milestone" ADD "document_no" text`);
    await queryRunner.query(`ALTER TABLE "milestone" ADD "in_progress" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "milestone" ADD CONSTRAINT "milestone_kind_ck" CHECK (kind IN ('milestone', 'approval'))`);
    await backfillApprovals(queryRunner.manager, APPROVALS_CATALOGUES.get(1)!);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Approvals the backfill added go; the four milestones that became approvals stay milestones.
    await queryRunner.query(
      `DELETE FROM "milestone" WHERE kind = 'approval' AND code NOT IN ('proposal', 'feasibility_approval', 'preliminary_design_approval', 'construction_permit')`,
    );
    await queryRunner.query(`ALTER TABLE "milestone" DROP CONSTRAINT "milestone_kind_ck"`);
    await queryRunner.query(`ALTER TABLE "milestone" DROP COLUMN "in_progress"`);
    await queryRunner.query(`ALTER TABLE "milestone" DROP COLUMN "document_no"`);
    await queryRunner.query(`ALTER TABLE "milestone" DROP COLUMN "parallel_group"`);
    await queryRunner.query(`ALTER TABLE "milestone" DROP COLUMN "department"`);
    await queryRunner.query(`ALTER TABLE "milestone" DROP COLUMN "kind"`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "project_type"`);
  }
}
