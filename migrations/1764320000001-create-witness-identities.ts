import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The identity vault: one AES-256-GCM sealed record per witness (legal name, other names,
 * contacts, family still in the DPRK, notes). Only ciphertext is stored; key_id names the
 * key that sealed it so keys can rotate.
 */
export class CreateWitnessIdentities1764320000001 implements MigrationInterface {
  name = 'CreateWitnessIdentities1764320000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE witness_identities (
        witness_id uuid PRIMARY KEY REFERENCES witnesses (id),
        key_id text NOT NULL,
        nonce bytea NOT NULL CHECK (length(nonce) = 12),
        ciphertext bytea NOT NULL,
        updated_by uuid NOT NULL REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE INDEX witness_identities_key_idx ON witness_identities (key_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE witness_identities`);
  }
}
