import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@sillok/auth';
import { bearer, createAndLogin, loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('GET /audit through the case scope', () => {
  let t: TestApp;
  let as: RoleLogins;
  let led: string;
  let other: string;
  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    led = (await t.http().post('/cases').set(bearer(as.coordinator)).send({ title: 'Led' }).expect(201)).body.id;
    const stranger = await createAndLogin(t, Role.Coordinator);
    other = (await t.http().post('/cases').set(bearer(stranger)).send({ title: 'Other' }).expect(201)).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const caseIdsSeenBy = async (user: { token: string }) => {
    const res = await t.http().get('/audit?limit=500').set(bearer(user)).expect(200);
    return new Set(res.body.items.map((e: { caseId: string | null }) => e.caseId));
  };

  it('shows a coordinator the events of the cases they lead, and nothing else', async () => {
    const seen = await caseIdsSeenBy(as.coordinator);
    expect(seen.has(led)).toBe(true);
    expect(seen.has(other)).toBe(false);
    expect(seen.has(null)).toBe(false);
  });

  it('shows the auditor the whole log', async () => {
    const seen = await caseIdsSeenBy(as.auditor);
    expect(seen.has(led) && seen.has(other) && seen.has(null)).toBe(true);
  });

  it('refuses every role without audit.read', async () => {
    for (const role of [Role.Admin, Role.Investigator, Role.Analyst, Role.LegalReviewer]) {
      await t.http().get('/audit').set(bearer(as[role])).expect(403);
    }
    await t.http().get('/audit').expect(401);
  });
});
