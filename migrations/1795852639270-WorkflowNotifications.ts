import { MigrationInterface, QueryRunner } from 'typeorm';

/** Requests and decisions notify people once each (dedupe key), may link anywhere, and mail as `workflow`; a digest keeps what it said. */
export class WorkflowNotifications1795852639270 implements MigrationInterface {
  name = 'WorkflowNotifications1795852639270';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" ADD "dedupe_key" text`);
    await queryRunner.query(`ALTER TABLE "notification" ADD "link" text`);
    await queryRunner.query(`ALTER TABLE "digest" ADD "subject" text`);
    await queryRunner.query(`ALTER TABLE "digest" ADD "html" text`);
    await queryRunner.query(`ALTER TABLE "digest" ADD "text" text`);
    await queryRunner.query(`CREATE UNIQUE INDEX "notification_once_uq" ON "notification"  ("user_id", "dedupe_key") `);
    // Written by hand: TypeORM does not compare check constraints.
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP CONSTRAINT "mail_outbox_kind_ck"`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_kind_ck" CHECK ("kind" IN ('alert', 'digest', 'stale', 'workflow'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "mail_outbox" WHERE "kind" = 'workflow'`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP CONSTRAINT "mail_outbox_kind_ck"`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_kind_ck" CHECK ("kind" IN ('alert', 'digest', 'stale'))`);
    await queryRunner.query(`DROP INDEX "notification_once_uq"`);
    await queryRunner.query(`ALTER TABLE "digest" DROP COLUMN "text"`);
    await queryRunner.query(`ALTER TABLE "digest" DROP COLUMN "html"`);
    await queryRunner.query(`ALTER TABLE "digest" DROP COLUMN "subject"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "link"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "dedupe_key"`);
  }
}
