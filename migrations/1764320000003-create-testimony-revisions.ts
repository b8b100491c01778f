import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every content state of a testimony, revision 1 being the first: who, when, why, which
 * fields changed, the full content, and its SHA-256 so an export can cite the exact text.
 * Rows are never changed or removed.
 */
export class CreateTestimonyRevisions1764320000003 implements MigrationInterface {
  name = 'CreateTestimonyRevisions1764320000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE testimony_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        testimony_id uuid NOT NULL REFERENCES testimonies (id),
        revision integer NOT NULL,
        content jsonb NOT NULL,
        content_sha256 text NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
        changed_fields text[] NOT NULL DEFAULT '{}',
        reason text,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX testimony_revisions_number_key ON testimony_revisions (testimony_id, revision)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION refuse_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'rows of % are immutable', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER testimony_revisions_immutable BEFORE UPDATE OR DELETE ON testimony_revisions
        FOR EACH ROW EXECUTE FUNCTION refuse_row_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE testimony_revisions`);
    await queryRunner.query(`DROP FUNCTION refuse_row_change()`);
  }
}
