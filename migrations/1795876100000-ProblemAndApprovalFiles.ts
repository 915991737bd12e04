import { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence files attach to approvals (前期手续: the 批复 scan), problems and their replies too. */
export class ProblemAndApprovalFiles1795876100000 implements MigrationInterface {
  name = 'ProblemAndApprovalFiles1795876100000';

  // Written by hand: TypeORM does not compare check constraints.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "file_attachment" DROP CONSTRAINT "file_attachment_kind_ck"`);
    await queryRunner.query(
      `ALTER TABLE "file_attachment" ADD CONSTRAINT "file_attachment_kind_ck" CHECK (owner_kind IN ('transition_request', 'monthly_report', 'approval', 'problem', 'problem_reply'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The files themselves stay (their uploaders see them again, unattached).
    await queryRunner.query(`DELETE FROM "file_attachment" WHERE owner_kind IN ('approval', 'problem', 'problem_reply')`);
    await queryRunner.query(`ALTER TABLE "file_attachment" DROP CONSTRAINT "file_attachment_kind_ck"`);
    await queryRunner.query(
      `ALTER TABLE "file_attachment" ADD CONSTRAINT "file_attachment_kind_ck" CHECK (owner_kind IN ('transition_request', 'monthly_report'))`,
    );
  }
}
