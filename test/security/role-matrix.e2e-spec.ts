import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loginAllRoles, requestAs, type HttpMethod, type RoleLogins } from '../support/auth-fixtures.js';
import { listRoutes, type ListedRoute } from '../support/route-listing.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Who may reach what, written out here rather than read from the role map, so a change of the
 * map (or a guard that stops enforcing it) fails this test. Roles not listed get 403.
 */
const ROLES_HOLDING: Record<string, string[]> = {
  'user.manage': ['admin'],
  'system.manage': ['admin'],
  'case.create': ['coordinator'],
  'case.manage': ['coordinator'],
  'case.read': ['admin', 'coordinator', 'investigator', 'analyst', 'legal_reviewer'],
  'witness.read': ['admin', 'coordinator', 'investigator', 'analyst', 'legal_reviewer'],
  'witness.write': ['coordinator', 'investigator'],
  'witness.identity.read': ['coordinator', 'investigator', 'legal_reviewer'],
  'witness.identity.write': ['coordinator', 'investigator'],
  'consent.write': ['coordinator', 'investigator'],
  'testimony.read': ['admin', 'coordinator', 'investigator', 'analyst', 'legal_reviewer'],
  'testimony.write': ['coordinator', 'investigator'],
  'testimony.approve': ['coordinator'],
  'taxonomy.read': ['admin', 'coordinator', 'investigator', 'analyst', 'legal_reviewer'],
  'taxonomy.manage': ['admin', 'coordinator'],
  'incident.read': ['admin', 'coordinator', 'investigator', 'analyst', 'legal_reviewer'],
  'incident.write': ['coordinator', 'investigator'],
  'attachment.upload': ['coordinator', 'investigator'],
  'attachment.download': ['coordinator', 'investigator', 'legal_reviewer'],
  'export.create': ['coordinator', 'legal_reviewer'],
  'export.read': ['coordinator', 'legal_reviewer'],
  'search.read': ['admin', 'coordinator', 'investigator', 'analyst', 'legal_reviewer'],
  'audit.read': ['coordinator', 'auditor'],
  'audit.verify': ['auditor'],
  'import.create': ['coordinator', 'investigator'],
  'fixity.read': ['admin', 'auditor'],
};

// Path parameters that are not ids.
const PARAMETER_VALUES: Record<string, string> = { revision: '1', scheme: 'coi-violation' };

/** A concrete request for a route: unknown ids, an empty body. */
function concrete(route: ListedRoute): { method: HttpMethod; path: string } {
  const [method, pattern] = route.route.split(' ');
  const path = pattern.replace(/:(\w+)/g, (_match, name: string) => PARAMETER_VALUES[name] ?? randomUUID());
  return { method: method.toLowerCase() as HttpMethod, path };
}

describe('every route answers each role as the permission table says', () => {
  let t: TestApp;
  let as: RoleLogins;
  let routes: ListedRoute[];
  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    routes = listRoutes(t.app).filter((r) => r.access?.kind === 'permission');
  });
  afterAll(async () => t?.close());

  it('knows every permission a route declares', () => {
    const declared = new Set(routes.map((r) => (r.access as { permission: string }).permission));
    expect([...declared].filter((p) => !(p in ROLES_HOLDING))).toEqual([]);
  });

  it('answers 401 without a token on every route that needs a permission', async () => {
    const answers: string[] = [];
    for (const route of routes) {
      const { method, path } = concrete(route);
      const res = await requestAs(t, undefined, method, path, method === 'get' ? undefined : {});
      if (res.status !== 401) answers.push(`${route.route}: ${res.status}`);
    }
    expect(answers).toEqual([]);
  });

  it('answers 403 to a role without the permission, and never 401, 403 or 5xx to one with it', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const permission = (route.access as { permission: string }).permission;
      const { method, path } = concrete(route);
      for (const [role, user] of Object.entries(as)) {
        const res = await requestAs(t, user, method, path, method === 'get' ? undefined : {});
        const holds = ROLES_HOLDING[permission]?.includes(role) ?? false;
        const right = holds ? ![401, 403].includes(res.status) && res.status < 500 : res.status === 403;
        if (!right) wrong.push(`${route.route} as ${role}: ${res.status} (${holds ? 'holds' : 'lacks'} ${permission})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
