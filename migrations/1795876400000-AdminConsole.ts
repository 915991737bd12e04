import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Units can be disabled (停用) once nothing uses them, and the operation log (操作日志) reads the audit across projects
 * newest first (by time, then id), by actor, by kind and by time: an index for each.
 */
export class AdminConsole1795876400000 implements MigrationInterface {
  name = 'AdminConsole1795876400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "unit" ADD "active" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`CREATE INDEX "audit_event_actor_idx" ON "audit_event" ("actor_id", "id") `);
    await queryRunner.query(`CREATE INDEX "audit_event_action_idx" ON "audit_event" ("action", "id") `);
    await queryRunner.query(`CREATE INDEX "audit_event_at_idx" ON "audit_event" ("at", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "audit_event_at_idx"`);
    await queryRunner.query(`DROP INDEX "audit_event_action_idx"`);
    await queryRunner.query(`DROP INDEX "audit_event_actor_idx"`);
    await queryRunner.query(`ALTER TABLE "unit" DROP COLUMN "active"`);
  }
}
