import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { describeAccess, listRoutes, type ListedRoute } from '../support/route-listing.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Every change of who-can-reach-what shows up as a diff of this file in review.
// After an intended change: UPDATE_ROUTE_SNAPSHOT=1 npm test -- test/security
const SNAPSHOT = new URL('./route-permissions.snapshot.json', import.meta.url);

describe('route access declarations', () => {
  let t: TestApp;
  let routes: ListedRoute[];
  beforeAll(async () => {
    t = await startTestApp();
    routes = listRoutes(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds the routes of the running app', () => {
    const names = routes.map((r) => r.route);
    expect(names).toEqual(expect.arrayContaining(['GET /health', 'POST /auth/login', 'GET /cases/:id']));
  });

  it('declares exactly one access rule on every route', () => {
    const undeclared = routes.filter((r) => !r.access).map((r) => `${r.route} (${r.controller}.${r.handler})`);
    expect(undeclared).toEqual([]);
  });

  it('keeps public only login, the second login step, token refresh (bearer and browser cookie) and health', () => {
    const open = routes.filter((r) => r.access?.kind === 'public').map((r) => r.route);
    expect(open.sort()).toEqual([
      'GET /health',
      'POST /auth/browser/login',
      'POST /auth/browser/login/mfa',
      'POST /auth/browser/refresh',
      'POST /auth/login',
      'POST /auth/login/mfa',
      'POST /auth/refresh',
    ]);
  });

  it('matches the committed route -> access snapshot', () => {
    const current = Object.fromEntries(routes.map((r) => [r.route, describeAccess(r.access)]));
    if (process.env.UPDATE_ROUTE_SNAPSHOT === '1') writeFileSync(SNAPSHOT, JSON.stringify(current, null, 2) + '\n');
    const committed = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, string>;
    expect(current).toEqual(committed);
  });

  it('describes the success response of every route in the OpenAPI document', async () => {
    const doc = (await t.http().get('/api/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
    };
    const undescribed: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const success = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
        if (!success.some(([status, response]) => status === '204' || response.content)) {
          undescribed.push(`${method.toUpperCase()} ${path}`);
        }
      }
    }
    expect(undescribed).toEqual([]);
  });
});
