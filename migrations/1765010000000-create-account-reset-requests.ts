import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-person resets (issue 23): a password or second-factor reset of an account that reads
 * identities or exports waits here for a second administrator; a break-glass reset from the
 * server's command line is recorded here too (requested_by NULL). users.reset_request_id names
 * the last reset applied to the account; until reset_confirmed_at is set, its owner has not
 * confirmed a factor since, and identity reads and exports stay refused.
 */
export class CreateAccountResetRequests1765010000000 implements MigrationInterface {
  name = 'CreateAccountResetRequests1765010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE account_reset_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        kind text NOT NULL CONSTRAINT account_reset_requests_kind_check CHECK (kind IN ('password', 'mfa')),
        status text NOT NULL CONSTRAINT account_reset_requests_status_check
          CHECK (status IN ('pending', 'approved', 'rejected', 'expired', 'break_glass')),
        requested_by uuid REFERENCES users (id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        decided_by uuid REFERENCES users (id),
        decided_at timestamptz,
        reason text,
        CONSTRAINT account_reset_requests_requester_check CHECK ((status = 'break_glass') = (requested_by IS NULL)),
        -- The database itself refuses an approval by the administrator who asked (a withdrawal is theirs to make).
        CONSTRAINT account_reset_requests_second_person_check CHECK (status <> 'approved' OR decided_by <> requested_by)
      )`);
    // One waiting request per account and kind; expired ones are marked so before a new one is made.
    await queryRunner.query(`
      CREATE UNIQUE INDEX account_reset_requests_pending_key
        ON account_reset_requests (user_id, kind) WHERE status = 'pending'`);
    await queryRunner.query(
      `CREATE INDEX account_reset_requests_status_idx ON account_reset_requests (status, requested_at)`,
    );
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN reset_request_id uuid REFERENCES account_reset_requests (id),
        ADD COLUMN reset_confirmed_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN reset_confirmed_at, DROP COLUMN reset_request_id`);
    await queryRunner.query(`DROP TABLE account_reset_requests`);
  }
}
