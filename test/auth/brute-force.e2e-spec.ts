import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { LOGIN_FAILED, PasswordHasher, Role } from '@sillok/auth';
import { bearer, createUser, login, loginAllRoles } from '../support/auth-fixtures.js';
import { captureLogs } from '../support/log-capture.js';
import { startTestApp, TEST_SECRETS, type TestApp } from '../support/test-app.js';
import { readAuditLog } from '../support/audit-log.js';

describe('brute force: lockout and the same answer for every failure', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_LOCKOUT_THRESHOLD: '3', LOGIN_LOCKOUT_MINUTES: '10' } });
  });
  afterAll(async () => {
    await t.close();
  });

  const attempt = (email: string, password: string) => t.http().post('/auth/login').send({ email, password });

  it('locks an account after the threshold; even the right password is refused, with the same answer', async () => {
    const user = await createUser(t, Role.Investigator);
    for (let i = 0; i < 3; i++) await attempt(user.email, `wrong-password-${i}`).expect(401);
    const locked = await attempt(user.email, user.password).expect(401);
    expect(locked.body.detail).toBe(LOGIN_FAILED);

    const db = t.app.get(DataSource);
    const actions = await readAuditLog(
      db,
      `SELECT action, details->>'reason' AS reason FROM audit_events WHERE subject_id = $1 ORDER BY seq`,
      [user.id],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'user.create',
      'auth.login.failed',
      'auth.login.failed',
      'auth.login.failed',
      'auth.lockout',
      'auth.login.failed',
    ]);
    expect(actions.at(-1).reason).toBe('locked');

    // The lock runs out: the right password works again and the counter starts over.
    await db.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [user.id]);
    await login(t, user);
  });

  it('resets the failure counter after a successful login', async () => {
    const user = await createUser(t, Role.Analyst);
    await attempt(user.email, 'wrong-password-a').expect(401);
    await attempt(user.email, 'wrong-password-b').expect(401);
    await login(t, user);
    await attempt(user.email, 'wrong-password-c').expect(401);
    await login(t, user);
  });

  it('answers an unknown email like a wrong password, after the same argon2id work', async () => {
    // Not timed (a busy machine makes any time bar flaky): the server is watched doing the work
    // that makes the two take the same time, one argon2id verification at the same cost.
    const user = await createUser(t, Role.Analyst);
    const hasher = t.app.get(PasswordHasher);
    const verify = hasher.verify.bind(hasher);
    const checkedAgainst: string[] = [];
    const spy = jest.spyOn(hasher, 'verify').mockImplementation((hash, password) => {
      checkedAgainst.push(hash);
      return verify(hash, password);
    });
    try {
      const unknown = await attempt('nobody@example.org', 'definitely-wrong-password').expect(401);
      expect(checkedAgainst).toHaveLength(1);
      const wrong = await attempt(user.email, 'definitely-wrong-password').expect(401);
      expect(checkedAgainst).toHaveLength(2);
      expect(unknown.body.detail).toBe(LOGIN_FAILED);
      expect(wrong.body.detail).toBe(LOGIN_FAILED);
      // The PHC string's algorithm, version and cost (m, t, p): equal cost, equal time.
      const cost = (phc: string) => phc.split('$').slice(1, 4).join('$');
      expect(cost(checkedAgainst[0])).toBe('argon2id$v=19$m=19456,t=2,p=1');
      expect(cost(checkedAgainst[1])).toBe(cost(checkedAgainst[0]));
      expect(checkedAgainst[0]).not.toBe(checkedAgainst[1]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('rate limits on /auth routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 with Retry-After once a client exceeds the limit on a route', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await t.http().post('/auth/login').send({ email: 'x@example.org', password: 'whatever' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await t.http().post('/auth/login').send({ email: 'x@example.org', password: 'whatever' });
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Counted per route: refresh still has its own allowance.
    await t
      .http()
      .post('/auth/refresh')
      .send({ refreshToken: 'x'.repeat(43) })
      .expect(401);
  });
});

describe('what a login leaves in the logs', () => {
  it('never logs a password, a token or a secret', async () => {
    const logs = captureLogs();
    const t = await startTestApp({ logDestination: logs.stream });
    try {
      const user = await login(t, await createUser(t, Role.Investigator));
      await t.http().post('/auth/login').send({ email: user.email, password: 'a-wrong-password-here' }).expect(401);
      const refreshed = await t.http().post('/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200);
      await t.http().get('/auth/me').set(bearer(user)).expect(200);
      await t
        .http()
        .post('/auth/password')
        .set(bearer(user))
        .send({ currentPassword: user.password, newPassword: 'Another-long-passphrase-88' })
        .expect(204);
      const text = logs.text();
      expect(text).toContain('/auth/login'); // the request lines are there...
      for (const secret of [
        user.password,
        'a-wrong-password-here',
        'Another-long-passphrase-88',
        user.token,
        user.refreshToken,
        refreshed.body.accessToken,
        refreshed.body.refreshToken,
        TEST_SECRETS.JWT_SECRET,
        TEST_SECRETS.MFA_ENCRYPTION_KEY,
      ]) {
        expect(text).not.toContain(secret); // ...and nothing that opens an account.
      }
      expect(text).not.toMatch(/argon2id\$/);
      expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    } finally {
      await t.close();
    }
  });

  it('logs every role in through the fixture', async () => {
    const t = await startTestApp();
    try {
      const as = await loginAllRoles(t);
      expect(Object.keys(as).sort()).toEqual(
        ['admin', 'analyst', 'auditor', 'coordinator', 'investigator', 'legal_reviewer'].sort(),
      );
    } finally {
      await t.close();
    }
  });
});
