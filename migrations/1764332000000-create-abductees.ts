import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry of abducted or disappeared persons. When living relatives are at risk the name is
 * sealed with the identity-vault keys (name_key_id, name_nonce, name_ciphertext) and `name` is NULL.
 */
export class CreateAbductees1764332000000 implements MigrationInterface {
  name = 'CreateAbductees1764332000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE abductee_reference_seq`);
    await queryRunner.query(`
      CREATE TABLE abductees (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL,
        case_id uuid NOT NULL,
        name text,
        name_at_risk boolean NOT NULL DEFAULT false,
        name_key_id text,
        name_nonce bytea,
        name_ciphertext bytea,
        nationality text,
        abduction_category_term_id uuid,
        abducted_from date,
        abducted_to date,
        abduction_date_precision text,
        abduction_place text,
        last_seen_date date,
        last_seen_date_precision text,
        last_seen_place text,
        last_seen_source text,
        status_term_id uuid,
        external_references jsonb NOT NULL DEFAULT '[]',
        testimony_ids uuid[] NOT NULL DEFAULT '{}',
        incident_ids uuid[] NOT NULL DEFAULT '{}',
        notes text NOT NULL DEFAULT '',
        withdrawn_at timestamptz,
        withdrawn_reason text,
        withdrawn_by uuid,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT abductees_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT abductees_abduction_category_term_id_fkey FOREIGN KEY (abduction_category_term_id) REFERENCES taxonomy_terms (id),
        CONSTRAINT abductees_status_term_id_fkey FOREIGN KEY (status_term_id) REFERENCES taxonomy_terms (id),
        CONSTRAINT abductees_withdrawn_by_fkey FOREIGN KEY (withdrawn_by) REFERENCES users (id),
        CONSTRAINT abductees_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT abductees_reference_check CHECK (reference ~ '^A-[0-9]{6,}$'),
        CONSTRAINT abductees_nationality_check CHECK (nationality ~ '^[A-Z]{2}$'),
        CONSTRAINT abductees_name_check CHECK (
          CASE WHEN name_at_risk
            THEN name IS NULL AND name_key_id IS NOT NULL AND length(name_nonce) = 12 AND name_ciphertext IS NOT NULL
            ELSE name_key_id IS NULL AND name_nonce IS NULL AND name_ciphertext IS NULL END),
        CONSTRAINT abductees_date_precision_check CHECK (
          (abduction_date_precision IS NULL OR abduction_date_precision IN ('exact', 'month', 'year', 'circa', 'unknown'))
          AND (last_seen_date_precision IS NULL OR last_seen_date_precision IN ('exact', 'month', 'year', 'circa', 'unknown'))),
        CONSTRAINT abductees_date_check CHECK (abducted_to IS NULL OR abducted_from IS NULL OR abducted_to >= abducted_from)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX abductees_reference_key ON abductees (reference)`);
    await queryRunner.query(`CREATE INDEX abductees_case_idx ON abductees (case_id, created_at, id)`);
    await queryRunner.query(`CREATE INDEX abductees_links_idx ON abductees USING gin (testimony_ids, incident_ids)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE abductees`);
    await queryRunner.query(`DROP SEQUENCE abductee_reference_seq`);
  }
}
