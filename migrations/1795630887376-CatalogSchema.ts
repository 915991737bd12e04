import { MigrationInterface, QueryRunner } from 'typeorm';

export class CatalogSchema1795630887376 implements MigrationInterface {
  name = 'CatalogSchema1795630887376';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "indicator" ("no" smallint NOT NULL, "category" text NOT NULL, "name" text NOT NULL, "unit" text, "value_2025" text NOT NULL, "target_2030" text NOT NULL, "value_2025_number" numeric, "target_2030_number" numeric, "nature" text NOT NULL, "nature_label" text NOT NULL, "annual_growth" boolean NOT NULL, CONSTRAINT "PK_2f92167587c70925f05823345b0" PRIMARY KEY ("no"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "plan_part" ("no" smallint NOT NULL, "label" text NOT NULL, "title" text NOT NULL, CONSTRAINT "PK_ab083e778b3e4f3a3f3fcece57d" PRIMARY KEY ("no"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "plan_chapter" ("no" smallint NOT NULL, "part_no" smallint NOT NULL, "label" text NOT NULL, "title" text NOT NULL, CONSTRAINT "PK_796943bbe7637763222cea7f71b" PRIMARY KEY ("no"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "plan_section" ("id" SERIAL NOT NULL, "chapter_no" smallint NOT NULL, "no" smallint NOT NULL, "label" text NOT NULL, "title" text NOT NULL, CONSTRAINT "PK_46ce0afc710ff959e1f78ff86e2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_51b2849b584308538a6d7c0630" ON "plan_section"  ("chapter_no", "no") `);
    await queryRunner.query(
      `CREATE TABLE "plan_column" ("no" smallint NOT NULL, "label" text NOT NULL, "title" text NOT NULL, "chapter_no" smallint NOT NULL, "section_no" smallint, CONSTRAINT "PK_f835ff623a7fc4fc07814488064" PRIMARY KEY ("no"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "plan_column_item" ("column_no" smallint NOT NULL, "no" smallint NOT NULL, "label" text NOT NULL, "title" text NOT NULL, CONSTRAINT "PK_a3cef79cfd077b3f4b9715412db" PRIMARY KEY ("column_no", "no"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "unit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, "sectors" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_dfb75cdb2a790fb84327e1d1b15" UNIQUE ("code"), CONSTRAINT "PK_4252c4be609041e559f0c80f58a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "project" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "catalog_key" text NOT NULL, "name" text NOT NULL, "pinyin" text NOT NULL, "search_text" text NOT NULL, "sector" text NOT NULL, "target" text NOT NULL, "target_ambiguous" boolean NOT NULL DEFAULT false, "target_verb" text NOT NULL, "baseline_stage" text NOT NULL, "baseline_clause" text, "stage" text NOT NULL, "unit_id" uuid NOT NULL, "column_no" smallint NOT NULL, "item_no" smallint, "chapter_no" smallint NOT NULL, "part_no" smallint NOT NULL, "column_nos" smallint array NOT NULL, "chapter_nos" smallint array NOT NULL, "part_nos" smallint array NOT NULL, "plan_order" integer NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_d60a6d9a765f7e08fe59f1b3988" UNIQUE ("catalog_key"), CONSTRAINT "PK_4d68b1358bb5b766d3e78f32f57" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "project_plan_order_idx" ON "project"  ("plan_order") `);
    await queryRunner.query(`CREATE INDEX "project_stage_idx" ON "project"  ("stage") `);
    await queryRunner.query(`CREATE INDEX "project_unit_idx" ON "project"  ("unit_id") `);
    await queryRunner.query(`CREATE INDEX "project_sector_idx" ON "project"  ("sector") `);
    // Substring search on names, pinyin and initials (q=渝贵, yuguigaotie, yggt) uses a trigram index.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`);
    await queryRunner.query(`CREATE INDEX "project_search_trgm_idx" ON "project" USING gin ("search_text" public.gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "project_column_nos_idx" ON "project" USING gin ("column_nos")`);
    await queryRunner.query(`CREATE INDEX "project_chapter_nos_idx" ON "project" USING gin ("chapter_nos")`);
    await queryRunner.query(`CREATE INDEX "project_part_nos_idx" ON "project" USING gin ("part_nos")`);
    await queryRunner.query(
      `CREATE TABLE "project_source" ("id" SERIAL NOT NULL, "project_id" uuid NOT NULL, "ordinal" smallint NOT NULL, "column_no" smallint NOT NULL, "item_no" smallint, "chapter_no" smallint NOT NULL, "clause" text NOT NULL, "mention" text, CONSTRAINT "PK_d781a1c6c149ae805177a97537d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "project_source_clause_uq" ON "project_source"  ("project_id", "column_no", "clause") `);
    await queryRunner.query(
      `ALTER TABLE "plan_chapter" ADD CONSTRAINT "FK_544deb6e16685b2668ea1e5dae5" FOREIGN KEY ("part_no") REFERENCES "plan_part"("no") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_section" ADD CONSTRAINT "FK_30cbe80f38064768802e512a170" FOREIGN KEY ("chapter_no") REFERENCES "plan_chapter"("no") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_column" ADD CONSTRAINT "FK_4f6c096b6015391b153cb4ffb21" FOREIGN KEY ("chapter_no") REFERENCES "plan_chapter"("no") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_column_item" ADD CONSTRAINT "FK_95508c5903c1add01078aa73172" FOREIGN KEY ("column_no") REFERENCES "plan_column"("no") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "project" ADD CONSTRAINT "FK_c771fec295fbb2cb690e12ca88d" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "project_source" ADD CONSTRAINT "FK_e37fc0da00dc95be641e04f2523" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "project_source" DROP CONSTRAINT "FK_e37fc0da00dc95be641e04f2523"`);
    await queryRunner.query(`ALTER TABLE "project" DROP CONSTRAINT "FK_c771fec295fbb2cb690e12ca88d"`);
    await queryRunner.query(`ALTER TABLE "plan_column_item" DROP CONSTRAINT "FK_95508c5903c1add01078aa73172"`);
    await queryRunner.query(`ALTER TABLE "plan_column" DROP CONSTRAINT "FK_4f6c096b6015391b153cb4ffb21"`);
    await queryRunner.query(`ALTER TABLE "plan_section" DROP CONSTRAINT "FK_30cbe80f38064768802e512a170"`);
    await queryRunner.query(`ALTER TABLE "plan_chapter" DROP CONSTRAINT "FK_544deb6e16685b2668ea1e5dae5"`);
    await queryRunner.query(`DROP INDEX "project_source_clause_uq"`);
    await queryRunner.query(`DROP TABLE "project_source"`);
    await queryRunner.query(`DROP INDEX "project_sector_idx"`);
    await queryRunner.query(`DROP INDEX "project_unit_idx"`);
    await queryRunner.query(`DROP INDEX "project_stage_idx"`);
    await queryRunner.query(`DROP INDEX "project_plan_order_idx"`);
    await queryRunner.query(`DROP INDEX "project_part_nos_idx"`);
    await queryRunner.query(`DROP INDEX "project_chapter_nos_idx"`);
    await queryRunner.query(`DROP INDEX "project_column_nos_idx"`);
    await queryRunner.query(`DROP INDEX "project_search_trgm_idx"`);
    await queryRunner.query(`DROP TABLE "project"`);
    await queryRunner.query(`DROP TABLE "unit"`);
    await queryRunner.query(`DROP TABLE "plan_column_item"`);
    await queryRunner.query(`DROP TABLE "plan_column"`);
    await queryRunner.query(`DROP INDEX "IDX_51b2849b584308538a6d7c0630"`);
    await queryRunner.query(`DROP TABLE "plan_section"`);
    await queryRunner.query(`DROP TABLE "plan_chapter"`);
    await queryRunner.query(`DROP TABLE "plan_part"`);
    await queryRunner.query(`DROP TABLE "indicator"`);
  }
}
