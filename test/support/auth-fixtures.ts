import { Role, ROLES, UserService } from '@sillok/auth';
import type { TestApp } from './test-app.js';

/** A password every fixture user shares: long, not common, not an email. */
export const FIXTURE_PASSWORD = 'Fixture-Passphrase-7319';

export interface FixtureUser {
  id: string;
  email: string;
  password: string;
  role: Role;
}

export interface LoggedInUser extends FixtureUser {
  /** The access token (JWT). */
  token: string;
  refreshToken: string;
  sessionId: string;
}

export type RoleLogins = Record<Role, LoggedInUser>;

let counter = 0;

/** A user made directly through UserService (no HTTP, no must-change flag). */
export async function createUser(
  t: TestApp,
  role: Role,
  options: { email?: string; displayName?: string; password?: string } = {},
): Promise<FixtureUser> {
  counter += 1;
  const email = options.email ?? `${role.replace('_', '-')}-${counter}-${process.pid}@example.org`;
  const password = options.password ?? FIXTURE_PASSWORD;
  const { user } = await t.app.get(UserService).create({
    email,
    displayName: options.displayName ?? `${role} ${counter}`,
    role,
    password,
  });
  return { id: user.id, email, password, role };
}

/** POST /auth/login for a user without a second factor; fails loudly when no tokens come back. */
export async function login(t: TestApp, user: FixtureUser): Promise<LoggedInUser> {
  const res = await t.http().post('/auth/login').send({ email: user.email, password: user.password });
  if (res.status !== 200 || res.body.status !== 'authenticated') {
    throw new Error(`login of ${user.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { ...user, token: res.body.accessToken, refreshToken: res.body.refreshToken, sessionId: res.body.sessionId };
}

export async function createAndLogin(t: TestApp, role: Role, options?: Parameters<typeof createUser>[2]) {
  return login(t, await createUser(t, role, options));
}

/** One logged-in user of every role: `const as = await loginAllRoles(t); as.admin.token`. */
export async function loginAllRoles(t: TestApp): Promise<RoleLogins> {
  const entries = await Promise.all(ROLES.map(async (role) => [role, await createAndLogin(t, role)] as const));
  return Object.fromEntries(entries) as RoleLogins;
}

/** The Authorization header of a logged-in user. */
export function bearer(user: { token: string }): Record<string, string> {
  return { authorization: `Bearer ${user.token}` };
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A request sent as `user` (or as nobody, for the 401 cases), with an optional JSON body. */
// Five parameters, against the rule (issue 19): its 347 calls in 46 test files, most of them being
// edited in other branches, change in one commit of their own after those land.
// eslint-disable-next-line no-restricted-syntax
export function requestAs(
  t: TestApp,
  user: { token: string } | undefined,
  method: HttpMethod,
  path: string,
  body?: object,
) {
  const request = t.http()[method](path);
  if (user) request.set(bearer(user));
  return body ? request.send(body) : request;
}
