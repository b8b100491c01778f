import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Role, ROLES } from '@sillok/auth';
import {
  requestAs,
  createAndLogin,
  createUser,
  loginAllRoles,
  type HttpMethod,
  type LoggedInUser,
  type RoleLogins,
} from '../support/auth-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { readAuditLog } from '../support/audit-log.js';

type Method = HttpMethod;
interface RouteCase {
  name: string;
  method: Method;
  path: () => string | Promise<string>;
  body?: () => object | Promise<object>;
  expected: Record<Role, number>;
}

const statuses = (
  admin: number,
  coordinator: number,
  investigator: number,
  analyst: number,
  legal: number,
  auditor: number,
) => ({
  [Role.Admin]: admin,
  [Role.Coordinator]: coordinator,
  [Role.Investigator]: investigator,
  [Role.Analyst]: analyst,
  [Role.LegalReviewer]: legal,
  [Role.Auditor]: auditor,
});

describe('cases and memberships', () => {
  let t: TestApp;
  let as: RoleLogins;
  let caseA: string;
  let caseB: string;
  let otherCoordinator: LoggedInUser;

  const call = (user: { token: string } | undefined, method: Method, path: string, body?: object) =>
    requestAs(t, user, method, path, body);

  async function addMember(lead: LoggedInUser, caseId: string, userId: string, caseRole: string) {
    await call(lead, 'post', `/cases/${caseId}/members`, { userId, caseRole }).expect(201);
  }

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    caseA = (await call(as.coordinator, 'post', '/cases', { title: 'Case A' }).expect(201)).body.id;
    await addMember(as.coordinator, caseA, as.investigator.id, 'member');
    await addMember(as.coordinator, caseA, as.analyst.id, 'viewer');
    await addMember(as.coordinator, caseA, as.legal_reviewer.id, 'viewer');
    otherCoordinator = await createAndLogin(t, Role.Coordinator);
    caseB = (await call(otherCoordinator, 'post', '/cases', { title: 'Case B' }).expect(201)).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('generates unique CASE-<year>-<nnnn> references, also under concurrent creation', async () => {
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, i) => call(as.coordinator, 'post', '/cases', { title: `parallel ${i}` })),
    );
    const references = created.map((res) => {
      expect(res.status).toBe(201);
      return res.body.reference as string;
    });
    const year = new Date().getUTCFullYear();
    for (const reference of references) expect(reference).toMatch(new RegExp(`^CASE-${year}-\\d{4}$`));
    expect(new Set(references).size).toBe(references.length);
    expect(created[0].body).toMatchObject({ status: 'open', myCaseRole: 'lead', createdBy: as.coordinator.id });
    // The audit row names the actor the guard put in the request context, and the request. Read
    // as the API's readers do, sealing first: a parallel commit may have left its event pending.
    await t.app.get(DataSource).query(`SELECT audit_seal()`);
    const [row] = await readAuditLog(
      t.app.get(DataSource),
      `SELECT actor_user_id, actor_role, request_id FROM audit_events WHERE action = 'case.create' AND case_id = $1`,
      [created[0].body.id],
    );
    expect(row).toMatchObject({ actor_user_id: as.coordinator.id, actor_role: 'coordinator' });
    expect(row.request_id).toBe(created[0].headers['x-request-id']);
  });

  describe('expected status per role on case A (coordinator: lead; investigator: member; analyst, legal reviewer: viewers)', () => {
    const table: RouteCase[] = [
      {
        name: 'POST /cases',
        method: 'post',
        path: () => '/cases',
        body: () => ({ title: 'New' }),
        expected: statuses(403, 201, 403, 403, 403, 403),
      },
      { name: 'GET /cases', method: 'get', path: () => '/cases', expected: statuses(200, 200, 200, 200, 200, 403) },
      {
        name: 'GET /cases/:id',
        method: 'get',
        path: () => `/cases/${caseA}`,
        expected: statuses(404, 200, 200, 200, 200, 403),
      },
      {
        name: 'PATCH /cases/:id',
        method: 'patch',
        path: () => `/cases/${caseA}`,
        body: () => ({ description: 'updated' }),
        expected: statuses(403, 200, 403, 403, 403, 403),
      },
      {
        name: 'GET /cases/:id/members',
        method: 'get',
        path: () => `/cases/${caseA}/members`,
        expected: statuses(404, 200, 200, 200, 200, 403),
      },
      {
        name: 'GET /cases/:id/members/:userId',
        method: 'get',
        path: () => `/cases/${caseA}/members/${as.coordinator.id}`,
        expected: statuses(404, 200, 200, 200, 200, 403),
      },
      {
        name: 'POST /cases/:id/members',
        method: 'post',
        path: () => `/cases/${caseA}/members`,
        body: async () => ({ userId: (await createUser(t, Role.Analyst)).id, caseRole: 'viewer' }),
        expected: statuses(403, 201, 403, 403, 403, 403),
      },
      {
        name: 'PATCH /cases/:id/members/:userId',
        method: 'patch',
        path: () => `/cases/${caseA}/members/${as.analyst.id}`,
        body: () => ({ caseRole: 'viewer' }),
        expected: statuses(403, 200, 403, 403, 403, 403),
      },
      {
        name: 'DELETE /cases/:id/members/:userId',
        method: 'delete',
        path: async () => {
          const extra = await createUser(t, Role.Analyst);
          await addMember(as.coordinator, caseA, extra.id, 'viewer');
          return `/cases/${caseA}/members/${extra.id}`;
        },
        expected: statuses(403, 204, 403, 403, 403, 403),
      },
    ];

    for (const route of table) {
      it(`${route.name}`, async () => {
        for (const role of ROLES) {
          const res = await call(
            as[role],
            route.method,
            await route.path(),
            route.body ? await route.body() : undefined,
          );
          expect({ role, status: res.status }).toEqual({ role, status: route.expected[role] });
        }
        const anonymous = await call(
          undefined,
          route.method,
          await route.path(),
          route.body ? await route.body() : undefined,
        );
        expect(anonymous.status).toBe(401);
      });
    }
  });

  it('answers 404 to a member of case A for every route of case B, the same as for a case that does not exist, and audits the refusal', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const routes = (id: string): Array<[Method, string, object?]> => [
      ['get', `/cases/${id}`],
      ['patch', `/cases/${id}`, { title: 'taken over' }],
      ['get', `/cases/${id}/members`],
      ['post', `/cases/${id}/members`, { userId: as.coordinator.id, caseRole: 'lead' }],
      ['get', `/cases/${id}/members/${otherCoordinator.id}`],
      ['patch', `/cases/${id}/members/${otherCoordinator.id}`, { caseRole: 'viewer' }],
      ['delete', `/cases/${id}/members/${otherCoordinator.id}`],
    ];
    const forbidden = routes(caseB);
    const absent = routes(missing);
    for (let i = 0; i < forbidden.length; i++) {
      const [method, path, body] = forbidden[i];
      const res = await call(as.coordinator, method, path, body);
      const ghost = await call(as.coordinator, absent[i][0], absent[i][1], absent[i][2]);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.body.detail).toBe(ghost.body.detail);
      expect(res.body.type).toBe(ghost.body.type);
    }
    // The same for the other roles that may read cases.
    for (const role of [Role.Investigator, Role.Analyst, Role.LegalReviewer, Role.Admin]) {
      await call(as[role], 'get', `/cases/${caseB}`).expect(404);
      await call(as[role], 'get', `/cases/${caseB}/members`).expect(404);
    }
    const refused = await readAuditLog(
      t.app.get(DataSource),
      `SELECT actor_user_id, details FROM audit_events WHERE action = 'access.refused' AND case_id = $1`,
      [caseB],
    );
    expect(refused.length).toBeGreaterThanOrEqual(forbidden.length);
    expect(refused.map((r: { actor_user_id: string }) => r.actor_user_id)).toContain(as.coordinator.id);
    // Case B is untouched.
    const own = await call(otherCoordinator, 'get', `/cases/${caseB}`).expect(200);
    expect(own.body.title).toBe('Case B');
  });

  it('lists only the cases the caller is a member of, paginated', async () => {
    // Enough cases of the coordinator's own for a second page (case A is one of them).
    for (const title of ['Listed 1', 'Listed 2', 'Listed 3'])
      await call(as.coordinator, 'post', '/cases', { title }).expect(201);
    const adminList = await call(as.admin, 'get', '/cases').expect(200);
    expect(adminList.body).toMatchObject({ items: [], total: 0, limit: 50, offset: 0 });
    const analystList = await call(as.analyst, 'get', '/cases').expect(200);
    expect(analystList.body.items.map((c: { id: string }) => c.id)).toEqual([caseA]);
    expect(analystList.body.items[0].myCaseRole).toBe('viewer');
    const page = await call(as.coordinator, 'get', '/cases?limit=2&offset=1').expect(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(3);
    expect(page.body.items.map((c: { id: string }) => c.id)).not.toContain(caseB);
  });

  it('caps a global role by the case role: a coordinator who is only a member cannot manage the case', async () => {
    const colleague = await createAndLogin(t, Role.Coordinator);
    await addMember(as.coordinator, caseA, colleague.id, 'member');
    await call(colleague, 'get', `/cases/${caseA}`).expect(200);
    const res = await call(colleague, 'patch', `/cases/${caseA}`, { title: 'mine now' }).expect(403);
    expect(res.body.detail).toMatch(/case role \(member\)/);
    const [refusal] = await readAuditLog(
      t.app.get(DataSource),
      `SELECT details FROM audit_events WHERE action = 'access.refused' AND actor_user_id = $1`,
      [colleague.id],
    );
    expect(refusal.details).toEqual({ permission: 'case.manage', why: 'case_role_member' });
  });

  it('changes status with an audit row, and keeps at least one lead', async () => {
    const fresh = (await call(as.coordinator, 'post', '/cases', { title: 'Closing' }).expect(201)).body.id;
    const closed = await call(as.coordinator, 'patch', `/cases/${fresh}`, { status: 'closed' }).expect(200);
    expect(closed.body.status).toBe('closed');
    const rows = await readAuditLog(
      t.app.get(DataSource),
      `SELECT details FROM audit_events WHERE action = 'case.status.change' AND case_id = $1`,
      [fresh],
    );
    expect(rows).toEqual([{ details: { from: 'open', to: 'closed' } }]);
    const res = await call(as.coordinator, 'delete', `/cases/${fresh}/members/${as.coordinator.id}`).expect(409);
    expect(res.body.detail).toMatch(/at least one lead/);
  });

  it('ends access at once when a membership is removed, and records add and remove', async () => {
    const temp = await createAndLogin(t, Role.Investigator);
    await addMember(as.coordinator, caseA, temp.id, 'member');
    await call(temp, 'get', `/cases/${caseA}`).expect(200);
    await call(as.coordinator, 'post', `/cases/${caseA}/members`, { userId: temp.id, caseRole: 'member' }).expect(409);
    await call(as.coordinator, 'delete', `/cases/${caseA}/members/${temp.id}`).expect(204);
    await call(temp, 'get', `/cases/${caseA}`).expect(404);
    const actions = await readAuditLog(
      t.app.get(DataSource),
      `SELECT action FROM audit_events WHERE subject_id = $1 AND case_id = $2 ORDER BY seq`,
      [temp.id, caseA],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['case.member.add', 'case.member.remove']);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const cases: Array<[Method, string, object | undefined, string[]]> = [
      ['post', '/cases', {}, ['title']],
      ['post', '/cases', { title: 'x', extra: 1 }, ['extra']],
      ['patch', `/cases/${caseA}`, { status: 'deleted' }, ['status']],
      ['get', '/cases/not-a-uuid', undefined, ['id']],
      ['get', '/cases?limit=0', undefined, ['limit']],
      ['post', `/cases/${caseA}/members`, { userId: 'nope', caseRole: 'boss' }, ['userId', 'caseRole']],
      ['patch', `/cases/${caseA}/members/not-a-uuid`, { caseRole: 'viewer' }, ['userId']],
    ];
    for (const [method, path, body, fields] of cases) {
      const res = await call(as.coordinator, method, path, body);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(fields));
    }
  });

  it('answers 404 for adding a user that does not exist', async () => {
    await call(as.coordinator, 'post', `/cases/${caseA}/members`, {
      userId: '00000000-0000-4000-8000-000000000001',
      caseRole: 'viewer',
    }).expect(404);
  });
});
