import { MigrationInterface, QueryRunner } from 'typeorm';

export class Rollups1795632285867 implements MigrationInterface {
  name = 'Rollups1795632285867';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rollup" ("dimension" text NOT NULL, "key" text NOT NULL, "label" text NOT NULL, "sort_order" integer NOT NULL, "total" integer NOT NULL, "by_stage" jsonb NOT NULL, "targets" jsonb NOT NULL, "reached" jsonb NOT NULL, "rag" jsonb NOT NULL, "overdue_milestones" integer NOT NULL, "stale_projects" integer NOT NULL, "pending_requests" integer NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d3de73d6655bc220e2411ecd330" PRIMARY KEY ("dimension", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "rollup_snapshot" ("week" text NOT NULL, "dimension" text NOT NULL, "key" text NOT NULL, "data" jsonb NOT NULL, "taken_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_033a5f66025b95ea36bd7d0eac6" PRIMARY KEY ("week", "dimension", "key"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rollup_snapshot"`);
    await queryRunner.query(`DROP TABLE "rollup"`);
  }
}
