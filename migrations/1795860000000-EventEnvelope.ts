import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One envelope for every domain event: who caused it and the HTTP request it came from get columns of their own,
 * and `payload` holds only the event's data. Events not yet relayed are brought into the new shape (the workflow's
 * `requestId` becomes `transitionRequestId` or `rebaselineRequestId`, beside the HTTP request id it could be mistaken for).
 */
export class EventEnvelope1795860000000 implements MigrationInterface {
  name = 'EventEnvelope1795860000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_event" ADD "actor_id" uuid`);
    await queryRunner.query(`ALTER TABLE "outbox_event" ADD "request_id" text`);
    await queryRunner.query(`
            UPDATE "outbox_event" SET
              "actor_id" = CASE WHEN "payload"->>'actorId' ~ '^[0-9a-f-]{36}$' THEN ("payload"->>'actorId')::uuid END,
              "payload" = CASE
                WHEN "payload" ? 'payload' THEN ("payload"->'payload') || jsonb_build_object('aggregateVersion', "payload"->'aggregateVersion', 'transitionRequestId', "payload"->'requestId')
                WHEN "name" LIKE 'rebaseline.%' OR "name" = 'milestone.rebaselined'
                  THEN ("payload" - 'requestId' - 'projectId' - 'actorId' - 'occurredAt') || jsonb_build_object('rebaselineRequestId', "payload"->'requestId')
                ELSE "payload" - 'projectId' - 'actorId' - 'occurredAt'
              END
            WHERE "published_at" IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_event" DROP COLUMN "request_id"`);
    await queryRunner.query(`ALTER TABLE "outbox_event" DROP COLUMN "actor_id"`);
  }
}
