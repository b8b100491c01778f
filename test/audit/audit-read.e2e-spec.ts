import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AuditAction,
  AuditController,
  AuditModule,
  AuditReadService,
  AuditService,
  ListAuditEventsQuery,
  type AuditCaseScope,
  type AuditEventFilter,
} from '@sillok/audit';
import { ConfigModule } from '@sillok/config';
import { DomainError, Permission, ROUTE_ACCESS_KEY, requestContext, type Actor } from '@sillok/core';
import { DatabaseModule } from '@sillok/database';
import { createValidationPipe } from '../../apps/api/src/http/validation.pipe.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { readAuditLog } from '../support/audit-log.js';

const auditor: Actor = { userId: randomUUID(), role: 'auditor' };
const coordinator: Actor = { userId: randomUUID(), role: 'coordinator' };
const caseA = randomUUID();
const caseB = randomUUID();
const investigator = randomUUID();

const as = <T>(actor: Actor | undefined, work: () => Promise<T>) =>
  requestContext.run({ requestId: `req-${randomUUID()}`, actor }, work);

describe('reading the audit log', () => {
  let t: TestApp;
  let reader: AuditReadService;
  let db: DataSource;
  const list = (filter: AuditEventFilter, actor: Actor = auditor) => as(actor, () => reader.list(filter));

  beforeAll(async () => {
    t = await startTestApp();
    reader = t.app.get(AuditReadService);
    db = t.app.get(DataSource);
    const audit = t.app.get(AuditService);
    // seq 1-4 in case A, 5-6 in case B, 7 without a case.
    for (let i = 1; i <= 4; i++) {
      await audit.recordNow({
        action: i % 2 ? AuditAction.TestimonyCreate : AuditAction.TestimonyUpdate,
        subjectType: 'testimony',
        subjectId: `t${i}`,
        caseId: caseA,
        actor: { userId: investigator, role: 'investigator' },
      });
    }
    await audit.recordNow({ action: AuditAction.CaseCreate, subjectType: 'case', subjectId: caseB, caseId: caseB });
    await audit.recordNow({ action: AuditAction.AttachmentDownload, subjectType: 'attachment', caseId: caseB });
    await audit.recordNow({ action: AuditAction.AuthLoginFailed, details: { reason: 'bad-password' } });
  });
  afterAll(async () => {
    await t.close();
  });

  const seqs = (page: { items: Array<{ seq: number }> }) => page.items.map((e) => e.seq);

  it('gives the auditor every event, newest first, with every stored field', async () => {
    const page = await list({});
    expect(seqs(page)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[3]).toEqual({
      seq: 4,
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
      actor: { userId: investigator, role: 'investigator' },
      action: 'testimony.update',
      subjectType: 'testimony',
      subjectId: 't4',
      caseId: caseA,
      requestId: null,
      clientAddress: null,
      userAgent: null,
      reason: null,
      details: {},
      prevHash: page.items[4].hash,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('filters by case, subject, actor and action', async () => {
    expect(seqs(await list({ caseId: caseA }))).toEqual([4, 3, 2, 1]);
    expect(seqs(await list({ subjectType: 'testimony', subjectId: 't3' }))).toEqual([3]);
    expect(seqs(await list({ subjectId: caseB }))).toEqual([5]);
    expect(seqs(await list({ actorUserId: investigator }))).toEqual([4, 3, 2, 1]);
    expect(seqs(await list({ action: AuditAction.TestimonyCreate }))).toEqual([3, 1]);
    expect(seqs(await list({ caseId: caseB, action: AuditAction.AttachmentDownload }))).toEqual([6]);
    expect(seqs(await list({ caseId: randomUUID() }))).toEqual([]);
  });

  it('filters by a time range, from inclusive and to exclusive', async () => {
    const [row] = await readAuditLog(db, `SELECT occurred_at FROM audit_events WHERE seq = 5`);
    const at = (row.occurred_at as Date).toISOString();
    const fromSeq5 = seqs(await list({ from: at }));
    expect(fromSeq5.every((seq) => seq >= 5)).toBe(true);
    expect(fromSeq5).toContain(5);
    expect(seqs(await list({ to: at })).every((seq) => seq < 5)).toBe(true);
    expect(seqs(await list({ from: '2000-01-01T00:00:00Z', to: '2000-01-02T00:00:00Z' }))).toEqual([]);
    await expect(list({ from: '2030-01-02T00:00:00Z', to: '2030-01-01T00:00:00Z' })).rejects.toMatchObject({
      detail: 'to: must not be before from',
    });
  });

  it('pages with limit and the cursor, each event once', async () => {
    const first = await list({ limit: 3 });
    expect(seqs(first)).toEqual([7, 6, 5]);
    expect(first.nextCursor).toBe('5');
    const second = await list({ limit: 3, cursor: first.nextCursor! });
    expect(seqs(second)).toEqual([4, 3, 2]);
    const last = await list({ limit: 3, cursor: second.nextCursor! });
    expect(seqs(last)).toEqual([1]);
    expect(last.nextCursor).toBeNull();
    expect(seqs(await list({ caseId: caseA, limit: 2, cursor: '3' }))).toEqual([2, 1]);
  });

  it('shows a coordinator who leads no case nothing', async () => {
    expect(await list({}, coordinator)).toEqual({ items: [], nextCursor: null });
  });

  it('refuses a caller who is not signed in', async () => {
    const attempt = as(undefined, () => reader.list({}));
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(as(undefined, () => reader.verify())).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('verifies on demand and records who verified', async () => {
    const result = await as(auditor, () => reader.verify());
    expect(result).toMatchObject({ ok: true, count: 7, headSeq: 7 });
    const [row] = await readAuditLog(db, `SELECT * FROM audit_events ORDER BY seq DESC LIMIT 1`);
    expect(row).toMatchObject({
      action: 'audit.verify',
      actor_user_id: auditor.userId,
      actor_role: 'auditor',
      details: { ok: true, count: 7, headSeq: 7, headHash: (result as { headHash: string }).headHash },
    });
  });

  describe('over HTTP', () => {
    it('declares audit.read on the list and audit.verify on verification', () => {
      for (const [handler, permission] of [
        [AuditController.prototype.list, Permission.AuditRead],
        [AuditController.prototype.verify, Permission.AuditVerify],
      ] as const) {
        expect(Reflect.getMetadata(ROUTE_ACCESS_KEY, handler)).toEqual({ kind: 'permission', permission });
      }
    });

    it('answers 401 problem details without a signed-in user', async () => {
      for (const path of ['/audit', '/audit/verify']) {
        const res = await t.http().get(path).expect(401);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    });

    it('lists both routes in the OpenAPI document', async () => {
      const doc = await t.http().get('/api/openapi.json').expect(200);
      expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/audit', '/audit/verify']));
    });

    it('validates the query, naming each bad field', async () => {
      const pipe = createValidationPipe();
      const validate = (value: Record<string, string>) =>
        pipe.transform(value, { type: 'query', metatype: ListAuditEventsQuery });
      await expect(validate({ limit: '20', cursor: '41', action: 'case.create' })).resolves.toMatchObject({
        limit: 20,
      });
      const error = (await validate({
        caseId: 'nope',
        actorUserId: '12',
        action: 'case.explode',
        from: 'yesterday',
        to: '2026-13-45',
        limit: '0',
        cursor: '-1',
        extra: 'x',
      }).catch((e: unknown) => e)) as DomainError;
      const fields = (error.extensions.errors as Array<{ field: string }>).map((e) => e.field).sort();
      expect(fields).toEqual(['action', 'actorUserId', 'caseId', 'cursor', 'extra', 'from', 'limit', 'to']);
      await expect(validate({ limit: '501' })).rejects.toMatchObject({ detail: expect.stringContaining('limit') });
    });
  });

  describe('with a case scope from another module', () => {
    @Injectable()
    class OnlyCaseB implements AuditCaseScope {
      async visibleCaseIds(actor: Actor) {
        return actor.role === 'coordinator' ? [caseB] : ('all' as const);
      }
    }
    @Module({ providers: [OnlyCaseB], exports: [OnlyCaseB] })
    class FakeCasesModule {}

    it('shows a coordinator only the events of their cases', async () => {
      const moduleRef = await Test.createTestingModule({
        imports: [
          ConfigModule.forRoot(t.settings),
          DatabaseModule.forRoot(t.database.url),
          AuditModule.withCaseScope(OnlyCaseB, [FakeCasesModule]),
        ],
      }).compile();
      try {
        const scoped = moduleRef.get(AuditReadService);
        expect(seqs(await as(coordinator, () => scoped.list({})))).toEqual([6, 5]);
        expect(seqs(await as(coordinator, () => scoped.list({ caseId: caseA })))).toEqual([]);
      } finally {
        await moduleRef.close();
      }
    });
  });
});
