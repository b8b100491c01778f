import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Role, ROLES } from '@sillok/auth';
import {
  requestAs,
  createUser,
  login,
  loginAllRoles,
  type HttpMethod,
  type RoleLogins,
} from '../support/auth-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { readAuditLog } from '../support/audit-log.js';

type Method = HttpMethod;

describe('user administration', () => {
  let t: TestApp;
  let as: RoleLogins;

  const call = (user: { token: string } | undefined, method: Method, path: string, body?: object) =>
    requestAs(t, user, method, path, body);

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('only user.manage (admin) reaches /users; everyone else 403, nobody logged in 401', () => {
    const routes: Array<{ name: string; method: Method; path: () => Promise<string>; body?: () => object }> = [
      {
        name: 'POST /users',
        method: 'post',
        path: async () => '/users',
        body: () => ({ email: `u${Math.random()}@example.org`, displayName: 'U', role: 'analyst' }),
      },
      { name: 'GET /users', method: 'get', path: async () => '/users' },
      { name: 'GET /users/:id', method: 'get', path: async () => `/users/${as.analyst.id}` },
      {
        name: 'PATCH /users/:id',
        method: 'patch',
        path: async () => `/users/${(await createUser(t, Role.Analyst)).id}`,
        body: () => ({ displayName: 'Renamed' }),
      },
      {
        name: 'POST /users/:id/disable',
        method: 'post',
        path: async () => `/users/${(await createUser(t, Role.Analyst)).id}/disable`,
      },
      {
        name: 'POST /users/:id/enable',
        method: 'post',
        path: async () => `/users/${(await createUser(t, Role.Analyst)).id}/enable`,
      },
      {
        name: 'POST /users/:id/reset-password',
        method: 'post',
        path: async () => `/users/${(await createUser(t, Role.Analyst)).id}/reset-password`,
      },
      {
        name: 'POST /users/:id/mfa/reset',
        method: 'post',
        path: async () => `/users/${(await createUser(t, Role.Analyst)).id}/mfa/reset`,
      },
    ];
    const adminStatus: Record<string, number> = {
      'POST /users': 201,
      'POST /users/:id/mfa/reset': 204,
    };
    for (const route of routes) {
      it(route.name, async () => {
        for (const role of ROLES) {
          const res = await call(as[role], route.method, await route.path(), route.body?.());
          const expected = role === Role.Admin ? (adminStatus[route.name] ?? 200) : 403;
          expect({ role, status: res.status }).toEqual({ role, status: expected });
        }
        const anonymous = await call(undefined, route.method, await route.path(), route.body?.());
        expect(anonymous.status).toBe(401);
      });
    }
  });

  it('creates a user with a one-time password that must be changed first', async () => {
    const email = 'New.Person@Example.org';
    const created = await call(as.admin, 'post', '/users', {
      email,
      displayName: 'New Person',
      role: 'investigator',
    }).expect(201);
    expect(created.body.user).toMatchObject({
      email,
      role: 'investigator',
      mustChangePassword: true,
      status: 'active',
    });
    const temporary = created.body.temporaryPassword as string;
    expect(temporary.length).toBeGreaterThanOrEqual(20);

    // The same email in other letter case is taken.
    await call(as.admin, 'post', '/users', { email: email.toLowerCase(), displayName: 'X', role: 'analyst' }).expect(
      409,
    );

    const user = await login(t, { id: created.body.user.id, email, password: temporary, role: Role.Investigator });
    const blocked = await call(user, 'get', '/cases').expect(403);
    expect(blocked.body.passwordChangeRequired).toBe(true);
    await call(user, 'get', '/auth/me').expect(200);

    const weak = await call(user, 'post', '/auth/password', {
      currentPassword: temporary,
      newPassword: 'passwordpassword',
    }).expect(400);
    expect(weak.body.errors[0].field).toBe('newPassword');
    const asEmail = await call(user, 'post', '/auth/password', {
      currentPassword: temporary,
      newPassword: email,
    }).expect(400);
    expect(asEmail.body.detail).toMatch(/email/);
    const short = await call(user, 'post', '/auth/password', {
      currentPassword: temporary,
      newPassword: 'Short-1x',
    }).expect(400);
    expect(short.body.detail).toMatch(/12 characters/);
    const wrongOld = await call(user, 'post', '/auth/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'A-much-better-passphrase-42',
    }).expect(400);
    expect(wrongOld.body.errors[0].field).toBe('currentPassword');

    await call(user, 'post', '/auth/password', {
      currentPassword: temporary,
      newPassword: 'A-much-better-passphrase-42',
    }).expect(204);
    await call(user, 'get', '/cases').expect(200);
    await login(t, { ...user, password: 'A-much-better-passphrase-42' });
  });

  it('makes a password chosen by the administrator a one-time password too', async () => {
    const email = 'chosen@example.org';
    const created = await call(as.admin, 'post', '/users', {
      email,
      displayName: 'Chosen',
      role: 'analyst',
      password: 'Admin-chosen-passphrase-5',
    }).expect(201);
    expect(created.body.user.mustChangePassword).toBe(true);
    expect(created.body.temporaryPassword).toBeUndefined();
    const user = await login(t, {
      id: created.body.user.id,
      email,
      password: 'Admin-chosen-passphrase-5',
      role: Role.Analyst,
    });
    expect((await call(user, 'get', '/cases').expect(403)).body.passwordChangeRequired).toBe(true);
  });

  it('refuses a weak chosen password and bad fields with 400 naming them', async () => {
    const weak = await call(as.admin, 'post', '/users', {
      email: 'w@example.org',
      displayName: 'W',
      role: 'analyst',
      password: 'qwerty123456',
    }).expect(400);
    expect(weak.body.errors[0]).toMatchObject({ field: 'password' });
    const bad = await call(as.admin, 'post', '/users', { email: 'nope', role: 'king' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['email', 'displayName', 'role']),
    );
    const badId = await call(as.admin, 'get', '/users/123').expect(400);
    expect(badId.body.errors[0].field).toBe('id');
    await call(as.admin, 'get', '/users/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('stops a disabled user’s token on the very next request, and their refresh token', async () => {
    const victim = await login(t, await createUser(t, Role.Investigator));
    await call(victim, 'get', '/auth/me').expect(200);
    await call(as.admin, 'post', `/users/${victim.id}/disable`).expect(200);
    await call(victim, 'get', '/auth/me').expect(401);
    await t.http().post('/auth/refresh').send({ refreshToken: victim.refreshToken }).expect(401);
    await t.http().post('/auth/login').send({ email: victim.email, password: victim.password }).expect(401);

    await call(as.admin, 'post', `/users/${victim.id}/enable`).expect(200);
    await call(victim, 'get', '/auth/me').expect(401); // the old session stays ended
    await login(t, victim);
  });

  it('ends the sessions of a user whose role changes', async () => {
    const user = await login(t, await createUser(t, Role.Coordinator));
    await call(user, 'post', '/cases', { title: 'before demotion' }).expect(201);
    const changed = await call(as.admin, 'patch', `/users/${user.id}`, { role: 'analyst' }).expect(200);
    expect(changed.body.role).toBe('analyst');
    await call(user, 'get', '/auth/me').expect(401);
    const again = await login(t, user);
    await call(again, 'post', '/cases', { title: 'after demotion' }).expect(403);
    const [row] = await readAuditLog(
      t.app.get(DataSource),
      `SELECT details FROM audit_events WHERE action = 'user.role.change' AND subject_id = $1`,
      [user.id],
    );
    expect(row.details).toMatchObject({ from: 'coordinator', to: 'analyst', sessionsRevoked: 1 });
  });

  it('resets a password: a one-time password, sessions end, lock lifted', async () => {
    const user = await login(t, await createUser(t, Role.Analyst));
    const reset = await call(as.admin, 'post', `/users/${user.id}/reset-password`).expect(200);
    expect(reset.body.user.mustChangePassword).toBe(true);
    await call(user, 'get', '/auth/me').expect(401);
    await login(t, { ...user, password: reset.body.temporaryPassword });
  });

  it('keeps the last administrator: no self-disable, no demoting the only admin', async () => {
    await call(as.admin, 'post', `/users/${as.admin.id}/disable`).expect(409);
    await call(as.admin, 'patch', `/users/${as.admin.id}`, { role: 'analyst' }).expect(409);
  });

  it('lists users without secrets, paginated', async () => {
    // One account past the six of every role, whichever tests ran before.
    await createUser(t, Role.Analyst);
    const res = await call(as.admin, 'get', '/users?limit=3').expect(200);
    expect(res.body.items).toHaveLength(3);
    expect(res.body.total).toBeGreaterThan(6);
    for (const user of res.body.items) {
      expect(Object.keys(user).sort()).toEqual(
        [
          'createdAt',
          'displayName',
          'email',
          'id',
          'lockedUntil',
          'mfaEnabled',
          'mustChangePassword',
          'role',
          'status',
          'updatedAt',
        ].sort(),
      );
    }
  });
});
