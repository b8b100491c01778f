import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per fixity check of an attachment's stored object (sillok fixity:check). */
export class CreateFixityChecks1764340000001 implements MigrationInterface {
  name = 'CreateFixityChecks1764340000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE fixity_checks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        attachment_id uuid NOT NULL REFERENCES attachments (id),
        run_id uuid NOT NULL,
        checked_at timestamptz NOT NULL DEFAULT now(),
        ok boolean NOT NULL,
        missing boolean NOT NULL DEFAULT false,
        observed_sha256 text,
        observed_size bigint
      )`);
    await queryRunner.query(`CREATE INDEX fixity_checks_attachment_idx ON fixity_checks (attachment_id, checked_at)`);
    await queryRunner.query(`CREATE INDEX fixity_checks_run_idx ON fixity_checks (run_id, attachment_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE fixity_checks`);
  }
}
