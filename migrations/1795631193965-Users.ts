import { MigrationInterface, QueryRunner } from 'typeorm';

export class Users1795631193965 implements MigrationInterface {
  name = 'Users1795631193965';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" text NOT NULL, "display_name" text NOT NULL, "role" text NOT NULL, "unit_id" uuid, "password_hash" text NOT NULL, "email" text, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_c480e576dd71729addbc2d51b67" UNIQUE ("username"), CONSTRAINT "app_user_owner_unit_ck" CHECK ("role" <> 'owner' OR "unit_id" IS NOT NULL), CONSTRAINT "app_user_role_ck" CHECK ("role" IN ('owner', 'reviewer', 'admin')), CONSTRAINT "app_user_username_lower_ck" CHECK ("username" = lower("username")), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_055c5291f4320e6e092162ae36c" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_055c5291f4320e6e092162ae36c"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
  }
}
