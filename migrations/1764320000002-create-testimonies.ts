import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Testimonies, their translations, and the statement lineage between testimonies of one witness. */
export class CreateTestimonies1764320000002 implements MigrationInterface {
  name = 'CreateTestimonies1764320000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE testimony_reference_seq`);
    await queryRunner.query(`
      CREATE TABLE testimonies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL CHECK (reference ~ '^T-[0-9]{6,}$'),
        case_id uuid NOT NULL REFERENCES cases (id),
        witness_id uuid NOT NULL REFERENCES witnesses (id),
        forum text NOT NULL CHECK (forum IN ('confidential_interview', 'public_hearing', 'written_submission', 'other')),
        interview_date date,
        interview_city text,
        interview_country text CHECK (interview_country ~ '^[A-Z]{2}$'),
        interviewer_ids uuid[] NOT NULL DEFAULT '{}',
        original_language text NOT NULL,
        interpreter_used boolean NOT NULL DEFAULT false,
        interpreter_languages text,
        title text NOT NULL,
        summary text NOT NULL DEFAULT '',
        narrative text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'under_review', 'approved')),
        revision integer NOT NULL DEFAULT 1,
        approved_by uuid REFERENCES users (id),
        approved_at timestamptz,
        withdrawn_at timestamptz,
        withdrawn_reason text,
        withdrawn_by uuid REFERENCES users (id),
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX testimonies_reference_key ON testimonies (reference)`);
    await queryRunner.query(`CREATE INDEX testimonies_case_idx ON testimonies (case_id, created_at, id)`);
    await queryRunner.query(`CREATE INDEX testimonies_witness_idx ON testimonies (witness_id)`);
    await queryRunner.query(`
      CREATE TABLE testimony_translations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        testimony_id uuid NOT NULL REFERENCES testimonies (id),
        language text NOT NULL,
        text text NOT NULL,
        translator text,
        checked boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX testimony_translations_language_key ON testimony_translations (testimony_id, language)`,
    );
    await queryRunner.query(`
      CREATE TABLE testimony_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        from_testimony_id uuid NOT NULL REFERENCES testimonies (id),
        to_testimony_id uuid NOT NULL REFERENCES testimonies (id),
        assessment text NOT NULL DEFAULT 'not_assessed'
          CHECK (assessment IN ('not_assessed', 'consistent', 'partly_consistent', 'contradictory')),
        notes text NOT NULL DEFAULT '',
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (from_testimony_id <> to_testimony_id)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX testimony_links_pair_key ON testimony_links (LEAST(from_testimony_id, to_testimony_id), GREATEST(from_testimony_id, to_testimony_id))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE testimony_links`);
    await queryRunner.query(`DROP TABLE testimony_translations`);
    await queryRunner.query(`DROP TABLE testimonies`);
    await queryRunner.query(`DROP SEQUENCE testimony_reference_seq`);
  }
}
