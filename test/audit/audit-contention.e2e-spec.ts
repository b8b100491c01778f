/* eslint-disable no-restricted-syntax -- this file works on the raw audit_events table on purpose (tampering, grants, the sealer itself) */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AuditAction, AuditReadService, AuditSealer, AuditService, AuditVerifier } from '@sillok/audit';
import { requestContext, type Actor } from '@sillok/core';
import { AuditSealSchedule } from '../../apps/api/src/startup/audit-seal-schedule.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The key of the chain lock (migrations ChainAuditEventsAtCommit, AuditChainInBatches).
const CHAIN_LOCK = 7450170001;

/**
 * Audited commits under contention (issue 18): a commit that finds the chain lock taken does not
 * wait for it; its events wait in audit_pending until the next lock holder, a seal, or a reader
 * chains them. These tests take the lock from another session to make that happen on purpose.
 */
describe('the audit chain under contention', () => {
  let t: TestApp;
  let db: DataSource;
  let audit: AuditService;
  let sealer: AuditSealer;
  let verifier: AuditVerifier;
  let schedule: AuditSealSchedule;

  const count = async (table: 'audit_events' | 'audit_pending') =>
    Number((await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
  const commitEvents = (n: number, label: string) =>
    audit.transaction(async (_manager, record) => {
      for (let i = 0; i < n; i++) record({ action: AuditAction.TestimonyUpdate, subjectId: `${label}.${i}` });
    });

  /** Runs `work` while another session holds the chain lock. */
  async function whileLockIsTaken<T>(work: () => Promise<T>): Promise<T> {
    const holder = new pg.Client({ connectionString: t.database.url });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(${CHAIN_LOCK})`);
      return await work();
    } finally {
      await holder.end();
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    audit = t.app.get(AuditService);
    sealer = t.app.get(AuditSealer);
    verifier = t.app.get(AuditVerifier);
    schedule = t.app.get(AuditSealSchedule);
    // No background sealing unless a test turns it on: what chains the events must be the code under test.
    await schedule.onApplicationShutdown();
  });
  afterAll(async () => {
    await t.close();
  });

  it('commits without waiting for the lock, keeps the events pending with the time they were written, and chains them at the next seal', async () => {
    const before = await count('audit_events');
    const [{ written }] = await db.query(`SELECT clock_timestamp() AS written`);
    await whileLockIsTaken(async () => {
      await commitEvents(2, 'busy');
      expect(await count('audit_pending')).toBe(2);
      expect(await count('audit_events')).toBe(before);
      expect(await sealer.oldestPendingAgeSeconds()).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 1100));
    });
    const [{ sealedFrom }] = await db.query(`SELECT clock_timestamp() AS "sealedFrom"`);
    expect(await sealer.seal()).toBe(2);
    expect(await count('audit_pending')).toBe(0);
    expect(await sealer.oldestPendingAgeSeconds()).toBe(0);
    const rows = await db.query(`SELECT seq::int AS seq, occurred_at FROM audit_events WHERE seq > $1 ORDER BY seq`, [
      before,
    ]);
    expect(rows.map((row: { seq: number }) => row.seq)).toEqual([before + 1, before + 2]);
    // Stamped when written inside the transaction, not a second later when sealed.
    for (const row of rows) {
      expect(row.occurred_at.getTime()).toBeGreaterThanOrEqual(written.getTime());
      expect(row.occurred_at.getTime()).toBeLessThan(sealedFrom.getTime());
    }
    expect(await verifier.verify()).toMatchObject({ ok: true, count: before + 2 });
  });

  it('lets the next commit that gets the lock chain the events others left pending, in the order they were written', async () => {
    const before = await count('audit_events');
    await whileLockIsTaken(() => commitEvents(3, 'left'));
    await commitEvents(1, 'holder');
    expect(await count('audit_pending')).toBe(0);
    const subjects = await db.query(`SELECT subject_id FROM audit_events WHERE seq > $1 ORDER BY seq`, [before]);
    expect(subjects.map((row: { subject_id: string }) => row.subject_id)).toEqual([
      'left.0',
      'left.1',
      'left.2',
      'holder.0',
    ]);
    expect(await verifier.verify()).toMatchObject({ ok: true, count: before + 4 });
  });

  it('has every reader seal first: verification and the audit list (GET /audit) see events that were still pending', async () => {
    const before = await count('audit_events');
    await whileLockIsTaken(() => commitEvents(1, 'read-verify'));
    expect(await verifier.verify()).toMatchObject({ ok: true, count: before + 1 });
    await whileLockIsTaken(() => commitEvents(1, 'read-list'));
    expect(await count('audit_pending')).toBe(1);
    const auditor: Actor = { userId: randomUUID(), role: 'auditor' };
    const page = await requestContext.run({ requestId: 'req-contention', actor: auditor }, () =>
      t.app.get(AuditReadService).list({ action: AuditAction.TestimonyUpdate, limit: 500 }),
    );
    expect(page.items.map((event) => event.subjectId)).toContain('read-list.0');
    expect(await count('audit_pending')).toBe(0);
  });

  it('loses nothing when a lock holder dies while chaining: its chaining rolls back and the events stay pending', async () => {
    const before = await count('audit_events');
    await whileLockIsTaken(() => commitEvents(3, 'orphan'));
    const dying = new pg.Client({ connectionString: t.database.url });
    await dying.connect();
    dying.on('error', () => undefined);
    await dying.query('BEGIN');
    expect((await dying.query(`SELECT audit_seal() AS n`)).rows[0].n).toBe(3);
    const [{ pid }] = (await dying.query(`SELECT pg_backend_pid() AS pid`)).rows;
    await db.query(`SELECT pg_terminate_backend($1)`, [pid]);
    await dying.end().catch(() => undefined);
    expect(await count('audit_events')).toBe(before);
    expect(await count('audit_pending')).toBe(3);
    expect(await sealer.seal()).toBe(3);
    expect(await verifier.verify()).toMatchObject({ ok: true, count: before + 3 });
  });

  it('keeps one unbroken chain with 40 writers at once, whoever chains which event', async () => {
    const before = await count('audit_events');
    await Promise.all(Array.from({ length: 40 }, (_, i) => commitEvents((i % 3) + 1, `writer${i}`)));
    await sealer.seal();
    const expected = before + Array.from({ length: 40 }, (_, i) => (i % 3) + 1).reduce((a, b) => a + b, 0);
    expect(await verifier.verify({ batchSize: 9 })).toMatchObject({ ok: true, count: expected, headSeq: expected });
    const [{ backwards }] = await db.query(
      `SELECT count(*)::int AS backwards FROM audit_events a JOIN audit_events b ON b.seq = a.seq + 1
        WHERE b.occurred_at < a.occurred_at`,
    );
    expect(backwards).toBe(0);
  });

  it('seals in the background about every second, and /health reports the chain up', async () => {
    schedule.onApplicationBootstrap();
    try {
      await whileLockIsTaken(() => commitEvents(1, 'background'));
      for (let tries = 0; tries < 100 && (await count('audit_pending')) > 0; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await count('audit_pending')).toBe(0);
      const health = await t.http().get('/health').expect(200);
      expect(health.body.components.auditChain).toEqual({ status: 'up' });
    } finally {
      await schedule.onApplicationShutdown();
    }
  });

  it('refuses to let anyone chain by calling the chaining function directly (audit_events takes rows only from triggers)', async () => {
    await whileLockIsTaken(() => commitEvents(1, 'direct'));
    await expect(db.query(`SELECT audit_chain_committed()`)).rejects.toThrow(
      /audit_events takes rows only from audit_pending/,
    );
    expect(await sealer.seal()).toBe(1);
  });
});
