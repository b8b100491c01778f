import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Passage tags and sensitive spans on a testimony's narrative (language NULL) or one translation.
 * Offsets are JavaScript string indices (UTF-16 code units) into the text of `anchored_revision`.
 */
export class CreateTestimonyAnnotations1764330000000 implements MigrationInterface {
  name = 'CreateTestimonyAnnotations1764330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE testimony_annotations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        testimony_id uuid NOT NULL,
        kind text NOT NULL DEFAULT 'tag',
        sensitive_category text,
        language text,
        range_start integer,
        range_end integer,
        quote text,
        anchored_revision integer NOT NULL,
        status text NOT NULL DEFAULT 'anchored',
        violation_term_ids uuid[] NOT NULL DEFAULT '{}',
        act_term_ids uuid[] NOT NULL DEFAULT '{}',
        facility_term_id uuid,
        place_text text,
        date_from date,
        date_to date,
        date_precision text,
        agency_term_ids uuid[] NOT NULL DEFAULT '{}',
        victim_kind text,
        victim_name text,
        victim_description text,
        source_connection_term_id uuid,
        reliability_term_id uuid,
        note text NOT NULL DEFAULT '',
        withdrawn_at timestamptz,
        withdrawn_reason text,
        withdrawn_by uuid,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT testimony_annotations_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT testimony_annotations_testimony_id_fkey FOREIGN KEY (testimony_id) REFERENCES testimonies (id),
        CONSTRAINT testimony_annotations_facility_term_id_fkey FOREIGN KEY (facility_term_id) REFERENCES taxonomy_terms (id),
        CONSTRAINT testimony_annotations_source_connection_term_id_fkey FOREIGN KEY (source_connection_term_id) REFERENCES taxonomy_terms (id),
        CONSTRAINT testimony_annotations_reliability_term_id_fkey FOREIGN KEY (reliability_term_id) REFERENCES taxonomy_terms (id),
        CONSTRAINT testimony_annotations_withdrawn_by_fkey FOREIGN KEY (withdrawn_by) REFERENCES users (id),
        CONSTRAINT testimony_annotations_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT testimony_annotations_kind_check CHECK (kind IN ('tag', 'sensitive')),
        CONSTRAINT testimony_annotations_status_check CHECK (status IN ('anchored', 'needs_review')),
        CONSTRAINT testimony_annotations_sensitive_check CHECK (
          (kind = 'sensitive') = (sensitive_category IS NOT NULL)
          AND (sensitive_category IS NULL OR sensitive_category IN ('family_name', 'home_village', 'other'))
          AND (kind = 'tag' OR range_start IS NOT NULL)),
        CONSTRAINT testimony_annotations_range_check CHECK (
          (range_start IS NULL AND range_end IS NULL AND quote IS NULL)
          OR (range_start >= 0 AND range_end > range_start AND quote IS NOT NULL)),
        CONSTRAINT testimony_annotations_date_precision_check CHECK (
          date_precision IS NULL OR date_precision IN ('exact', 'month', 'year', 'circa', 'unknown')),
        CONSTRAINT testimony_annotations_date_check CHECK (date_to IS NULL OR date_from IS NULL OR date_to >= date_from),
        CONSTRAINT testimony_annotations_victim_check CHECK (
          (victim_kind IS NULL OR victim_kind IN ('witness', 'named_person', 'unnamed_person'))
          AND (victim_name IS NULL OR victim_kind = 'named_person'))
      )`);
    await queryRunner.query(
      `CREATE INDEX testimony_annotations_testimony_idx ON testimony_annotations (testimony_id, created_at)`,
    );
    await queryRunner.query(`CREATE INDEX testimony_annotations_case_idx ON testimony_annotations (case_id)`);
    await queryRunner.query(
      `CREATE INDEX testimony_annotations_terms_idx ON testimony_annotations USING gin (violation_term_ids, act_term_ids, agency_term_ids)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE testimony_annotations`);
  }
}
