import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GET /fixity finds the latest runs by their newest check: without this index each status read
 * (and `fixity:check --resume`, which looks for the latest run) scans every check ever recorded.
 */
export class FixityChecksByTime1765070000001 implements MigrationInterface {
  name = 'FixityChecksByTime1765070000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX fixity_checks_checked_at_idx ON fixity_checks (checked_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX fixity_checks_checked_at_idx`);
  }
}
