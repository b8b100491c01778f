import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Witnesses are known by pseudonym only (W-000123, as the UN inquiry cited TBG031);
 * nothing in this table may identify the person. Their identity lives, encrypted, in
 * witness_identities.
 */
export class CreateWitnesses1764320000000 implements MigrationInterface {
  name = 'CreateWitnesses1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The service draws pseudonyms from this sequence: W-000001, W-000002, ...
    await queryRunner.query(`CREATE SEQUENCE witness_pseudonym_seq`);
    await queryRunner.query(`
      CREATE TABLE witnesses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        pseudonym text NOT NULL CHECK (pseudonym ~ '^W-[0-9]{6,}$'),
        sex text NOT NULL DEFAULT 'unknown' CHECK (sex IN ('female', 'male', 'other', 'unknown')),
        birth_year integer CHECK (birth_year BETWEEN 1900 AND 2100),
        age_range text,
        province_of_origin text,
        left_dprk_year integer CHECK (left_dprk_year BETWEEN 1945 AND 2100),
        arrival_year integer CHECK (arrival_year BETWEEN 1945 AND 2100),
        current_country text CHECK (current_country ~ '^[A-Z]{2}$'),
        languages text[] NOT NULL DEFAULT '{}',
        reprisal_risk boolean NOT NULL DEFAULT false,
        reprisal_risk_note text,
        withdrawn_at timestamptz,
        withdrawn_reason text,
        withdrawn_by uuid REFERENCES users (id),
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX witnesses_pseudonym_key ON witnesses (pseudonym)`);
    await queryRunner.query(`CREATE INDEX witnesses_case_idx ON witnesses (case_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE witnesses`);
    await queryRunner.query(`DROP SEQUENCE witness_pseudonym_seq`);
  }
}
