import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every table of WithdrawableRecord: the records an archive can be imported into.
const TABLES = ['witnesses', 'testimonies', 'testimony_annotations', 'incidents', 'abductees'];

/**
 * The id a record had in the archive it was imported from (a spreadsheet row number, an
 * OpenEvSys or Uwazi id). Unique per case and table, so importing the same file twice finds
 * the records of the first import and writes nothing. NULL for records made in Sillok.
 */
export class AddExternalIds1764420000000 implements MigrationInterface {
  name = 'AddExternalIds1764420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN external_id text`);
      await queryRunner.query(
        `CREATE UNIQUE INDEX ${table}_external_id_key ON ${table} (case_id, external_id) WHERE external_id IS NOT NULL`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) {
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN external_id`);
    }
  }
}
