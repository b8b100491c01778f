import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per case-file export: who sent what to whom, under which profile, and the hash and
 * signature of the bag stored at object_key. Never changed or deleted, so a later consent
 * withdrawal can always be traced to the recipients who hold the testimony.
 */
export class CreateCaseExports1764400000000 implements MigrationInterface {
  name = 'CreateCaseExports1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_exports (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL CONSTRAINT case_exports_case_id_fkey REFERENCES cases (id),
        profile text NOT NULL CONSTRAINT case_exports_profile_check
          CHECK (profile IN ('un-submission', 'prosecution', 'public-anonymised', 'internal')),
        recipient text NOT NULL,
        selection jsonb NOT NULL,
        testimony_ids uuid[] NOT NULL,
        attachment_ids uuid[] NOT NULL,
        withheld jsonb NOT NULL,
        includes_identities boolean NOT NULL,
        object_key text NOT NULL,
        size bigint NOT NULL CONSTRAINT case_exports_size_check CHECK (size > 0),
        payload_oxum text NOT NULL,
        tag_manifest_sha256 text NOT NULL CONSTRAINT case_exports_tag_manifest_sha256_check
          CHECK (tag_manifest_sha256 ~ '^[0-9a-f]{64}$'),
        signature text NOT NULL,
        public_key_fingerprint text NOT NULL,
        created_by uuid NOT NULL CONSTRAINT case_exports_created_by_fkey REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX case_exports_object_key_key ON case_exports (object_key)`);
    await queryRunner.query(`CREATE INDEX case_exports_case_idx ON case_exports (case_id, created_at)`);
    await queryRunner.query(`CREATE INDEX case_exports_testimonies_idx ON case_exports USING gin (testimony_ids)`);
    await queryRunner.query(`
      CREATE TRIGGER case_exports_immutable BEFORE UPDATE OR DELETE ON case_exports
        FOR EACH ROW EXECUTE FUNCTION refuse_row_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_exports`);
  }
}
