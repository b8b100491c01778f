import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@sillok/auth';
import { createUser, type FixtureUser } from '../support/auth-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { codeFor } from '../support/totp-fixtures.js';

/** The web client's session: refresh token only in an HttpOnly cookie, CSRF refused by Origin. */
describe('browser sessions (/auth/browser)', () => {
  let t: TestApp;
  let user: FixtureUser;
  const origin = 'http://sillok.test';
  const host = 'sillok.test';

  beforeAll(async () => {
    t = await startTestApp({ env: { BROWSER_IDLE_TIMEOUT_MINUTES: '20' } });
    user = await createUser(t, Role.Investigator);
  });
  afterAll(async () => {
    await t.close();
  });

  const login = () =>
    t
      .http()
      .post('/auth/browser/login')
      .set('Host', host)
      .set('Origin', origin)
      .send({ email: user.email, password: user.password });
  const refreshWith = (cookie: string | undefined, from: string | null = origin) => {
    const request = t.http().post('/auth/browser/refresh').set('Host', host);
    if (from) request.set('Origin', from);
    if (cookie) request.set('Cookie', cookie);
    return request;
  };
  const cookieOf = (res: { headers: Record<string, unknown> }) => {
    const header = res.headers['set-cookie'] as string[] | undefined;
    return header?.find((c) => c.startsWith('sillok_refresh='));
  };

  it('logs in with the refresh token in an HttpOnly, Secure, SameSite=Strict cookie scoped to /auth/browser', async () => {
    const res = await login();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'authenticated',
      tokenType: 'Bearer',
      accessToken: expect.any(String),
      expiresIn: expect.any(Number),
      sessionId: expect.any(String),
      mustChangePassword: false,
      idleTimeoutMinutes: 20,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/refresh/i);
    const cookie = cookieOf(res)!;
    expect(cookie).toMatch(/; Path=\/auth\/browser/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    // The access token works on the bearer API as before.
    await t.http().get('/auth/me').set('authorization', `Bearer ${res.body.accessToken}`).expect(200);
  });

  it('refreshes from the cookie, rotating it; a spent cookie ends the session', async () => {
    const first = cookieOf(await login())!.split(';')[0];
    const refreshed = await refreshWith(first);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.accessToken).toEqual(expect.any(String));
    const second = cookieOf(refreshed)!.split(';')[0];
    expect(second).not.toBe(first);
    const reused = await refreshWith(first);
    expect(reused.status).toBe(401);
    const afterReuse = await refreshWith(second);
    expect(afterReuse.status).toBe(401);
  });

  it('refuses a request from another origin or without Origin (CSRF)', async () => {
    const cookie = cookieOf(await login())!.split(';')[0];
    const foreign = await refreshWith(cookie, 'https://evil.example');
    expect(foreign.status).toBe(403);
    const none = await refreshWith(cookie, null);
    expect(none.status).toBe(403);
    const loginElsewhere = await t
      .http()
      .post('/auth/browser/login')
      .set('Host', host)
      .set('Origin', 'https://evil.example')
      .send({ email: user.email, password: user.password });
    expect(loginElsewhere.status).toBe(403);
  });

  it('answers 401 without a cookie', async () => {
    const res = await refreshWith(undefined);
    expect(res.status).toBe(401);
  });

  it('logs out: the session ends and the cookie is cleared', async () => {
    const res = await login();
    const cookie = cookieOf(res)!.split(';')[0];
    const out = await t
      .http()
      .post('/auth/browser/logout')
      .set('Host', host)
      .set('Origin', origin)
      .set('authorization', `Bearer ${res.body.accessToken}`);
    expect(out.status).toBe(204);
    expect(cookieOf(out)).toMatch(/^sillok_refresh=;.*Expires=Thu, 01 Jan 1970/);
    const after = await refreshWith(cookie);
    expect(after.status).toBe(401);
  });
});

/** A role that must have a second factor signs in for the first time in a browser: enrolment completes the login. */
describe('browser login at first enrolment (/auth/browser/login/enrol)', () => {
  let t: TestApp;
  const origin = 'http://sillok.test';
  const host = 'sillok.test';

  beforeAll(async () => {
    t = await startTestApp({ env: { MFA_REQUIRED_ROLES: 'investigator' } });
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (path: string, token?: string) => {
    const request = t.http().post(path).set('Host', host).set('Origin', origin);
    return token ? request.set('authorization', `Bearer ${token}`) : request;
  };

  it('confirms the first code with the enrolment-only token and starts a session with the refresh token in the cookie', async () => {
    const user = await createUser(t, Role.Investigator);
    const first = await post('/auth/browser/login').send({ email: user.email, password: user.password }).expect(200);
    expect(first.body.status).toBe('mfa_enrolment_required');
    const enrolmentToken = first.body.enrolmentToken as string;
    const enrolled = await post('/auth/mfa/enrol', enrolmentToken).expect(200);
    await post('/auth/browser/login/enrol', enrolmentToken).send({ code: '000000' }).expect(400);

    const res = await post('/auth/browser/login/enrol', enrolmentToken)
      .send({ code: await codeFor(enrolled.body.secret) })
      .expect(200);
    expect(res.body.recoveryCodes).toHaveLength(10);
    expect(res.body.session).toMatchObject({ status: 'authenticated', accessToken: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toMatch(/refresh/i);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('sillok_refresh='))!;
    expect(cookie).toMatch(/; HttpOnly/);
    await t.http().get('/cases').set('authorization', `Bearer ${res.body.session.accessToken}`).expect(200);
    // The cookie refreshes like any browser session's.
    const refreshed = await post('/auth/browser/refresh').set('Cookie', cookie.split(';')[0]).expect(200);
    expect(refreshed.body.accessToken).toEqual(expect.any(String));
    // The enrolment-only token is finished.
    await post('/auth/browser/login/enrol', enrolmentToken).send({ code: '000000' }).expect(401);
  });

  it('refuses a full session token (409) and a request from another site (403)', async () => {
    const other = await createUser(t, Role.Coordinator);
    const session = await post('/auth/browser/login')
      .send({ email: other.email, password: other.password })
      .expect(200);
    await post('/auth/browser/login/enrol', session.body.accessToken).send({ code: '123456' }).expect(409);
    await t
      .http()
      .post('/auth/browser/login/enrol')
      .set('Host', host)
      .set('Origin', 'http://evil.test')
      .set('authorization', `Bearer ${session.body.accessToken}`)
      .send({ code: '123456' })
      .expect(403);
  });
});
