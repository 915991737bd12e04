import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A generation per user carried in every access token (raised to end all of a user's sessions), and the flag that
 * asks a user signing in with a password below the policy (the demo accounts' shared one) to choose another.
 */
export class UserSessions1795640000000 implements MigrationInterface {
  name = 'UserSessions1795640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "token_generation" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "must_change_password"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "token_generation"`);
  }
}
