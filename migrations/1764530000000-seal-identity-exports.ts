import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exports that carry witness identities are stored encrypted: the bag under a key of its own
 * (AES-256-GCM), that key sealed by the identity vault's key. Purging an expired copy erases
 * the sealed key, which leaves every stored byte (and any object version or backup of it)
 * unreadable. Kept apart from case_exports, which is never changed.
 */
export class SealIdentityExports1764530000000 implements MigrationInterface {
  name = 'SealIdentityExports1764530000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_export_seals (
        export_id uuid PRIMARY KEY CONSTRAINT case_export_seals_export_id_fkey REFERENCES case_exports (id),
        key_id text NOT NULL,
        key_nonce bytea NOT NULL,
        sealed_key bytea,
        bag_iv bytea NOT NULL,
        bag_auth_tag bytea NOT NULL,
        witness_ids uuid[] NOT NULL,
        expires_at timestamptz NOT NULL,
        purged_at timestamptz,
        CONSTRAINT case_export_seals_purge_check CHECK ((purged_at IS NULL) = (sealed_key IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX case_export_seals_expiry_idx ON case_export_seals (expires_at) WHERE purged_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_export_seals`);
  }
}
