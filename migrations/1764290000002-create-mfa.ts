import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Second factor: single-use recovery codes (hashed) and pending two-step login challenges (hashed). */
export class CreateMfa1764290000002 implements MigrationInterface {
  name = 'CreateMfa1764290000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE auth_recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        code_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX auth_recovery_codes_user_id_idx ON auth_recovery_codes (user_id)`);
    await queryRunner.query(`
      CREATE TABLE auth_mfa_challenges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX auth_mfa_challenges_token_hash_key ON auth_mfa_challenges (token_hash)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE auth_mfa_challenges`);
    await queryRunner.query(`DROP TABLE auth_recovery_codes`);
  }
}
