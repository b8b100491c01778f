import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Role } from '@sillok/auth';
import { bearer, createUser, login, loginAllRoles, type FixtureUser } from '../support/auth-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { codeFor, enrolAndConfirm, freezeDateMidTotpStep } from '../support/totp-fixtures.js';
import { readAuditLog } from '../support/audit-log.js';

describe('second factor (TOTP)', () => {
  freezeDateMidTotpStep();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const passwordStep = (user: FixtureUser) =>
    t.http().post('/auth/login').send({ email: user.email, password: user.password }).expect(200);
  const codeStep = (mfaToken: string, code: string) => t.http().post('/auth/login/mfa').send({ mfaToken, code });

  it('enrols with an otpauth URI, confirms with a first code, and hands out ten recovery codes once', async () => {
    const user = await login(t, await createUser(t, Role.Analyst));
    const enrolled = await t.http().post('/auth/mfa/enrol').set(bearer(user)).expect(200);
    expect(enrolled.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Sillok:/);
    expect(enrolled.body.otpauthUri).toContain(`secret=${enrolled.body.secret}`);

    const wrong = await t.http().post('/auth/mfa/confirm').set(bearer(user)).send({ code: '000000' }).expect(400);
    expect(wrong.body.errors[0].field).toBe('code');

    const confirmed = await t
      .http()
      .post('/auth/mfa/confirm')
      .set(bearer(user))
      .send({ code: await codeFor(enrolled.body.secret) })
      .expect(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    expect(confirmed.body.tokens).toBeUndefined();
    const me = await t.http().get('/auth/me').set(bearer(user)).expect(200);
    expect(me.body.mfaEnabled).toBe(true);

    // Stored encrypted: neither the secret nor a recovery code is in the database as written.
    const [row] = await t.app.get(DataSource).query(`SELECT mfa_secret_encrypted FROM users WHERE id = $1`, [user.id]);
    expect(row.mfa_secret_encrypted).not.toContain(enrolled.body.secret);
    const codes = await t.app
      .get(DataSource)
      .query(`SELECT code_hash FROM auth_recovery_codes WHERE user_id = $1`, [user.id]);
    expect(codes.map((c: { code_hash: string }) => c.code_hash)).not.toContain(confirmed.body.recoveryCodes[0]);

    const actions = await readAuditLog(
      t.app.get(DataSource),
      `SELECT action FROM audit_events WHERE subject_id = $1 AND action LIKE 'auth.mfa.%' ORDER BY seq`,
      [user.id],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['auth.mfa.enrolled', 'auth.mfa.confirmed']);
  });

  it('logs in in two steps: no token before the code, a code works once, a wrong code is refused', async () => {
    const fixture = await createUser(t, Role.Analyst);
    const user = await login(t, fixture);
    const { secret } = await enrolAndConfirm(t, user.token);

    const first = await passwordStep(fixture);
    expect(first.body.status).toBe('mfa_required');
    expect(first.body.accessToken).toBeUndefined();
    expect(first.body.refreshToken).toBeUndefined();
    expect(first.body.mfaToken).toEqual(expect.any(String));

    await codeStep(first.body.mfaToken, '123456').expect(401);
    const code = await codeFor(secret, 1);
    const done = await codeStep(first.body.mfaToken, code).expect(200);
    expect(done.body.status).toBe('authenticated');
    await t
      .http()
      .get('/auth/me')
      .set(bearer({ token: done.body.accessToken }))
      .expect(200);

    // The challenge is spent, and the same code cannot open a second login.
    await codeStep(first.body.mfaToken, code).expect(401);
    const second = await passwordStep(fixture);
    await codeStep(second.body.mfaToken, code).expect(401);
  });

  it('accepts each recovery code once, and audits its use', async () => {
    const fixture = await createUser(t, Role.Analyst);
    const { confirmed } = await enrolAndConfirm(t, (await login(t, fixture)).token);
    const recovery = (confirmed.recoveryCodes as string[])[3];

    const first = await passwordStep(fixture);
    await codeStep(first.body.mfaToken, recovery.toUpperCase()).expect(200);
    const second = await passwordStep(fixture);
    await codeStep(second.body.mfaToken, recovery).expect(401);

    const used = await readAuditLog(
      t.app.get(DataSource),
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.mfa.recovery_code.used' AND subject_id = $1`,
      [fixture.id],
    );
    expect(used[0].n).toBe(1);
  });

  it('counts wrong codes as failed logins: five use up the challenge and lock the account', async () => {
    const fixture = await createUser(t, Role.Analyst);
    const { secret } = await enrolAndConfirm(t, (await login(t, fixture)).token);
    const first = await passwordStep(fixture);
    for (let i = 0; i < 5; i++) await codeStep(first.body.mfaToken, '000000').expect(401);
    await codeStep(first.body.mfaToken, await codeFor(secret, 1)).expect(401);
    await t.http().post('/auth/login').send({ email: fixture.email, password: fixture.password }).expect(401);
    const [row] = await t.app
      .get(DataSource)
      .query(`SELECT locked_until > now() AS locked FROM users WHERE id = $1`, [fixture.id]);
    expect(row.locked).toBe(true);
  });

  it('lets an administrator remove a lost second factor; the user’s sessions end', async () => {
    const as = await loginAllRoles(t);
    const fixture = await createUser(t, Role.Analyst);
    const user = await login(t, fixture);
    await enrolAndConfirm(t, user.token);
    await t.http().post(`/users/${fixture.id}/mfa/reset`).set(bearer(as.admin)).expect(204);
    await t.http().get('/auth/me').set(bearer(user)).expect(401);
    const again = await passwordStep(fixture);
    expect(again.body.status).toBe('authenticated');
  });

  it('lets a user remove their own factor with a current code', async () => {
    const fixture = await createUser(t, Role.Analyst);
    const user = await login(t, fixture);
    const { secret } = await enrolAndConfirm(t, user.token);
    await t.http().post('/auth/mfa/disable').set(bearer(user)).send({ code: '000000' }).expect(400);
    await t
      .http()
      .post('/auth/mfa/disable')
      .set(bearer(user))
      .send({ code: await codeFor(secret, 1) })
      .expect(204);
    expect((await passwordStep(fixture)).body.status).toBe('authenticated');
  });
});

describe('second factor required for a role (MFA_REQUIRED_ROLES)', () => {
  freezeDateMidTotpStep();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { MFA_REQUIRED_ROLES: 'investigator,legal_reviewer' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives an unenrolled user an enrolment-only token that completes the login once the factor is confirmed', async () => {
    const fixture = await createUser(t, Role.Investigator);
    const first = await t
      .http()
      .post('/auth/login')
      .send({ email: fixture.email, password: fixture.password })
      .expect(200);
    expect(first.body.status).toBe('mfa_enrolment_required');
    expect(first.body.accessToken).toBeUndefined();
    expect(first.body.refreshToken).toBeUndefined();
    const restricted = { token: first.body.enrolmentToken as string };

    const blocked = await t.http().get('/cases').set(bearer(restricted)).expect(403);
    expect(blocked.body.mfaEnrolmentRequired).toBe(true);
    await t.http().get('/auth/sessions').set(bearer(restricted)).expect(403);
    await t.http().get('/auth/me').set(bearer(restricted)).expect(200);

    const { confirmed, secret } = await enrolAndConfirm(t, restricted.token);
    expect(confirmed.tokens.status).toBe('authenticated');
    await t
      .http()
      .get('/cases')
      .set(bearer({ token: confirmed.tokens.accessToken }))
      .expect(200);
    // The enrolment-only token is finished.
    await t.http().get('/auth/me').set(bearer(restricted)).expect(401);

    // The factor cannot be removed by its owner while the role needs it.
    await t
      .http()
      .post('/auth/mfa/disable')
      .set(bearer({ token: confirmed.tokens.accessToken }))
      .send({ code: await codeFor(secret, 1) })
      .expect(403);

    // From now on, login takes two steps.
    const next = await t
      .http()
      .post('/auth/login')
      .send({ email: fixture.email, password: fixture.password })
      .expect(200);
    expect(next.body.status).toBe('mfa_required');
  });

  it('leaves roles outside the list with one step', async () => {
    const analyst = await createUser(t, Role.Analyst);
    await login(t, analyst);
  });

  it('ends the session of a user moved into a role that needs the factor', async () => {
    const admin = await login(t, await createUser(t, Role.Admin));
    const user = await login(t, await createUser(t, Role.Analyst));
    await t.http().patch(`/users/${user.id}`).set(bearer(admin)).send({ role: 'investigator' }).expect(200);
    await t.http().get('/auth/me').set(bearer(user)).expect(401);
  });
});
