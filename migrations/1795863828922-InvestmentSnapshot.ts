import { MigrationInterface, QueryRunner } from 'typeorm';

/** The monthly investment snapshot a published bulletin freezes: one row per month, dimension and key (see InvestmentSnapshotEntity). */
export class InvestmentSnapshot1795863828922 implements MigrationInterface {
  name = 'InvestmentSnapshot1795863828922';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "investment_snapshot" ("year" smallint NOT NULL, "month" smallint NOT NULL, "dimension" text NOT NULL, "key" text NOT NULL, "sort_order" integer NOT NULL, "data" jsonb NOT NULL, "taken_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "investment_snapshot_month_ck" CHECK (month BETWEEN 1 AND 12), CONSTRAINT "PK_d41f31e384f037963cdfaef554c" PRIMARY KEY ("year", "month", "dimension", "key"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "investment_snapshot"`);
  }
}
