import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@sillok/auth';
import { createUser, type FixtureUser } from '../support/auth-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

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
