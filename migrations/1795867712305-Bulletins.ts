import { MigrationInterface, QueryRunner } from 'typeorm';

/** The month's 调度通报 (see BulletinEntity): one row per month, its files and figures, generating → draft → published (or failed). */
export class Bulletins1795867712305 implements MigrationInterface {
  name = 'Bulletins1795867712305';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "bulletin" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "month" character(7) NOT NULL, "status" text NOT NULL, "failure_reason" text, "document" bytea, "annex" bytea, "figures" jsonb, "requested_by" uuid, "generated_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "published_by" uuid, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "bulletin_files_ck" CHECK (("status" IN ('draft', 'published')) = ("document" IS NOT NULL AND "annex" IS NOT NULL AND "figures" IS NOT NULL)), CONSTRAINT "bulletin_month_ck" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'), CONSTRAINT "bulletin_status_ck" CHECK ("status" IN ('generating', 'draft', 'published', 'failed')), CONSTRAINT "PK_9803a6af5584494eeb1b150fb98" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "bulletin_month_uq" ON "bulletin"  ("month") `);
    await queryRunner.query(
      `ALTER TABLE "bulletin" ADD CONSTRAINT "FK_2c32117bf3358a330d8988aa0ab" FOREIGN KEY ("requested_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bulletin" ADD CONSTRAINT "FK_7b22ba37b984fdfd83f41eca900" FOREIGN KEY ("published_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bulletin" DROP CONSTRAINT "FK_7b22ba37b984fdfd83f41eca900"`);
    await queryRunner.query(`ALTER TABLE "bulletin" DROP CONSTRAINT "FK_2c32117bf3358a330d8988aa0ab"`);
    await queryRunner.query(`DROP INDEX "bulletin_month_uq"`);
    await queryRunner.query(`DROP TABLE "bulletin"`);
  }
}
