import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts: unique email regardless of case, never deleted (disabled instead). */
export class CreateUsers1764290000000 implements MigrationInterface {
  name = 'CreateUsers1764290000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        display_name text NOT NULL,
        role text NOT NULL
          CHECK (role IN ('admin', 'coordinator', 'investigator', 'analyst', 'legal_reviewer', 'auditor')),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
        password_hash text NOT NULL,
        must_change_password boolean NOT NULL DEFAULT false,
        failed_login_count integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        mfa_secret_encrypted text,
        mfa_enabled_at timestamptz,
        mfa_last_time_step bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE users`);
  }
}
