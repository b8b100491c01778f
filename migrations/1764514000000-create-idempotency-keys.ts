import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answers to creates sent with an Idempotency-Key, so a client that lost the answer (a
 * timeout, a 503, a dropped connection) can retry without making a duplicate. A row is
 * written in the same transaction as the record it answers for: it exists if and only if the
 * create committed. Scoped to the user and the request path; kept 24 hours.
 */
export class CreateIdempotencyKeys1764514000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764514000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        route text NOT NULL,
        key text NOT NULL,
        request_sha256 text NOT NULL,
        response_status integer NOT NULL,
        response_body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT idempotency_keys_pkey PRIMARY KEY (user_id, route, key)
      )`);
    await queryRunner.query(`CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys`);
  }
}
