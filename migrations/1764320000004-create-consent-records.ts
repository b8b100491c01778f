import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The consent ledger. Each row is one version of a witness's consent (testimony_id NULL)
 * or of a testimony-specific limit; a withdrawal is a new version with fewer (or no)
 * scopes. Rows are never changed: the current consent is the latest version.
 */
export class CreateConsentRecords1764320000004 implements MigrationInterface {
  name = 'CreateConsentRecords1764320000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE consent_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        witness_id uuid NOT NULL REFERENCES witnesses (id),
        testimony_id uuid REFERENCES testimonies (id),
        version integer NOT NULL,
        scopes text[] NOT NULL
          CHECK (scopes <@ ARRAY['internal', 'un_mechanisms', 'courts', 'public_anonymised', 'public_named']::text[]),
        method text NOT NULL CHECK (method IN ('written', 'oral', 'recorded')),
        conditions text NOT NULL DEFAULT '',
        is_withdrawal boolean NOT NULL DEFAULT false,
        taken_by uuid NOT NULL REFERENCES users (id),
        taken_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX consent_records_version_key
        ON consent_records (witness_id, COALESCE(testimony_id, '00000000-0000-0000-0000-000000000000'::uuid), version)`);
    await queryRunner.query(`
      CREATE TRIGGER consent_records_immutable BEFORE UPDATE OR DELETE ON consent_records
        FOR EACH ROW EXECUTE FUNCTION refuse_row_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE consent_records`);
  }
}
