import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Incidents (who did what to whom, where, when), their sources in testimonies, and links between them. */
export class CreateIncidents1764331000000 implements MigrationInterface {
  name = 'CreateIncidents1764331000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE incident_reference_seq`);
    await queryRunner.query(`
      CREATE TABLE incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL,
        case_id uuid NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        violation_term_ids uuid[] NOT NULL DEFAULT '{}',
        act_term_ids uuid[] NOT NULL DEFAULT '{}',
        facility_term_id uuid,
        place_text text,
        date_from date,
        date_to date,
        date_precision text,
        agency_term_ids uuid[] NOT NULL DEFAULT '{}',
        perpetrator_names text[] NOT NULL DEFAULT '{}',
        victim_witness_ids uuid[] NOT NULL DEFAULT '{}',
        victims text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'draft',
        withdrawn_at timestamptz,
        withdrawn_reason text,
        withdrawn_by uuid,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT incidents_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT incidents_facility_term_id_fkey FOREIGN KEY (facility_term_id) REFERENCES taxonomy_terms (id),
        CONSTRAINT incidents_withdrawn_by_fkey FOREIGN KEY (withdrawn_by) REFERENCES users (id),
        CONSTRAINT incidents_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT incidents_reference_check CHECK (reference ~ '^I-[0-9]{6,}$'),
        CONSTRAINT incidents_status_check CHECK (status IN ('draft', 'under_review', 'confirmed', 'disputed')),
        CONSTRAINT incidents_date_precision_check CHECK (
          date_precision IS NULL OR date_precision IN ('exact', 'month', 'year', 'circa', 'unknown')),
        CONSTRAINT incidents_date_check CHECK (date_to IS NULL OR date_from IS NULL OR date_to >= date_from)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX incidents_reference_key ON incidents (reference)`);
    await queryRunner.query(`CREATE INDEX incidents_case_idx ON incidents (case_id, created_at, id)`);
    await queryRunner.query(
      `CREATE INDEX incidents_terms_idx ON incidents USING gin (violation_term_ids, act_term_ids, agency_term_ids)`,
    );
    await queryRunner.query(`CREATE INDEX incidents_facility_idx ON incidents (facility_term_id)`);
    await queryRunner.query(`
      CREATE TABLE incident_sources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        incident_id uuid NOT NULL,
        testimony_id uuid NOT NULL,
        annotation_id uuid,
        source_connection_term_id uuid,
        reliability_term_id uuid,
        note text NOT NULL DEFAULT '',
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz,
        removed_by uuid,
        CONSTRAINT incident_sources_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT incident_sources_incident_id_fkey FOREIGN KEY (incident_id) REFERENCES incidents (id),
        CONSTRAINT incident_sources_testimony_id_fkey FOREIGN KEY (testimony_id) REFERENCES testimonies (id),
        CONSTRAINT incident_sources_annotation_id_fkey FOREIGN KEY (annotation_id) REFERENCES testimony_annotations (id),
        CONSTRAINT incident_sources_source_connection_term_id_fkey FOREIGN KEY (source_connection_term_id) REFERENCES taxonomy_terms (id),
        CONSTRAINT incident_sources_reliability_term_id_fkey FOREIGN KEY (reliability_term_id) REFERENCES taxonomy_terms (id),
        CONSTRAINT incident_sources_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT incident_sources_removed_by_fkey FOREIGN KEY (removed_by) REFERENCES users (id)
      )`);
    await queryRunner.query(`CREATE INDEX incident_sources_incident_idx ON incident_sources (incident_id)`);
    await queryRunner.query(`CREATE INDEX incident_sources_testimony_idx ON incident_sources (testimony_id)`);
    await queryRunner.query(`
      CREATE TABLE incident_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        from_incident_id uuid NOT NULL,
        to_incident_id uuid NOT NULL,
        relation text NOT NULL,
        note text NOT NULL DEFAULT '',
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz,
        removed_by uuid,
        CONSTRAINT incident_links_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT incident_links_from_incident_id_fkey FOREIGN KEY (from_incident_id) REFERENCES incidents (id),
        CONSTRAINT incident_links_to_incident_id_fkey FOREIGN KEY (to_incident_id) REFERENCES incidents (id),
        CONSTRAINT incident_links_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT incident_links_removed_by_fkey FOREIGN KEY (removed_by) REFERENCES users (id),
        CONSTRAINT incident_links_relation_check CHECK (relation IN ('part_of', 'follows', 'same_event')),
        CONSTRAINT incident_links_self_check CHECK (from_incident_id <> to_incident_id)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX incident_links_active_key ON incident_links (from_incident_id, to_incident_id, relation) WHERE removed_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX incident_links_to_idx ON incident_links (to_incident_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE incident_links`);
    await queryRunner.query(`DROP TABLE incident_sources`);
    await queryRunner.query(`DROP TABLE incidents`);
    await queryRunner.query(`DROP SEQUENCE incident_reference_seq`);
  }
}
