import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { generate } from 'otplib';
import { DataSource } from 'typeorm';
import { LoginService, MfaService, PasswordHasher, Role } from '@sillok/auth';
import { bearer, createUser, login, requestAs, type FixtureUser } from '../support/auth-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { readAuditLog } from '../support/audit-log.js';

const THRESHOLD = 5;

/**
 * Issue 23.5: the lock state was read without a lock and failures were counted only after
 * argon2 finished, so 60 parallel logins checked all 59 wrong passwords and the right one
 * then succeeded. An attempt is now reserved in PostgreSQL before any verification runs.
 */
describe('attempts are counted before the work', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_LOCKOUT_THRESHOLD: String(THRESHOLD), LOGIN_LOCKOUT_MINUTES: '10' } });
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  // Events committed while another commit held the chain lock wait in audit_pending: read the
  // log as the API's readers do, sealing first (README "Audit trail").
  const auditActions = async (userId: string, action: string) =>
    (await db.query(`SELECT audit_seal()`)) &&
    Number(
      (
        await readAuditLog(db, `SELECT count(*)::int AS n FROM audit_events WHERE subject_id = $1 AND action = $2`, [
          userId,
          action,
        ])
      )[0].n,
    );

  async function withMfa(fixture: FixtureUser): Promise<{ secret: string; token: string }> {
    const user = await login(t, fixture);
    const enrolled = await t.http().post('/auth/mfa/enrol').set(bearer(user)).expect(200);
    const secret = enrolled.body.secret as string;
    await t
      .http()
      .post('/auth/mfa/confirm')
      .set(bearer(user))
      .send({ code: await generate({ secret }) })
      .expect(200);
    return { secret, token: user.token };
  }

  it('checks at most the threshold of 60 parallel passwords, and the right one among them does not get in after the lock', async () => {
    const user = await createUser(t, Role.Investigator);
    const hasher = t.app.get(PasswordHasher);
    const verify = jest.spyOn(hasher, 'verify');
    const logins = t.app.get(LoginService);
    try {
      const tries = Array.from({ length: 60 }, (_, i) => (i === 59 ? user.password : `wrong-password-${i}`));
      const outcomes = await Promise.allSettled(tries.map((password) => logins.verifyPassword(user.email, password)));
      // Refused tries still spend one argon2 run on a dummy hash (same timing); only the account's own hash counts.
      const [{ hash }] = await db.query(`SELECT password_hash AS hash FROM users WHERE id = $1`, [user.id]);
      const checked = verify.mock.calls.filter(([against]) => against === hash).length;
      expect(checked).toBeGreaterThan(0);
      expect(checked).toBeLessThanOrEqual(THRESHOLD);
      const succeeded = outcomes.filter((o) => o.status === 'fulfilled').length;
      // The right password gets in only if it was one of the attempts reserved before the lock.
      expect(succeeded).toBeLessThanOrEqual(1);
      if (succeeded === 0) expect(await auditActions(user.id, 'auth.lockout')).toBe(1);
      expect(await auditActions(user.id, 'auth.login.failed')).toBe(60 - succeeded);
    } finally {
      verify.mockRestore();
    }
  });

  it('checks at most the threshold of 30 parallel second-factor codes over several challenges', async () => {
    const fixture = await createUser(t, Role.Analyst);
    await withMfa(fixture);
    const challenges: string[] = [];
    for (let i = 0; i < 3; i++) {
      const step = await t.http().post('/auth/login').send({ email: fixture.email, password: fixture.password });
      challenges.push(step.body.mfaToken as string);
    }
    const mfa = t.app.get(MfaService);
    const check = jest.spyOn(mfa, 'checkCode');
    try {
      const logins = t.app.get(LoginService);
      const tries = Array.from({ length: 30 }, (_, i) => logins.completeMfa(challenges[i % 3], '000000'));
      await Promise.allSettled(tries);
      expect(check.mock.calls.length).toBeLessThanOrEqual(THRESHOLD);
      expect(await auditActions(fixture.id, 'auth.lockout')).toBe(1);
    } finally {
      check.mockRestore();
    }
  });

  it('counts wrong codes on mfa disable toward the lockout', async () => {
    const fixture = await createUser(t, Role.Analyst);
    const { token } = await withMfa(fixture);
    for (let i = 0; i < THRESHOLD; i++) {
      await t.http().post('/auth/mfa/disable').set(bearer({ token })).send({ code: '000000' });
    }
    expect(await auditActions(fixture.id, 'auth.lockout')).toBe(1);
    await t.http().post('/auth/login').send({ email: fixture.email, password: fixture.password }).expect(401);
  });

  it('lifts the lock when an administrator re-enables the account (POST /users/:id/enable)', async () => {
    const user = await createUser(t, Role.Investigator);
    for (let i = 0; i < THRESHOLD; i++) {
      await t
        .http()
        .post('/auth/login')
        .send({ email: user.email, password: `wrong-password-${i}` });
    }
    await t.http().post('/auth/login').send({ email: user.email, password: user.password }).expect(401);
    const admin = await login(t, await createUser(t, Role.Admin));
    await requestAs(t, admin, 'post', `/users/${user.id}/enable`).expect(200);
    await login(t, user);
  });
});
