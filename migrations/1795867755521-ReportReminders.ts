import { MigrationInterface, QueryRunner } from 'typeorm';

/** Monthly reports not submitted in time are noticed once per (project, month, level); their mail goes as `report`. */
export class ReportReminders1795867755521 implements MigrationInterface {
  name = 'ReportReminders1795867755521';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_reminder" ("id" BIGSERIAL NOT NULL, "project_id" uuid NOT NULL, "month" character(7) NOT NULL, "level" text NOT NULL, "unit_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "report_reminder_month_ck" CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'), CONSTRAINT "report_reminder_level_ck" CHECK ("level" IN ('reminder', 'late')), CONSTRAINT "PK_f283220476e1ac7066457a39e96" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "report_reminder_month_idx" ON "report_reminder"  ("month", "level") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "report_reminder_once_uq" ON "report_reminder"  ("project_id", "month", "level") `);
    await queryRunner.query(
      `ALTER TABLE "report_reminder" ADD CONSTRAINT "FK_dab69efc845f398d5c0361455fd" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Written by hand: TypeORM does not compare check constraints.
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP CONSTRAINT "mail_outbox_kind_ck"`);
    await queryRunner.query(
      `ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_kind_ck" CHECK ("kind" IN ('alert', 'digest', 'stale', 'workflow', 'report'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "mail_outbox" WHERE "kind" = 'report'`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP CONSTRAINT "mail_outbox_kind_ck"`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_kind_ck" CHECK ("kind" IN ('alert', 'digest', 'stale', 'workflow'))`);
    await queryRunner.query(`ALTER TABLE "report_reminder" DROP CONSTRAINT "FK_dab69efc845f398d5c0361455fd"`);
    await queryRunner.query(`DROP INDEX "report_reminder_once_uq"`);
    await queryRunner.query(`DROP INDEX "report_reminder_month_idx"`);
    await queryRunner.query(`DROP TABLE "report_reminder"`);
  }
}
