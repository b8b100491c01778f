import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence files: one row per stored object (originals and their derived copies). Rows are
 * never deleted and never lose data: a redacted or transcoded copy is a new row pointing at
 * its original through derived_from.
 */
export class CreateAttachments1764340000000 implements MigrationInterface {
  name = 'CreateAttachments1764340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        owner_type text NOT NULL CHECK (owner_type IN ('testimony', 'case')),
        owner_id uuid NOT NULL,
        object_key text NOT NULL,
        original_file_name text NOT NULL,
        declared_media_type text,
        detected_media_type text NOT NULL,
        size bigint NOT NULL CHECK (size >= 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        md5 text NOT NULL CHECK (md5 ~ '^[0-9a-f]{32}$'),
        kind text NOT NULL CHECK (kind IN ('interview_recording', 'document', 'drawing', 'photo', 'satellite_image', 'other')),
        description text NOT NULL DEFAULT '',
        language text,
        uploaded_by uuid NOT NULL REFERENCES users (id),
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        request_id text,
        derived_from uuid REFERENCES attachments (id),
        derivation text CHECK (derivation IN ('redacted', 'transcoded', 'other')),
        derivation_reason text,
        CONSTRAINT attachments_derivation_link_check CHECK (
          (derived_from IS NULL AND derivation IS NULL AND derivation_reason IS NULL)
          OR (derived_from IS NOT NULL AND derivation IS NOT NULL AND derivation_reason IS NOT NULL)
        )
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX attachments_object_key_key ON attachments (object_key)`);
    await queryRunner.query(
      `CREATE INDEX attachments_owner_idx ON attachments (owner_type, owner_id, uploaded_at, id)`,
    );
    await queryRunner.query(`CREATE INDEX attachments_case_idx ON attachments (case_id)`);
    await queryRunner.query(`CREATE INDEX attachments_derived_from_idx ON attachments (derived_from)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE attachments`);
  }
}
