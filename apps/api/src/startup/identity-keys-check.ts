import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Settings } from '@sillok/config';
import { IdentityKeyRing, openRecord } from '@sillok/testimonies';

interface SampleRow {
  owner: string;
  key_id: string;
  nonce: Buffer;
  ciphertext: Buffer;
  sealed: string;
}

// A few records per key id: one tampered row must not stop the server, a wrong key must.
const SAMPLES_PER_KEY = 3;

/**
 * Refuses to start when stored identities (witness identities, sealed abductee names) are
 * sealed with a key id that IDENTITY_ENCRYPTION_KEYS lacks, or with a key of that id that
 * opens none of them. Without it, a restore without its keys (or a regenerated secrets.json)
 * starts with new keys and every identity read fails later, one witness at a time.
 * Names key ids only, never key bytes.
 */
@Injectable()
export class IdentityKeysCheck implements OnModuleInit {
  constructor(
    private readonly settings: Settings,
    private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    const ring = IdentityKeyRing.parse(this.settings.IDENTITY_ENCRYPTION_KEYS);
    const rows: SampleRow[] = await this.dataSource.query(
      `SELECT owner, key_id, nonce, ciphertext, sealed FROM (
         SELECT owner, key_id, nonce, ciphertext,
                count(*) OVER (PARTITION BY key_id) AS sealed,
                row_number() OVER (PARTITION BY key_id ORDER BY owner) AS n
           FROM (SELECT witness_id::text AS owner, key_id, nonce, ciphertext FROM witness_identities
                 UNION ALL
                 SELECT 'abductee:' || id, name_key_id, name_nonce, name_ciphertext FROM abductees
                  WHERE name_key_id IS NOT NULL) sealed_records) samples
        WHERE n <= ${SAMPLES_PER_KEY}`,
    );
    const byKey = new Map<string, SampleRow[]>();
    for (const row of rows) byKey.set(row.key_id, [...(byKey.get(row.key_id) ?? []), row]);
    for (const [keyId, samples] of byKey) {
      const count = samples[0].sealed;
      if (!ring.has(keyId)) {
        throw new Error(
          `IDENTITY_ENCRYPTION_KEYS: ${count} stored identity records are sealed with key "${keyId}", which is not ` +
            `configured; add that key (id:base64key) from where you keep it. Refusing to start.`,
        );
      }
      if (!samples.some((row) => opens(ring, row))) {
        throw new Error(
          `IDENTITY_ENCRYPTION_KEYS: the configured key "${keyId}" does not decrypt the ${count} identity records ` +
            `sealed with it (another key under the same id: a lost or regenerated secrets.json?); configure the ` +
            `original key. Refusing to start.`,
        );
      }
    }
  }
}

function opens(ring: IdentityKeyRing, row: SampleRow): boolean {
  try {
    openRecord(ring, row.owner, { keyId: row.key_id, nonce: row.nonce, ciphertext: row.ciphertext });
    return true;
  } catch {
    return false;
  }
}
