import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { readAuditLog } from '../support/audit-log.js';

/** Issue 23.10: a client-supplied X-Request-Id went into audit rows as given. */
describe('request ids in audit rows', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const failedLogin = (headers: Record<string, string>) =>
    t.http().post('/auth/login').set(headers).send({ email: 'nobody@example.org', password: 'whatever-it-is' });
  const lastRequestId = async () =>
    (await readAuditLog(t.app.get(DataSource), `SELECT request_id FROM audit_events ORDER BY seq DESC LIMIT 1`))[0]
      .request_id as string;

  it('marks an id the client chose as client-supplied, and echoes it unchanged', async () => {
    const response = await failedLogin({ 'x-request-id': 'proxy-7f3a9c01' }).expect(401);
    expect(response.headers['x-request-id']).toBe('proxy-7f3a9c01');
    expect(await lastRequestId()).toBe('client:proxy-7f3a9c01');
  });

  it('replaces an id too long or of other characters with one of its own, unmarked', async () => {
    for (const bad of ['x'.repeat(129), 'short', 'has spaces in it', 'client:"quoted"<b>']) {
      const response = await failedLogin({ 'x-request-id': bad }).expect(401);
      const own = response.headers['x-request-id'];
      expect(own).toMatch(/^[0-9a-f-]{36}$/);
      expect(await lastRequestId()).toBe(own);
    }
  });
});
