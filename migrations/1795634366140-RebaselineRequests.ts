import { MigrationInterface, QueryRunner } from 'typeorm';

export class RebaselineRequests1795634366140 implements MigrationInterface {
  name = 'RebaselineRequests1795634366140';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rebaseline_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "milestone_id" uuid NOT NULL, "project_id" uuid NOT NULL, "current_baseline" date, "proposed_baseline" date NOT NULL, "reason" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "requested_by" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_comment" text, CONSTRAINT "PK_5104d890c6d69657f5cb29e502c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "rebaseline_request_status_idx" ON "rebaseline_request"  ("status", "requested_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "rebaseline_request_one_pending_uq" ON "rebaseline_request" ("milestone_id") WHERE status = 'pending'`);
    await queryRunner.query(
      `ALTER TABLE "rebaseline_request" ADD CONSTRAINT "FK_fc996a57a641c5a30c56427b1ae" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "rebaseline_request_one_pending_uq"`);
    await queryRunner.query(`ALTER TABLE "rebaseline_request" DROP CONSTRAINT "FK_fc996a57a641c5a30c56427b1ae"`);
    await queryRunner.query(`DROP INDEX "rebaseline_request_status_idx"`);
    await queryRunner.query(`DROP TABLE "rebaseline_request"`);
  }
}
