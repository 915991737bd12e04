import { MigrationInterface, QueryRunner } from 'typeorm';

/** The read-only leader role (区领导): every dashboard and list, escalations and the reviewers' digest, comments on problems. */
export class LeaderRole1795875100000 implements MigrationInterface {
  name = 'LeaderRole1795875100000';

  // Written by hand: TypeORM does not compare check constraints.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "app_user_role_ck"`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "app_user_role_ck" CHECK ("role" IN ('owner', 'reviewer', 'leader', 'admin'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Leaders keep their history (audit rows name them) but may no longer sign in.
    await queryRunner.query(`UPDATE "app_user" SET "role" = 'reviewer', "active" = false WHERE "role" = 'leader'`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "app_user_role_ck"`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "app_user_role_ck" CHECK ("role" IN ('owner', 'reviewer', 'admin'))`);
  }
}
