import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795634400000 implements MigrationInterface {
  name = 'Notifications1795634400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" BIGSERIAL NOT NULL, "user_id" uuid NOT NULL, "kind" text NOT NULL, "level" text, "title" text NOT NULL, "body" text NOT NULL, "project_id" uuid, "milestone_id" uuid, "alert_id" bigint, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "notification_user_idx" ON "notification"  ("user_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "mail_outbox" ("id" BIGSERIAL NOT NULL, "user_id" uuid, "to_address" text, "kind" text NOT NULL, "dedupe_key" text NOT NULL, "subject" text NOT NULL, "html" text NOT NULL, "text" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_f98b21146dd23ba194f53d8a3d5" UNIQUE ("dedupe_key"), CONSTRAINT "mail_outbox_kind_ck" CHECK ("kind" IN ('alert', 'digest', 'stale')), CONSTRAINT "mail_outbox_status_ck" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed', 'skipped')), CONSTRAINT "PK_fecc63c96385bc35a39ccf2a72e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "mail_outbox_status_idx" ON "mail_outbox"  ("status", "id") `);
    await queryRunner.query(
      `CREATE TABLE "alert" ("id" BIGSERIAL NOT NULL, "project_id" uuid NOT NULL, "milestone_id" uuid, "level" text NOT NULL, "episode" date NOT NULL, "days" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "alert_level_ck" CHECK ("level" IN ('overdue', 'escalated_14', 'supervision_30', 'stale')), CONSTRAINT "PK_ad91cad659a3536465d564a4b2f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "alert_project_idx" ON "alert"  ("project_id") `);
    await queryRunner.query(
      `CREATE TABLE "notification_preference" ("user_id" uuid NOT NULL, "kind" text NOT NULL, "enabled" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0f7529aefc65bd035491bb755bf" PRIMARY KEY ("user_id", "kind"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "digest" ("user_id" uuid NOT NULL, "week" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "mail_id" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "digest_status_ck" CHECK ("status" IN ('pending', 'queued', 'skipped')), CONSTRAINT "PK_8debe974ec0e4ac0e873ac45829" PRIMARY KEY ("user_id", "week"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "digest" ADD CONSTRAINT "FK_0647b64cdabbb56bee38af0a41e" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Written by hand: an alert goes once per (milestone, level, episode); stale alerts have no milestone, so NULLs must collide.
    await queryRunner.query(`CREATE UNIQUE INDEX "alert_once_uq" ON "alert" ("project_id", "milestone_id", "level", "episode") NULLS NOT DISTINCT`);
    // Written by hand: the sweeper looks only at mail still to send.
    await queryRunner.query(`CREATE INDEX "mail_outbox_pending_idx" ON "mail_outbox" ("created_at") WHERE "status" IN ('pending', 'sending')`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preference" ADD CONSTRAINT "FK_ff040d2d2e35c49b00525783829" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "digest" DROP CONSTRAINT "FK_0647b64cdabbb56bee38af0a41e"`);
    await queryRunner.query(`DROP TABLE "digest"`);
    await queryRunner.query(`ALTER TABLE "notification_preference" DROP CONSTRAINT "FK_ff040d2d2e35c49b00525783829"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"`);
    await queryRunner.query(`DROP TABLE "notification_preference"`);
    await queryRunner.query(`DROP INDEX "mail_outbox_pending_idx"`);
    await queryRunner.query(`DROP INDEX "alert_once_uq"`);
    await queryRunner.query(`DROP INDEX "alert_project_idx"`);
    await queryRunner.query(`DROP TABLE "alert"`);
    await queryRunner.query(`DROP INDEX "mail_outbox_status_idx"`);
    await queryRunner.query(`DROP TABLE "mail_outbox"`);
    await queryRunner.query(`DROP INDEX "notification_user_idx"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
