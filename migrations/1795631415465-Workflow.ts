import { MigrationInterface, QueryRunner } from 'typeorm';

export class Workflow1795631415465 implements MigrationInterface {
  name = 'Workflow1795631415465';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "project_id" uuid, "entity_type" text NOT NULL, "entity_id" text NOT NULL, "action" text NOT NULL, "actor_id" uuid, "actor_name" text NOT NULL, "before" jsonb, "after" jsonb, "comment" text, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "audit_event_project_idx" ON "audit_event"  ("project_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "milestone" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "stage" text NOT NULL, "sort_order" smallint NOT NULL, "realises_target" boolean NOT NULL DEFAULT false, "baseline_date" date, "forecast_date" date, "actual_date" date, "status" text NOT NULL DEFAULT 'pending', "version" integer NOT NULL DEFAULT '1', "updated_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f8372abce331f60ba7b33fe23a7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "milestone_project_code_uq" ON "milestone"  ("project_id", "code") `);
    await queryRunner.query(
      `CREATE TABLE "outbox_event" ("id" BIGSERIAL NOT NULL, "name" text NOT NULL, "aggregate_id" text NOT NULL, "payload" jsonb NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cc0c9e40998e45ecfc5e313429d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "transition_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "transition_id" text NOT NULL, "from_stage" text NOT NULL, "to_stage" text NOT NULL, "evidence" jsonb NOT NULL DEFAULT '{}', "reason" text, "comment" text, "status" text NOT NULL DEFAULT 'pending', "requested_by" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_comment" text, CONSTRAINT "PK_a439b9a479c47e3cbf502eca4c5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "transition_request_project_idx" ON "transition_request"  ("project_id") `);
    await queryRunner.query(`CREATE INDEX "transition_request_status_idx" ON "transition_request"  ("status", "requested_at") `);
    await queryRunner.query(`ALTER TABLE "project" ADD "previous_stage" text`);
    await queryRunner.query(`ALTER TABLE "project" ADD "rag" text NOT NULL DEFAULT 'green'`);
    await queryRunner.query(`ALTER TABLE "project" ADD "rag_reasons" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "project" ADD "rag_on" date`);
    await queryRunner.query(`ALTER TABLE "project" ADD "last_activity_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`CREATE INDEX "project_rag_idx" ON "project"  ("rag") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "transition_request_one_pending_uq" ON "transition_request" ("project_id") WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX "outbox_event_unpublished_idx" ON "outbox_event" ("id") WHERE published_at IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "milestone" ADD CONSTRAINT "FK_a6f99388cc316eeee256347f0c0" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "transition_request" ADD CONSTRAINT "FK_575caa4cbdef143d7d73c53f7ea" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "outbox_event_unpublished_idx"`);
    await queryRunner.query(`DROP INDEX "transition_request_one_pending_uq"`);
    await queryRunner.query(`ALTER TABLE "transition_request" DROP CONSTRAINT "FK_575caa4cbdef143d7d73c53f7ea"`);
    await queryRunner.query(`ALTER TABLE "milestone" DROP CONSTRAINT "FK_a6f99388cc316eeee256347f0c0"`);
    await queryRunner.query(`DROP INDEX "project_rag_idx"`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "last_activity_at"`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "rag_on"`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "rag_reasons"`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "rag"`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "previous_stage"`);
    await queryRunner.query(`DROP INDEX "transition_request_status_idx"`);
    await queryRunner.query(`DROP INDEX "transition_request_project_idx"`);
    await queryRunner.query(`DROP TABLE "transition_request"`);
    await queryRunner.query(`DROP TABLE "outbox_event"`);
    await queryRunner.query(`DROP INDEX "milestone_project_code_uq"`);
    await queryRunner.query(`DROP TABLE "milestone"`);
    await queryRunner.query(`DROP INDEX "audit_event_project_idx"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
  }
}
