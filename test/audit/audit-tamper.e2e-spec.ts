/* eslint-disable no-restricted-syntax -- this file works on the raw audit_events table on purpose (tampering, grants, the sealer itself) */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createPublicKey, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AuditAction,
  AuditCheckpointService,
  AuditService,
  AuditVerifier,
  auditRowHash,
  signCheckpoint,
  type StoredAuditRow,
} from '@sillok/audit';
import { generateEd25519PrivateKey } from '@sillok/config';
import { AuditSigningKey } from '@sillok/audit';
import { forgedIdentityReadInsert } from '../support/forged-audit-row.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ROWS = 12;

// Tampering as someone with database superuser rights would: triggers off, rows edited in place.
describe('audit chain verification against tampering', () => {
  let t: TestApp;
  let db: DataSource;
  let verifier: AuditVerifier;
  let checkpoints: AuditCheckpointService;

  async function asSuperuser(...statements: string[]): Promise<void> {
    await db.query(`ALTER TABLE audit_events DISABLE TRIGGER ALL`);
    try {
      for (const sql of statements) await db.query(sql);
    } finally {
      await db.query(`ALTER TABLE audit_events ENABLE TRIGGER ALL`);
    }
  }

  /** Rewrites rows from `fromSeq` on with correct hashes, as a forger who knows the scheme would. */
  async function forgeFrom(fromSeq: number, change: (row: StoredAuditRow) => void): Promise<void> {
    const rows: StoredAuditRow[] = await db.query(
      `SELECT seq::float8 AS seq, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
              actor_user_id, actor_role, action, subject_type, subject_id, case_id, request_id, client_address,
              user_agent, reason, details, prev_hash, hash
         FROM audit_events WHERE seq >= $1 - 1 ORDER BY seq`,
      [fromSeq],
    );
    const statements: string[] = [];
    for (let i = 1; i < rows.length; i++) {
      const row = rows[i];
      if (row.seq === fromSeq) change(row);
      row.prev_hash = rows[i - 1].hash;
      const { hash: _old, ...fields } = row;
      row.hash = auditRowHash(fields);
      statements.push(
        `UPDATE audit_events SET details = '${JSON.stringify(row.details)}', prev_hash = '${row.prev_hash}', hash = '${row.hash}' WHERE seq = ${row.seq}`,
      );
    }
    await asSuperuser(...statements);
  }

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    verifier = t.app.get(AuditVerifier);
    checkpoints = t.app.get(AuditCheckpointService);
    const audit = t.app.get(AuditService);
    for (let i = 1; i <= ROWS; i++) {
      await audit.recordNow({
        action: AuditAction.TestimonyUpdate,
        subjectType: 'testimony',
        subjectId: `t${i}`,
        caseId: randomUUID(),
        details: { fields: ['summary'], revision: i },
      });
    }
    await db.query(`CREATE TABLE audit_events_original AS SELECT * FROM audit_events`);
  });
  afterEach(async () => {
    await asSuperuser(`DELETE FROM audit_events`, `INSERT INTO audit_events SELECT * FROM audit_events_original`);
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports an untouched chain OK with its count and head hash, with progress after each batch', async () => {
    const [head] = await db.query(`SELECT hash FROM audit_events WHERE seq = $1`, [ROWS]);
    const progress: Array<{ checked: number; total: number }> = [];
    const result = await verifier.verify({ batchSize: 5, onProgress: (p) => progress.push(p) });
    expect(result).toEqual({ ok: true, count: ROWS, headSeq: ROWS, headHash: head.hash });
    expect(progress).toEqual([
      { checked: 5, total: ROWS },
      { checked: 10, total: ROWS },
      { checked: ROWS, total: ROWS },
    ]);
  });

  it('names a row whose details were changed', async () => {
    await asSuperuser(`UPDATE audit_events SET details = '{"fields":["legalName"],"revision":7}' WHERE seq = 7`);
    expect(await verifier.verify({ batchSize: 5 })).toMatchObject({ ok: false, seq: 7, problem: 'changed', count: 6 });
  });

  it('names a row whose time or actor was changed', async () => {
    await asSuperuser(`UPDATE audit_events SET occurred_at = occurred_at - interval '1 microsecond' WHERE seq = 3`);
    expect(await verifier.verify()).toMatchObject({ ok: false, seq: 3, problem: 'changed' });
  });

  it('names a deleted row as missing', async () => {
    await asSuperuser(`DELETE FROM audit_events WHERE seq = 4`);
    expect(await verifier.verify({ batchSize: 3 })).toMatchObject({
      ok: false,
      seq: 4,
      problem: 'missing',
      detail: 'seq 4 to 4 are missing',
    });
  });

  it('names a row appended out of sequence, even at a huge seq', async () => {
    await asSuperuser(`INSERT INTO audit_events SELECT 1152921504606846976, occurred_at, actor_user_id, actor_role,
      action, subject_type, subject_id, case_id, request_id, client_address, user_agent, reason, details, prev_hash, hash
      FROM audit_events WHERE seq = ${ROWS}`);
    expect(await verifier.verify()).toMatchObject({ ok: false, seq: ROWS + 1, problem: 'missing', count: ROWS });
  });

  it('names a row appended with a valid link and hash but dated before the row it follows (backdated)', async () => {
    const [last]: StoredAuditRow[] = await db.query(
      `SELECT seq::float8 AS seq, hash FROM audit_events WHERE seq = $1`,
      [ROWS],
    );
    await asSuperuser(forgedIdentityReadInsert(last));
    expect(await verifier.verify()).toMatchObject({ ok: false, seq: ROWS + 1, problem: 'backdated', count: ROWS });
  });

  it('names a deleted first row as missing', async () => {
    await asSuperuser(`DELETE FROM audit_events WHERE seq = 1`);
    expect(await verifier.verify()).toMatchObject({ ok: false, seq: 1, problem: 'missing' });
  });

  it('names the first of two swapped rows', async () => {
    await asSuperuser(`
      UPDATE audit_events a SET (occurred_at, actor_user_id, actor_role, action, subject_type, subject_id, case_id,
                                 request_id, client_address, user_agent, reason, details, prev_hash, hash) =
        (SELECT occurred_at, actor_user_id, actor_role, action, subject_type, subject_id, case_id, request_id,
                client_address, user_agent, reason, details, prev_hash, hash
           FROM audit_events b WHERE b.seq = CASE a.seq WHEN 5 THEN 6 ELSE 5 END)
       WHERE a.seq IN (5, 6)`);
    expect(await verifier.verify()).toMatchObject({ ok: false, seq: 5, problem: 'relinked' });
  });

  it('names the row after one that was rewritten with a recomputed hash', async () => {
    await asSuperuser(`UPDATE audit_events SET details = '{}', hash = repeat('a', 64) WHERE seq = 8`);
    expect(await verifier.verify()).toMatchObject({ ok: false, seq: 8, problem: 'changed' });
    await forgeFrom(8, (row) => (row.details = {}));
    // Only row 8 rewritten (with a valid hash of its own): the break shows at the link to it.
    await asSuperuser(`UPDATE audit_events SET prev_hash = (SELECT prev_hash FROM audit_events_original WHERE seq = 9),
                                              hash = (SELECT hash FROM audit_events_original WHERE seq = 9) WHERE seq = 9`);
    expect(await verifier.verify()).toMatchObject({ ok: false, seq: 9, problem: 'relinked' });
  });

  describe('with a signed checkpoint', () => {
    it('verifies a chain that reaches the checkpoint with its hash, grown or not', async () => {
      const checkpoint = await checkpoints.create();
      expect(checkpoint.statement.headSeq).toBe(ROWS);
      expect(await verifier.verify({ checkpoint })).toMatchObject({ ok: true, checkpointSeq: ROWS });
      await t.app.get(AuditService).recordNow({ action: AuditAction.AuthLogout });
      expect(await verifier.verify({ checkpoint })).toMatchObject({ ok: true, count: ROWS + 2, checkpointSeq: ROWS });
    });

    it('finds rows deleted from the end, which the chain alone cannot show', async () => {
      const checkpoint = await checkpoints.create(); // seq ROWS; its own audit.checkpoint row is ROWS + 1
      await asSuperuser(`DELETE FROM audit_events WHERE seq >= ${ROWS - 1}`);
      expect(await verifier.verify()).toMatchObject({ ok: true, count: ROWS - 2 });
      expect(await verifier.verify({ checkpoint })).toMatchObject({ ok: false, seq: ROWS - 1, problem: 'missing' });
    });

    it('finds a tail rewritten with recomputed hashes', async () => {
      const checkpoint = await checkpoints.create();
      await forgeFrom(4, (row) => (row.details = { fields: [] }));
      expect(await verifier.verify()).toMatchObject({ ok: true });
      expect(await verifier.verify({ checkpoint })).toMatchObject({ ok: false, seq: ROWS, problem: 'checkpoint' });
    });

    it('refuses a checkpoint whose statement was altered or that another key signed', async () => {
      const checkpoint = await checkpoints.create();
      const altered = { ...checkpoint, statement: { ...checkpoint.statement, headSeq: ROWS - 1 } };
      expect(await verifier.verify({ checkpoint: altered })).toMatchObject({ ok: false, problem: 'checkpoint' });
      const otherKey = AuditSigningKey.fromSettings({ AUDIT_SIGNING_KEY: generateEd25519PrivateKey() });
      const foreign = signCheckpoint(checkpoint.statement, otherKey.privateKey, otherKey.fingerprint);
      expect(await verifier.verify({ checkpoint: foreign })).toMatchObject({
        ok: false,
        problem: 'checkpoint',
        detail: expect.stringContaining('signature'),
      });
    });

    it('checks a checkpoint with a published public key given to it, as an API without the signing key must', async () => {
      const checkpoint = await checkpoints.create();
      const published = createPublicKey(checkpoints.publicKeyPem());
      const withoutKey = new AuditVerifier(db, null, t.app.get(AuditService));
      expect(await withoutKey.verify({ checkpoint, publicKey: published })).toMatchObject({ ok: true });
      expect(await withoutKey.verify({ checkpoint })).toMatchObject({
        ok: false,
        problem: 'checkpoint',
        detail: expect.stringContaining('no public key'),
      });
      const other = AuditSigningKey.fromSettings({ AUDIT_SIGNING_KEY: generateEd25519PrivateKey() });
      expect(await withoutKey.verify({ checkpoint, publicKey: other.publicKey })).toMatchObject({ ok: false });
    });

    it('cannot sign in a process without AUDIT_SIGNING_KEY (a production API)', async () => {
      const unsigned = new AuditCheckpointService(db, verifier, t.app.get(AuditService), null);
      await expect(unsigned.create()).rejects.toMatchObject({
        code: 'unavailable',
        detail: expect.stringContaining('AUDIT_SIGNING_KEY: is not set in this process'),
      });
    });

    it('never signs a broken chain', async () => {
      await asSuperuser(`DELETE FROM audit_events WHERE seq = 2`);
      await expect(checkpoints.create()).rejects.toMatchObject({
        code: 'conflict',
        detail: expect.stringContaining('seq 2'),
      });
    });
  });
});
