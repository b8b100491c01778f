import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Extensions later features rely on: pg_trgm (Korean and fuzzy search, alias lookup)
 * and unaccent (diacritic-insensitive romanisations such as "Yodŏk"). Both are trusted
 * extensions, so a database owner without superuser rights may create them.
 */
export class EnableExtensions1764270000000 implements MigrationInterface {
  name = 'EnableExtensions1764270000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP EXTENSION IF EXISTS unaccent`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
