import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { LOGIN_FAILED, Role } from '@sillok/auth';
import { bearer, createUser, login, loginAllRoles, FIXTURE_PASSWORD } from '../support/auth-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { readAuditLog } from '../support/audit-log.js';

describe('login, tokens and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs every role in and /auth/me names the role and its permissions', async () => {
    const as = await loginAllRoles(t);
    for (const role of Object.values(Role)) {
      const res = await t.http().get('/auth/me').set(bearer(as[role])).expect(200);
      expect(res.body).toMatchObject({ id: as[role].id, role, status: 'active', mfaEnabled: false });
      expect(res.body.passwordHash).toBeUndefined();
    }
    const admin = await t.http().get('/auth/me').set(bearer(as.admin)).expect(200);
    expect(admin.body.permissions).toContain('user.manage');
    const auditor = await t.http().get('/auth/me').set(bearer(as.auditor)).expect(200);
    expect(auditor.body.permissions).toEqual(['audit.read', 'audit.verify', 'fixity.read']);
  });

  it('answers an unknown email and a wrong password the same way', async () => {
    const user = await createUser(t, Role.Analyst);
    const unknown = await t
      .http()
      .post('/auth/login')
      .send({ email: 'nobody@example.org', password: FIXTURE_PASSWORD });
    const wrong = await t.http().post('/auth/login').send({ email: user.email, password: 'not-the-password-1' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.detail).toBe(LOGIN_FAILED);
    expect({ ...wrong.body, requestId: undefined }).toEqual({ ...unknown.body, requestId: undefined });
  });

  it('treats the email case-insensitively', async () => {
    const user = await createUser(t, Role.Analyst);
    await login(t, { ...user, email: user.email.toUpperCase() });
  });

  it('refuses missing fields with 400 naming them', async () => {
    const res = await t.http().post('/auth/login').send({ email: 'not-an-email' }).expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('answers 401 without a token, with a bad token, and with a token signed by another key', async () => {
    await t.http().get('/auth/me').expect(401);
    await t.http().get('/auth/me').set('authorization', 'Bearer nonsense').expect(401);
    const forged =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAiLCJyb2xlIjoiYWRtaW4iLCJzY29wZSI6ImFjY2VzcyIsInNpZCI6IjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMCJ9.c2lnbmF0dXJl';
    await t.http().get('/auth/me').set('authorization', `Bearer ${forged}`).expect(401);
    // A well-formed HS256 token over valid claims, signed with another secret.
    const user = await login(t, await createUser(t, Role.Investigator));
    const [header, payload] = user.token.split('.');
    const otherKey = createHmac('sha256', 'another-secret-that-is-long-enough-0123456789')
      .update(`${header}.${payload}`)
      .digest('base64url');
    await t.http().get('/auth/me').set('authorization', `Bearer ${header}.${payload}.${otherKey}`).expect(401);
    await t.http().get('/auth/me').set('authorization', `Bearer ${user.token}`).expect(200);
  });

  it('rotates refresh tokens; reusing a spent one revokes the whole session', async () => {
    const user = await login(t, await createUser(t, Role.Investigator));
    const first = await t.http().post('/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200);
    expect(first.body.refreshToken).not.toBe(user.refreshToken);
    expect(first.body.sessionId).toBe(user.sessionId);
    await t
      .http()
      .get('/auth/me')
      .set(bearer({ token: first.body.accessToken }))
      .expect(200);

    // The spent token comes back (a thief's copy): the session ends for everyone holding it.
    await t.http().post('/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    await t
      .http()
      .get('/auth/me')
      .set(bearer({ token: first.body.accessToken }))
      .expect(401);
    await t.http().post('/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);

    const rows = await readAuditLog(
      t.app.get(DataSource),
      `SELECT action, actor_user_id FROM audit_events WHERE subject_id = $1 ORDER BY seq`,
      [user.sessionId],
    );
    expect(rows).toEqual([
      { action: 'auth.login.succeeded', actor_user_id: user.id },
      { action: 'auth.token.refreshed', actor_user_id: user.id },
      { action: 'auth.refresh.reuse_detected', actor_user_id: user.id },
    ]);
  });

  it('never extends a session past SESSION_MAX_DAYS after its login', async () => {
    const user = await login(t, await createUser(t, Role.Analyst));
    const db = t.app.get(DataSource);
    // A session that began 29 days and 23 hours ago (SESSION_MAX_DAYS 30): a refresh gives it one more hour at most.
    await db.query(`UPDATE auth_sessions SET created_at = now() - interval '29 days 23 hours' WHERE id = $1`, [
      user.sessionId,
    ]);
    const refreshed = await t.http().post('/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200);
    // Exactly SESSION_MAX_DAYS after the login, read from the row (not against the wall clock).
    const [{ created_at: loggedIn }] = await db.query(`SELECT created_at FROM auth_sessions WHERE id = $1`, [
      user.sessionId,
    ]);
    expect(refreshed.body.refreshExpiresAt).toBe(new Date(loggedIn.getTime() + 30 * 86_400_000).toISOString());
    // Past the limit the refresh token is refused and the session's access tokens stop.
    await db.query(`UPDATE auth_sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [user.sessionId]);
    await t.http().post('/auth/refresh').send({ refreshToken: refreshed.body.refreshToken }).expect(401);
    await t
      .http()
      .get('/auth/me')
      .set(bearer({ token: refreshed.body.accessToken }))
      .expect(401);
  });

  it('logs out: the access token and the refresh token stop working', async () => {
    const user = await login(t, await createUser(t, Role.Analyst));
    await t.http().post('/auth/logout').set(bearer(user)).expect(204);
    await t.http().get('/auth/me').set(bearer(user)).expect(401);
    await t.http().post('/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    const [row] = await readAuditLog(
      t.app.get(DataSource),
      `SELECT action, actor_user_id FROM audit_events WHERE subject_id = $1 ORDER BY seq DESC LIMIT 1`,
      [user.sessionId],
    );
    expect(row).toEqual({ action: 'auth.logout', actor_user_id: user.id });
  });

  it('lists my sessions and revokes one of them; another user’s session is not found', async () => {
    const fixture = await createUser(t, Role.Analyst);
    const laptop = await login(t, fixture);
    const phone = await login(t, fixture);
    const list = await t.http().get('/auth/sessions').set(bearer(laptop)).expect(200);
    expect(list.body.map((s: { id: string }) => s.id).sort()).toEqual([laptop.sessionId, phone.sessionId].sort());
    expect(list.body.find((s: { current: boolean }) => s.current).id).toBe(laptop.sessionId);

    const stranger = await login(t, await createUser(t, Role.Analyst));
    await t.http().post(`/auth/sessions/${laptop.sessionId}/revoke`).set(bearer(stranger)).expect(404);
    await t.http().post('/auth/sessions/not-a-uuid/revoke').set(bearer(stranger)).expect(400);

    await t.http().post(`/auth/sessions/${phone.sessionId}/revoke`).set(bearer(laptop)).expect(204);
    await t.http().get('/auth/me').set(bearer(phone)).expect(401);
    await t.http().get('/auth/me').set(bearer(laptop)).expect(200);
  });

  it('revokes all other sessions', async () => {
    const fixture = await createUser(t, Role.Analyst);
    const a = await login(t, fixture);
    const b = await login(t, fixture);
    const res = await t.http().post('/auth/sessions/revoke-others').set(bearer(a)).expect(200);
    expect(res.body).toEqual({ revoked: 1 });
    await t.http().get('/auth/me').set(bearer(b)).expect(401);
    await t.http().get('/auth/me').set(bearer(a)).expect(200);
  });

  it('answers every authenticated /auth route for every role, and 401 without a token', async () => {
    const as = await loginAllRoles(t);
    for (const role of Object.values(Role)) {
      await t.http().get('/auth/sessions').set(bearer(as[role])).expect(200);
      await t.http().get('/auth/me').set(bearer(as[role])).expect(200);
      await t.http().post('/auth/sessions/revoke-others').set(bearer(as[role])).expect(200);
      await t.http().post('/auth/mfa/enrol').set(bearer(as[role])).expect(200);
    }
    const routes: Array<['get' | 'post', string]> = [
      ['get', '/auth/me'],
      ['get', '/auth/sessions'],
      ['post', '/auth/logout'],
      ['post', '/auth/password'],
      ['post', '/auth/sessions/revoke-others'],
      ['post', '/auth/sessions/00000000-0000-4000-8000-000000000000/revoke'],
      ['post', '/auth/mfa/enrol'],
      ['post', '/auth/mfa/confirm'],
      ['post', '/auth/mfa/disable'],
    ];
    for (const [method, path] of routes) {
      const res = await t.http()[method](path);
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
    }
  });

  it('refuses bad bodies on every /auth route with 400 naming the fields', async () => {
    const user = await login(t, await createUser(t, Role.Analyst));
    const cases: Array<[string, object, string[], boolean]> = [
      ['/auth/refresh', {}, ['refreshToken'], false],
      ['/auth/login/mfa', { code: 12 }, ['mfaToken', 'code'], false],
      ['/auth/login', { email: 'a@example.org', password: 'x', admin: true }, ['admin'], false],
      ['/auth/password', {}, ['currentPassword', 'newPassword'], true],
      ['/auth/mfa/confirm', {}, ['code'], true],
      ['/auth/mfa/disable', { code: '1' }, ['code'], true],
    ];
    for (const [path, body, fields, authenticated] of cases) {
      const request = t.http().post(path);
      if (authenticated) request.set(bearer(user));
      const res = await request.send(body);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(fields));
    }
  });
});
