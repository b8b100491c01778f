import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases (the need-to-know boundary) and the per-year counter behind their CASE-<year>-<nnnn> references. */
export class CreateCases1764290000003 implements MigrationInterface {
  name = 'CreateCases1764290000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_reference_counters (
        year integer PRIMARY KEY,
        last_number integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL CHECK (reference ~ '^CASE-[0-9]{4}-[0-9]{4,}$'),
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'archived')),
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX cases_reference_key ON cases (reference)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE cases`);
    await queryRunner.query(`DROP TABLE case_reference_counters`);
  }
}
