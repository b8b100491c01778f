import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The /auth rate limit's counters, in PostgreSQL so that every API process on the database
 * shares one allowance per client address and route (issue 14, "Running more than one API
 * process"). One row per key (route and client address) with the start of its current
 * one-minute window, which begins at the key's first request, as the in-memory limit did; UNLOGGED, since counters lost in a crash
 * cost at most one minute of allowance and need no WAL on every login.
 */
export class CreateAuthRateLimits1764520000001 implements MigrationInterface {
  name = 'CreateAuthRateLimits1764520000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNLOGGED TABLE auth_rate_limits (
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        hits integer NOT NULL,
        PRIMARY KEY (key)
      )`);
    await queryRunner.query(`CREATE INDEX auth_rate_limits_window_idx ON auth_rate_limits (window_start)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE auth_rate_limits`);
  }
}
