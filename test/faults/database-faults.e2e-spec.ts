import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Settings } from '@sillok/config';
import { loginAllRoles, requestAs, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { queryOnce } from '../support/test-database.js';
import { createWitness } from '../support/testimony-fixtures.js';
import { startDatabaseProxy, type DatabaseProxy } from './database-proxy.js';
import { holdLock, waitUntil, waitingOnLocks } from './lock-helpers.js';

// Connection faults are the database's, not the caller's and not a bug: they answer 503 with
// Retry-After so clients back off and retry, and they never leave half a record behind.
describe('database faults answer 503', () => {
  let seed: TestApp; // on the database directly: seeds users and cases
  let t: TestApp; // the app under test, on the same database through a breakable relay
  let proxy: DatabaseProxy;
  let as: RoleLogins;
  let caseA: string;
  let witnessId: string;

  beforeAll(async () => {
    seed = await startTestApp();
    as = await loginAllRoles(seed);
    ({ caseA } = await createTwoCases(seed, as));
    witnessId = await createWitness(seed, as.investigator, caseA);
    proxy = await startDatabaseProxy(seed.database.url);
    t = await startTestApp({
      reuseDatabase: { ...seed.database, url: proxy.url },
      env: { DATABASE_CONNECT_TIMEOUT_SECONDS: '1', DATABASE_STATEMENT_TIMEOUT_SECONDS: '2' },
    });
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.close();
    await seed?.close();
  });

  const testimony = (title: string) => ({
    witnessId,
    forum: 'confidential_interview',
    originalLanguage: 'ko',
    title,
    narrative: '평안남도 개천 제14호 관리소.',
  });
  const countTitled = async (title: string) =>
    (await queryOnce(seed.database.url, `SELECT count(*)::int AS n FROM testimonies WHERE title = $1`, [title]))[0].n;

  function expectUnavailable(res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }) {
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toMatchObject({ type: 'urn:sillok:problem:unavailable', status: 503 });
    expect(res.body.requestId).toBeTruthy();
  }

  it('the server applies the statement and idle-in-transaction timeouts to the API connections', async () => {
    const [row] = await t.app
      .get(DataSource)
      .query(
        `SELECT current_setting('statement_timeout') AS s, current_setting('idle_in_transaction_session_timeout') AS i`,
      );
    expect(row).toEqual({ s: '2s', i: '1min' });
  });

  it('a connection terminated mid-request (pg_terminate_backend) answers 503, writes nothing, and a retry works', async () => {
    const lock = await holdLock(seed.database.url, 'testimonies');
    const pending = requestAs(t, as.investigator, 'post', '/testimonies', testimony('terminated'));
    const sent = pending.then((res) => res); // supertest sends on then()
    await waitUntil('the create to wait on the lock', async () => (await waitingOnLocks(seed.database.url)) >= 1);
    await queryOnce(
      seed.database.url,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    );
    expectUnavailable(await sent);
    await lock.release();
    expect(await countTitled('terminated')).toBe(0);

    const retried = await requestAs(t, as.investigator, 'post', '/testimonies', testimony('terminated'));
    expect(retried.status).toBe(201);
    expect(await countTitled('terminated')).toBe(1);
  });

  it('a database that refuses connections answers 503 on reads, writes and /health, and recovers', async () => {
    await proxy.refuse();
    try {
      expectUnavailable(await requestAs(t, as.investigator, 'get', `/testimonies?caseId=${caseA}`));
      expectUnavailable(await requestAs(t, as.investigator, 'post', '/testimonies', testimony('refused')));
      const health = await t.http().get('/health');
      expect(health.status).toBe(503);
      expect(health.body.components.database.status).toBe('down');
    } finally {
      await proxy.accept();
    }
    expect(await countTitled('refused')).toBe(0);
    const after = await requestAs(t, as.investigator, 'post', '/testimonies', testimony('refused'));
    expect(after.status).toBe(201);
  });

  it('a frozen database answers 503 within the timeouts instead of hanging', async () => {
    // One pooled connection is busy on a lock (so the pool must use or open another), then the network freezes.
    proxy.freeze();
    try {
      expectUnavailable(await requestAs(t, as.investigator, 'get', `/testimonies?caseId=${caseA}`));
    } finally {
      proxy.thaw();
    }
    const after = await requestAs(t, as.investigator, 'get', `/testimonies?caseId=${caseA}`);
    expect(after.status).toBe(200);
  });

  it('a statement past DATABASE_STATEMENT_TIMEOUT_SECONDS answers 503 and its transaction rolls back', async () => {
    const lock = await holdLock(seed.database.url, 'testimonies');
    try {
      expectUnavailable(await requestAs(t, as.investigator, 'post', '/testimonies', testimony('too slow')));
    } finally {
      await lock.release();
    }
    expect(await countTitled('too slow')).toBe(0);
  });

  it('a request past REQUEST_TIMEOUT_SECONDS answers 503 before the statement timeout, and its transaction rolls back', async () => {
    // Read per request: lowered for this one test, below the app's 2 s statement timeout.
    const settings = t.app.get(Settings);
    const configured = settings.REQUEST_TIMEOUT_SECONDS;
    settings.REQUEST_TIMEOUT_SECONDS = 1;
    const lock = await holdLock(seed.database.url, 'testimonies');
    try {
      const res = await requestAs(t, as.investigator, 'post', '/testimonies', testimony('past the deadline'));
      expectUnavailable(res);
      expect(res.body.detail).toContain('took longer than 1 s');
    } finally {
      settings.REQUEST_TIMEOUT_SECONDS = configured;
      await lock.release();
    }
    await waitUntil('the late create to end', async () => (await waitingOnLocks(seed.database.url)) === 0);
    const inserting = `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND state <> 'idle' AND query ILIKE 'INSERT INTO "testimonies"%'`;
    await waitUntil('no create still running', async () => (await queryOnce(seed.database.url, inserting))[0].n === 0);
    expect(await countTitled('past the deadline')).toBe(0);
  });
});
