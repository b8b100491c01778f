import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Role } from '@sillok/auth';
import { CaseRole } from '@sillok/cases';
import { createUser, loginAllRoles, requestAs, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases, type TwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('GET /cases/:id/member-candidates', () => {
  let t: TestApp;
  let as: RoleLogins;
  let cases: TwoCases;
  const tag = `cand${process.pid}`;

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    cases = await createTwoCases(t, as);
    await createUser(t, Role.Investigator, { displayName: `Kim Minji ${tag}`, email: `minji.${tag}@example.org` });
    await createUser(t, Role.Analyst, { displayName: `김영철 ${tag}`, email: `yc.${tag}@example.org` });
    const disabled = await createUser(t, Role.Investigator, { displayName: `Kim Disabled ${tag}` });
    const res = await requestAs(t, as.admin, 'post', `/users/${disabled.id}/disable`);
    if (res.status >= 300) throw new Error(`disable failed: ${res.status}`);
  });
  afterAll(async () => {
    await t.close();
  });

  const find = (q: string, caseId = cases.caseA, user = as.coordinator) =>
    requestAs(t, user, 'get', `/cases/${caseId}/member-candidates?q=${encodeURIComponent(q)}`);

  it('finds active accounts by part of the name or email, with name, email and role only', async () => {
    const res = await find('MINJI');
    expect(res.status).toBe(200);
    const minji = res.body.find((c: { email: string }) => c.email === `minji.${tag}@example.org`);
    expect(minji).toEqual({
      userId: expect.any(String),
      displayName: `Kim Minji ${tag}`,
      email: `minji.${tag}@example.org`,
      role: 'investigator',
    });
    const korean = await find('김영철');
    expect(korean.body.map((c: { displayName: string }) => c.displayName)).toContain(`김영철 ${tag}`);
  });

  it('leaves out disabled accounts and current members', async () => {
    const names = (await find(tag)).body.map((c: { displayName: string }) => c.displayName);
    expect(names).not.toContain(`Kim Disabled ${tag}`);
    const members = (await find(as.investigator.email)).body;
    expect(members).toEqual([]);
  });

  it('treats % and _ as themselves', async () => {
    expect((await find('%')).body).toEqual([]);
  });

  it('answers 404 for a case the caller does not lead or that does not exist, 403 for roles without case.manage', async () => {
    expect((await find(tag, cases.caseB)).status).toBe(404);
    expect((await find(tag, randomUUID())).status).toBe(404);
    expect((await find(tag, cases.caseA, as.investigator)).status).toBe(403);
    expect((await requestAs(t, undefined, 'get', `/cases/${cases.caseA}/member-candidates?q=x`)).status).toBe(401);
  });

  it('refuses an empty query', async () => {
    expect((await find('')).status).toBe(400);
  });

  it('lists only accounts a lead may then add', async () => {
    const [candidate] = (await find(`minji.${tag}`)).body;
    const added = await requestAs(t, as.coordinator, 'post', `/cases/${cases.caseA}/members`, {
      userId: candidate.userId,
      caseRole: CaseRole.Member,
    });
    expect(added.status).toBe(201);
    expect((await find(`minji.${tag}`)).body).toEqual([]);
  });
});
