import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An administrator's change to a user or a unit is about no project: the row keeps the unit it concerns (the user's, or the
 * unit itself), so the operation log's unit filter finds it. No foreign key: the audit outlives what it names.
 */
export class AuditUnit1795876500000 implements MigrationInterface {
  name = 'AuditUnit1795876500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "unit_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "unit_id"`);
  }
}
