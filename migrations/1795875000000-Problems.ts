import { MigrationInterface, QueryRunner } from 'typeorm';

/** The problem list (问题清单): problems raised on projects, assigned to a unit with a due date, and their threads of replies. */
export class Problems1795875000000 implements MigrationInterface {
  name = 'Problems1795875000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "problem" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "category" text NOT NULL, "needed_by" date NOT NULL, "status" text NOT NULL DEFAULT 'open', "assigned_unit_id" uuid, "due_date" date, "raised_by" uuid, "assigned_at" TIMESTAMP WITH TIME ZONE, "assigned_by" uuid, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by" uuid, "close_note" text, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "problem_closed_ck" CHECK (("status" = 'closed') = ("closed_at" IS NOT NULL)), CONSTRAINT "problem_assigned_ck" CHECK ("status" <> 'assigned' OR ("assigned_unit_id" IS NOT NULL AND "due_date" IS NOT NULL)), CONSTRAINT "problem_status_ck" CHECK ("status" IN ('open', 'assigned', 'closed')), CONSTRAINT "problem_category_ck" CHECK ("category" IN ('land', 'demolition', 'funding', 'approval', 'utilities', 'planning', 'other')), CONSTRAINT "PK_119b5ca6f3371465bf1f0f90219" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "problem_status_due_idx" ON "problem"  ("status", "due_date") `);
    await queryRunner.query(`CREATE INDEX "problem_assigned_unit_idx" ON "problem"  ("assigned_unit_id", "status") `);
    await queryRunner.query(`CREATE INDEX "problem_project_idx" ON "problem"  ("project_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "problem_reply" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "problem_id" uuid NOT NULL, "author_id" uuid, "author_name" text NOT NULL, "author_unit_id" uuid, "text" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3c2a919e9d7ff8f48704be0ce5d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "problem_reply_problem_idx" ON "problem_reply"  ("problem_id", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "problem" ADD CONSTRAINT "FK_48889a5ad3cbf486f4ef20c9751" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "problem" ADD CONSTRAINT "FK_3e75546240cfb2a5b0861c191f3" FOREIGN KEY ("assigned_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "problem" ADD CONSTRAINT "FK_890b6fe47cb932dc4d56315ed77" FOREIGN KEY ("raised_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "problem" ADD CONSTRAINT "FK_9369c65801b6a2adf5de963e907" FOREIGN KEY ("assigned_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "problem" ADD CONSTRAINT "FK_4d48d4abbe5bc22dc72b37aa50e" FOREIGN KEY ("closed_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "problem_reply" ADD CONSTRAINT "FK_e823b4484f39168183e4ff64c1d" FOREIGN KEY ("problem_id") REFERENCES "problem"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "problem_reply" ADD CONSTRAINT "FK_e654a73a85571a8e6a7fa5d9ef9" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "problem_reply"`);
    await queryRunner.query(`DROP TABLE "problem"`);
  }
}
