import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Investment for the monthly 调度: project facts (项目代码, 总投资, type, period, 建设内容, 入库纳统), the annual plan
 * with its versions (original and 中期调整) and monthly reports (月报). Amounts are 万元 in numeric(12,2).
 */
export class Investment1795863246273 implements MigrationInterface {
  name = 'Investment1795863246273';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "investment_plan" ("project_id" uuid NOT NULL, "year" smallint NOT NULL, "version" integer NOT NULL, "planned_investment" numeric(12,2) NOT NULL, "original_investment" numeric(12,2) NOT NULL, "planned_start_month" smallint, "planned_completion_month" smallint, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "investment_plan_months_ck" CHECK (planned_start_month BETWEEN 1 AND 12 AND planned_completion_month BETWEEN 1 AND 12), CONSTRAINT "investment_plan_amounts_ck" CHECK (planned_investment >= 0 AND original_investment >= 0), CONSTRAINT "PK_2d613744ae54f0ae9845c7ceaa7" PRIMARY KEY ("project_id", "year"))`,
    );
    await queryRunner.query(`CREATE INDEX "investment_plan_year_idx" ON "investment_plan"  ("year") `);
    await queryRunner.query(
      `CREATE TABLE "investment_plan_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "year" smallint NOT NULL, "version" integer NOT NULL, "planned_investment" numeric(12,2) NOT NULL, "planned_start_month" smallint, "planned_completion_month" smallint, "reason" text, "issued_by" uuid, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "investment_plan_version_amount_ck" CHECK (planned_investment >= 0), CONSTRAINT "PK_1c596cc92932378522bd856a65e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "investment_plan_version_uq" ON "investment_plan_version"  ("project_id", "year", "version") `);
    await queryRunner.query(
      `CREATE TABLE "monthly_report" ("project_id" uuid NOT NULL, "month" character(7) NOT NULL, "year" smallint NOT NULL, "completed_investment" numeric(12,2) NOT NULL DEFAULT '0', "progress" text NOT NULL DEFAULT '', "problems" text NOT NULL DEFAULT '', "status" text NOT NULL DEFAULT 'draft', "late" boolean NOT NULL DEFAULT false, "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by" uuid, "returned_at" TIMESTAMP WITH TIME ZONE, "returned_by" uuid, "return_comment" text, "version" integer NOT NULL DEFAULT '1', "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "monthly_report_amount_ck" CHECK (completed_investment >= 0), CONSTRAINT "monthly_report_status_ck" CHECK (status IN ('draft', 'submitted', 'returned')), CONSTRAINT "monthly_report_month_ck" CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'), CONSTRAINT "PK_426db7ffd6a2ac6b8a68d1a92ea" PRIMARY KEY ("project_id", "month"))`,
    );
    await queryRunner.query(`CREATE INDEX "monthly_report_month_idx" ON "monthly_report"  ("month", "status") `);
    await queryRunner.query(`ALTER TABLE "project" ADD "project_code" text`);
    await queryRunner.query(`ALTER TABLE "project" ADD CONSTRAINT "UQ_7b5b20d7f87601a6909dd49bcf2" UNIQUE ("project_code")`);
    await queryRunner.query(`ALTER TABLE "project" ADD "total_investment" numeric(12,2)`);
    await queryRunner.query(`ALTER TABLE "project" ADD "investment_type" text`);
    await queryRunner.query(`ALTER TABLE "project" ADD "construction_start_year" smallint`);
    await queryRunner.query(`ALTER TABLE "project" ADD "construction_end_year" smallint`);
    await queryRunner.query(`ALTER TABLE "project" ADD "construction_scope" text`);
    await queryRunner.query(`ALTER TABLE "project" ADD "statistics_registered_on" date`);
    await queryRunner.query(`ALTER TABLE "project" ADD CONSTRAINT "project_total_investment_ck" CHECK (total_investment >= 0)`);
    await queryRunner.query(`ALTER TABLE "project" ADD CONSTRAINT "project_investment_type_ck" CHECK (investment_type IN ('government', 'enterprise'))`);
    await queryRunner.query(
      `ALTER TABLE "investment_plan" ADD CONSTRAINT "FK_05ffb2bc88f64fa8d4154cfd1ad" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "investment_plan_version" ADD CONSTRAINT "FK_03036f1871d01288aad9f175346" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "monthly_report" ADD CONSTRAINT "FK_034750b8e62d891bf2a6af928e7" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monthly_report" DROP CONSTRAINT "FK_034750b8e62d891bf2a6af928e7"`);
    await queryRunner.query(`ALTER TABLE "investment_plan_version" DROP CONSTRAINT "FK_03036f1871d01288aad9f175346"`);
    await queryRunner.query(`ALTER TABLE "investment_plan" DROP CONSTRAINT "FK_05ffb2bc88f64fa8d4154cfd1ad"`);
    await queryRunner.query(`ALTER TABLE "project" DROP CONSTRAINT "project_investment_type_ck"`);
    await queryRunner.query(`ALTER TABLE "project" DROP CONSTRAINT "project_total_investment_ck"`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "statistics_registered_on"`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "construction_scope"`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "construction_end_year"`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "construction_start_year"`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "investment_type"`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "total_investment"`);
    await queryRunner.query(`ALTER TABLE "project" DROP CONSTRAINT "UQ_7b5b20d7f87601a6909dd49bcf2"`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "project_code"`);
    await queryRunner.query(`DROP INDEX "monthly_report_month_idx"`);
    await queryRunner.query(`DROP TABLE "monthly_report"`);
    await queryRunner.query(`DROP INDEX "investment_plan_version_uq"`);
    await queryRunner.query(`DROP TABLE "investment_plan_version"`);
    await queryRunner.query(`DROP INDEX "investment_plan_year_idx"`);
    await queryRunner.query(`DROP TABLE "investment_plan"`);
  }
}
