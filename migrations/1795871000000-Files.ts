import { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence files (content-addressed blobs in the file store) and what they are attached to. */
export class Files1795871000000 implements MigrationInterface {
  name = 'Files1795871000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sha256" character(64) NOT NULL, "size" integer NOT NULL, "content_type" text NOT NULL, "name" text NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "taken_at" TIMESTAMP WITH TIME ZONE, "latitude" double precision, "longitude" double precision, CONSTRAINT "file_content_type_ck" CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')), CONSTRAINT "file_sha256_ck" CHECK (sha256 ~ '^[0-9a-f]{64}$'), CONSTRAINT "PK_36b46d232307066b3a2c9ea3a1d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "file_sha256_idx" ON "file"  ("sha256") `);
    await queryRunner.query(
      `CREATE TABLE "file_attachment" ("file_id" uuid NOT NULL, "owner_kind" text NOT NULL, "owner_id" text NOT NULL, "project_id" uuid NOT NULL, "attached_by" uuid NOT NULL, "attached_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "file_attachment_kind_ck" CHECK (owner_kind IN ('transition_request', 'monthly_report')), CONSTRAINT "PK_d103ec9153c8035e7f1d7a7be1f" PRIMARY KEY ("file_id", "owner_kind", "owner_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "file_attachment_project_idx" ON "file_attachment"  ("project_id") `);
    await queryRunner.query(`CREATE INDEX "file_attachment_owner_idx" ON "file_attachment"  ("owner_kind", "owner_id") `);
    await queryRunner.query(
      `ALTER TABLE "file" ADD CONSTRAINT "FK_7b877394007233a988b1b845378" FOREIGN KEY ("uploaded_by") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "file_attachment" ADD CONSTRAINT "FK_6a0c9361ac8dd7730fac2a3c8f3" FOREIGN KEY ("file_id") REFERENCES "file"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "file_attachment" ADD CONSTRAINT "FK_06e79ecbc11cc4f48879dc7808b" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "file_attachment" DROP CONSTRAINT "FK_06e79ecbc11cc4f48879dc7808b"`);
    await queryRunner.query(`ALTER TABLE "file_attachment" DROP CONSTRAINT "FK_6a0c9361ac8dd7730fac2a3c8f3"`);
    await queryRunner.query(`ALTER TABLE "file" DROP CONSTRAINT "FK_7b877394007233a988b1b845378"`);
    await queryRunner.query(`DROP INDEX "file_attachment_owner_idx"`);
    await queryRunner.query(`DROP INDEX "file_attachment_project_idx"`);
    await queryRunner.query(`DROP TABLE "file_attachment"`);
    await queryRunner.query(`DROP INDEX "file_sha256_idx"`);
    await queryRunner.query(`DROP TABLE "file"`);
  }
}
