import { MigrationInterface, QueryRunner } from 'typeorm';

/** Problem supervision (督办): each escalation of an overdue problem once per level and due date; 督办单 numbered per year without gaps. */
export class ProblemSupervision1795875200000 implements MigrationInterface {
  name = 'ProblemSupervision1795875200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "problem_escalation" ("id" BIGSERIAL NOT NULL, "problem_id" uuid NOT NULL, "level" text NOT NULL, "due_date" date NOT NULL, "unit_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "problem_escalation_level_ck" CHECK ("level" IN ('overdue', 'supervision')), CONSTRAINT "PK_1cb5de7663fd5f34f85669b71b3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "problem_escalation_once_uq" ON "problem_escalation"  ("problem_id", "level", "due_date")`);
    await queryRunner.query(
      `CREATE TABLE "supervision_notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "escalation_id" bigint NOT NULL, "problem_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "year" integer NOT NULL, "sequence" integer NOT NULL, "reply_by" date NOT NULL, "document" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_44587bafb7e6baf687580203fde" UNIQUE ("escalation_id"), CONSTRAINT "PK_a66247317784c87bb661e0b8e0c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "supervision_notice_unit_idx" ON "supervision_notice"  ("unit_id", "created_at")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "supervision_notice_number_uq" ON "supervision_notice"  ("year", "sequence")`);
    await queryRunner.query(
      `CREATE TABLE "supervision_sequence" ("year" integer NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "supervision_sequence_last_ck" CHECK ("last_number" > 0), CONSTRAINT "PK_cc0c17319f171bfae5632c0f72a" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "problem_escalation" ADD CONSTRAINT "FK_888d2bfc77b42e5c67f59766c16" FOREIGN KEY ("problem_id") REFERENCES "problem"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supervision_notice" ADD CONSTRAINT "FK_44587bafb7e6baf687580203fde" FOREIGN KEY ("escalation_id") REFERENCES "problem_escalation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supervision_notice" ADD CONSTRAINT "FK_36c5f0fead50f350ec48021f3ba" FOREIGN KEY ("problem_id") REFERENCES "problem"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supervision_notice" ADD CONSTRAINT "FK_2386d5f4c25e1f580ef231de409" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "supervision_sequence"`);
    await queryRunner.query(`DROP TABLE "supervision_notice"`);
    await queryRunner.query(`DROP TABLE "problem_escalation"`);
  }
}
