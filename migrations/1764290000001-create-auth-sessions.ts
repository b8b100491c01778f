import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Login sessions and their rotating refresh tokens (stored hashed; spent ones kept to detect reuse). */
export class CreateAuthSessions1764290000001 implements MigrationInterface {
  name = 'CreateAuthSessions1764290000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        mfa_verified boolean NOT NULL DEFAULT false,
        user_agent text,
        client_address text
      )`);
    await queryRunner.query(`CREATE INDEX auth_sessions_user_id_idx ON auth_sessions (user_id)`);
    await queryRunner.query(`
      CREATE TABLE auth_refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES auth_sessions (id),
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        spent_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX auth_refresh_tokens_token_hash_key ON auth_refresh_tokens (token_hash)`,
    );
    await queryRunner.query(`CREATE INDEX auth_refresh_tokens_session_id_idx ON auth_refresh_tokens (session_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE auth_refresh_tokens`);
    await queryRunner.query(`DROP TABLE auth_sessions`);
  }
}
