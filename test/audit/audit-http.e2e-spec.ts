import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Role } from '@sillok/auth';
import { bearer, loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { readAuditLog } from '../support/audit-log.js';

describe('GET /audit and GET /audit/verify over HTTP', () => {
  let t: TestApp;
  let as: RoleLogins;
  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t); // logins and user creations are audited: the log is not empty
  });
  afterAll(async () => {
    await t.close();
  });

  it('verifies the chain for the auditor and records who asked, with the request id', async () => {
    const res = await t.http().get('/audit/verify').set(bearer(as.auditor)).set('x-request-id', 'verify-req-0001');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ok: true,
      count: expect.any(Number),
      headSeq: res.body.count,
      headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const [row] = await readAuditLog(
      t.app.get(DataSource),
      `SELECT actor_user_id, actor_role, request_id, details FROM audit_events ORDER BY seq DESC LIMIT 1`,
    );
    expect(row).toEqual({
      actor_user_id: as.auditor.id,
      actor_role: 'auditor',
      request_id: 'client:verify-req-0001', // the client chose it: marked so in the audit row
      details: { ok: true, count: res.body.count, headSeq: res.body.count, headHash: res.body.headHash },
    });
  });

  it('refuses verification without audit.verify (a coordinator too), and without a login', async () => {
    for (const role of [Role.Admin, Role.Coordinator, Role.Investigator, Role.Analyst, Role.LegalReviewer]) {
      await t.http().get('/audit/verify').set(bearer(as[role])).expect(403);
    }
    await t.http().get('/audit/verify').expect(401);
  });

  it('pages the log for the auditor, newest first, each event once', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = cursor ? { limit: '4', cursor } : { limit: '4' };
      const res = await t.http().get('/audit').query(query).set(bearer(as.auditor)).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(4);
      seen.push(...res.body.items.map((e: { seq: number }) => e.seq));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThan(4);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters by action and actor', async () => {
    const res = await t
      .http()
      .get('/audit')
      .query({ action: 'auth.login.succeeded', actorUserId: as.analyst.id })
      .set(bearer(as.auditor))
      .expect(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(1);
    for (const item of res.body.items) {
      expect(item).toMatchObject({ action: 'auth.login.succeeded', actor: { userId: as.analyst.id } });
    }
  });

  it('answers a bad query with 400 naming each field', async () => {
    const res = await t
      .http()
      .get('/audit')
      .query({ caseId: 'x', action: 'nope', from: 'yesterday', limit: '1000', cursor: 'abc', colour: 'red' })
      .set(bearer(as.auditor))
      .expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['action', 'caseId', 'colour', 'cursor', 'from', 'limit']);
    const reversed = await t
      .http()
      .get('/audit')
      .query({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })
      .set(bearer(as.auditor))
      .expect(400);
    expect(reversed.body.errors).toEqual([{ field: 'to', reason: 'must not be before from' }]);
  });
});
