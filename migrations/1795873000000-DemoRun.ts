import { MigrationInterface, QueryRunner } from 'typeorm';

/** The demo history's record (at most one row), so `demo:clear` removes exactly what `demo:load` made. */
export class DemoRun1795873000000 implements MigrationInterface {
  name = 'DemoRun1795873000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "demo_run" ("id" smallint NOT NULL, "status" text NOT NULL, "seed" integer NOT NULL, "loaded_by" uuid, "user_ids" uuid array NOT NULL, "watermarks" jsonb NOT NULL, "projects" jsonb NOT NULL, "milestones" jsonb NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "demo_run_status_ck" CHECK ("status" IN ('loading', 'loaded')), CONSTRAINT "demo_run_one_ck" CHECK (id = 1), CONSTRAINT "PK_614b1351b589331b9511db00aef" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "demo_run"`);
  }
}
