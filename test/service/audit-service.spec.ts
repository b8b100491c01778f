import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditAction, AuditService, AuditVerifier, GENESIS_HASH } from '@sillok/audit';
import { DomainError, requestContext } from '@sillok/core';
import { startServiceContext, type ServiceContext } from '../support/service-context.js';
import { readAuditLog } from '../support/audit-log.js';

describe('AuditService', () => {
  let t: ServiceContext;
  let audit: AuditService;
  let verifier: AuditVerifier;
  let db: DataSource;

  const auditCount = async () => Number((await readAuditLog(db, `SELECT count(*) AS n FROM audit_events`))[0].n);
  const scratchCount = async () => Number((await db.query(`SELECT count(*) AS n FROM audit_scratch`))[0].n);

  beforeAll(async () => {
    t = await startServiceContext();
    audit = t.app.get(AuditService);
    verifier = t.app.get(AuditVerifier);
    db = t.app.get(DataSource);
    await db.query(`CREATE TABLE audit_scratch (id serial PRIMARY KEY, label text NOT NULL)`);
  });
  afterAll(async () => {
    await t.close();
  });

  it('fills actor, request id, address and user agent from the request context', async () => {
    const actor = { userId: randomUUID().toUpperCase(), role: 'investigator' };
    const caseId = randomUUID();
    await requestContext.run(
      { requestId: 'req-audit-0001', clientAddress: '203.0.113.7', userAgent: 'jest/30', actor },
      () =>
        audit.recordNow({
          action: AuditAction.WitnessIdentityRead,
          subjectType: 'witness',
          subjectId: 'TBG031',
          caseId,
          reason: 'prepare interview',
          details: { fields: ['legalName'], at: new Date('2026-01-02T03:04:05Z'), dropped: undefined },
        }),
    );
    const [row] = await readAuditLog(db, `SELECT * FROM audit_events ORDER BY seq DESC LIMIT 1`);
    expect(row).toMatchObject({
      actor_user_id: actor.userId.toLowerCase(),
      actor_role: 'investigator',
      action: 'witness.identity.read',
      subject_type: 'witness',
      subject_id: 'TBG031',
      case_id: caseId,
      request_id: 'req-audit-0001',
      client_address: '203.0.113.7',
      user_agent: 'jest/30',
      reason: 'prepare interview',
      details: { fields: ['legalName'], at: '2026-01-02T03:04:05.000Z' },
    });
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifier.verify()).toMatchObject({ ok: true, headHash: row.hash });
  });

  it('takes an explicit actor over the context one, and none outside a request', async () => {
    const userId = randomUUID();
    await requestContext.run({ requestId: 'req-audit-0002', actor: { userId: randomUUID(), role: 'admin' } }, () =>
      audit.recordNow({ action: AuditAction.AuthLoginFailed, actor: { userId, role: null } }),
    );
    await audit.recordNow({ action: AuditAction.AuditCheckpoint });
    const rows = await readAuditLog(
      db,
      `SELECT actor_user_id, actor_role, request_id FROM audit_events ORDER BY seq DESC LIMIT 2`,
    );
    expect(rows).toEqual([
      { actor_user_id: null, actor_role: null, request_id: null },
      { actor_user_id: userId, actor_role: null, request_id: 'req-audit-0002' },
    ]);
  });

  it('commits a change and its audit rows together, in consecutive seqs', async () => {
    const before = await auditCount();
    await audit.transaction(async (manager, record) => {
      await manager.query(`INSERT INTO audit_scratch (label) VALUES ('kept')`);
      record({ action: AuditAction.CaseCreate, subjectType: 'case', subjectId: 'c1' });
      record({ action: AuditAction.CaseMemberAdd, subjectType: 'case', subjectId: 'c1' });
    });
    const rows = await readAuditLog(db, `SELECT seq, prev_hash, hash FROM audit_events WHERE seq > $1 ORDER BY seq`, [
      before,
    ]);
    expect(rows.map((r: { seq: string }) => Number(r.seq))).toEqual([before + 1, before + 2]);
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(await scratchCount()).toBe(1);
  });

  it('leaves neither the change nor its audit row when the transaction fails', async () => {
    const [auditBefore, scratchBefore] = [await auditCount(), await scratchCount()];
    await expect(
      audit.transaction(async (manager, record) => {
        await manager.query(`INSERT INTO audit_scratch (label) VALUES ('lost')`);
        record({ action: AuditAction.TestimonyCreate, subjectType: 'testimony', subjectId: 't1' });
        throw new Error('work failed after auditing');
      }),
    ).rejects.toThrow('work failed after auditing');
    // A failure while writing the audit rows undoes the change as well.
    await expect(
      audit.transaction(async (manager) => {
        await manager.query(`INSERT INTO audit_scratch (label) VALUES ('lost')`);
        await audit.record(manager, { action: AuditAction.CaseUpdate, caseId: 'not-a-uuid' });
      }),
    ).rejects.toThrow('caseId must be a uuid');
    expect(await auditCount()).toBe(auditBefore);
    expect(await scratchCount()).toBe(scratchBefore);
  });

  it('requires a reason for reading a witness identity', async () => {
    const attempt = audit.recordNow({ action: AuditAction.WitnessIdentityRead, subjectId: 'TBG031', reason: '  ' });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ detail: 'reason: is required to witness.identity.read' });
  });

  it('refuses to write outside a transaction or under a stale snapshot', async () => {
    await expect(audit.record(db.manager, { action: AuditAction.CaseCreate })).rejects.toThrow(
      'must be written inside a transaction',
    );
    await expect(
      db.transaction('REPEATABLE READ', (manager) => audit.record(manager, { action: AuditAction.CaseCreate })),
    ).rejects.toThrow('need a READ COMMITTED transaction');
  });

  it.each([
    ['UPDATE', `UPDATE audit_events SET reason = 'edited'`],
    ['DELETE', `DELETE FROM audit_events WHERE seq = 1`],
    ['DELETE', `DELETE FROM audit_events WHERE false`],
    ['TRUNCATE', `TRUNCATE audit_events`],
  ])('refuses %s in the database: %s', async (operation, sql) => {
    await expect(db.query(sql)).rejects.toThrow(`audit_events is append-only: ${operation} refused`);
  });

  it('keeps one unbroken chain under 50 concurrent writers', async () => {
    const before = await auditCount();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        audit.transaction(async (manager, record) => {
          await manager.query(`INSERT INTO audit_scratch (label) VALUES ($1)`, [`writer ${i}`]);
          for (let n = 0; n <= i % 3; n++) record({ action: AuditAction.TestimonyUpdate, subjectId: `t${i}.${n}` });
        }),
      ),
    );
    const expected = before + Array.from({ length: 50 }, (_, i) => (i % 3) + 1).reduce((a, b) => a + b, 0);
    const result = await verifier.verify({ batchSize: 7 });
    expect(result).toMatchObject({ ok: true, count: expected, headSeq: expected });
  });

  it('verifies rows whose text holds tabs, newlines, backslashes and multi-byte characters', async () => {
    const awkward = 'tab\there\nnew line \\N back\\slash "quoted" 요덕 수용소 😀 \u0001';
    await requestContext.run({ requestId: 'req-audit-0003', userAgent: awkward, clientAddress: '::1' }, () =>
      audit.transaction(async (_manager, record) => {
        // Enough multi-byte text that COPY's chunks end inside a character somewhere.
        for (let i = 0; i < 300; i++) {
          record({
            action: AuditAction.TestimonyUpdate,
            subjectId: `${awkward} ${i}`,
            reason: awkward,
            details: { note: awkward, nested: { '\\key': [awkward, i, 2.5, null, false] } },
          });
        }
      }),
    );
    expect(await verifier.verify({ batchSize: 128 })).toMatchObject({ ok: true });
  });

  it('chains every event even when constraints are checked early in the transaction', async () => {
    const before = await auditCount();
    await audit.transaction(async (manager, record) => {
      await audit.record(manager, { action: AuditAction.CaseCreate }, { action: AuditAction.CaseMemberAdd });
      await manager.query(`SET CONSTRAINTS ALL IMMEDIATE`); // chains the two above now
      record({ action: AuditAction.CaseMemberAdd });
    });
    expect(await auditCount()).toBe(before + 3);
    expect(await verifier.verify()).toMatchObject({ ok: true });
  });

  it('leaves no pending rows behind', async () => {
    expect(await db.query(`SELECT count(*)::int AS n FROM audit_pending`)).toEqual([{ n: 0 }]);
  });

  it('starts the chain from the genesis hash', async () => {
    const [first] = await readAuditLog(db, `SELECT prev_hash FROM audit_events WHERE seq = 1`);
    expect(first.prev_hash).toBe(GENESIS_HASH);
  });
});
