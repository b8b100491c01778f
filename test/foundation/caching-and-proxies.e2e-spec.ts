import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@sillok/auth';
import { bearer, createUser, loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createTestimony, createWitness } from '../support/testimony-fixtures.js';

describe('Cache-Control: no-store on every response', () => {
  let t: TestApp;
  let as: RoleLogins;
  let caseA: string;
  let witness: string;

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    ({ caseA } = await createTwoCases(t, as));
    witness = await createWitness(t, as.investigator, caseA);
    await createTestimony(t, as.investigator, witness, '요덕 수용소에서');
    await t
      .http()
      .put(`/witnesses/${witness}/identity`)
      .set(bearer(as.investigator))
      .send({ legalName: '김영희' })
      .expect(200);
  });
  afterAll(async () => t?.close());

  it('login and token refresh, identity reads, case content, errors and health', async () => {
    const user = await createUser(t, Role.Analyst);
    const login = await t.http().post('/auth/login').send({ email: user.email, password: user.password });
    const refresh = await t.http().post('/auth/refresh').send({ refreshToken: login.body.refreshToken });
    const identity = await t
      .http()
      .post(`/witnesses/${witness}/identity/read`)
      .set(bearer(as.investigator))
      .send({ reason: 'checking the spelling of a name' });
    const answers = {
      login,
      refresh,
      identity,
      testimonies: await t.http().get(`/testimonies?caseId=${caseA}`).set(bearer(as.analyst)),
      witness: await t.http().get(`/witnesses/${witness}`).set(bearer(as.analyst)),
      case: await t.http().get(`/cases/${caseA}`).set(bearer(as.analyst)),
      missing: await t.http().get(`/cases/00000000-0000-4000-8000-000000000000`).set(bearer(as.analyst)),
      unauthenticated: await t.http().get('/testimonies'),
      health: await t.http().get('/health'),
    };
    const seen = Object.fromEntries(
      Object.entries(answers).map(([name, res]) => [name, [res.status, res.headers['cache-control']]]),
    );
    expect(seen).toEqual({
      login: [200, 'no-store'],
      refresh: [200, 'no-store'],
      identity: [201, 'no-store'],
      testimonies: [200, 'no-store'],
      witness: [200, 'no-store'],
      case: [200, 'no-store'],
      missing: [404, 'no-store'],
      unauthenticated: [401, 'no-store'],
      health: [200, 'no-store'],
    });
  });
});

describe('TRUST_PROXY', () => {
  const loginsFrom = async (t: TestApp, email: string) => {
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await t
        .http()
        .post('/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i}`)
        .send({ email, password: 'wrong password for the limit' });
      statuses.push(res.status);
    }
    return statuses;
  };

  it('off (the default): X-Forwarded-For from loopback does not dodge the login rate limit', async () => {
    const t = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      expect(t.settings.TRUST_PROXY).toBe('off');
      expect(await loginsFrom(t, 'nobody-1@example.org')).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });

  it('set to the proxy (loopback here): each forwarded client is counted on its own', async () => {
    const t = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'loopback' } });
    try {
      expect(await loginsFrom(t, 'nobody-2@example.org')).toEqual([401, 401, 401, 401, 401]);
    } finally {
      await t.close();
    }
  });
});
