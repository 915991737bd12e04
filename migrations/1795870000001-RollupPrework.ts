import { MigrationInterface, QueryRunner } from 'typeorm';

/** Roll-ups carry 前期手续 (approvals required, done, 不适用 and the rate); the next recompute fills them in. */
export class RollupPrework1795870000001 implements MigrationInterface {
  name = 'RollupPrework1795870000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rollup" ADD "prework" jsonb NOT NULL DEFAULT '{"required": 0, "done": 0, "notApplicable": 0, "rate": null}'`);
    await queryRunner.query(`ALTER TABLE "rollup" ALTER COLUMN "prework" DROP DEFAULT`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rollup" DROP COLUMN "prework"`);
  }
}
