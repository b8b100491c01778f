import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@sillok/auth';
import { createAndLogin, requestAs, type LoggedInUser } from '../support/auth-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Migration 1765070000000: every known kwanliso has a Korean name, and is found by it. */
describe('Korean names of kwanliso 11, 12 and 13', () => {
  let t: TestApp;
  let user: LoggedInUser;

  beforeAll(async () => {
    t = await startTestApp();
    user = await createAndLogin(t, Role.Investigator);
  });
  afterAll(async () => {
    await t.close();
  });

  it('leaves no seeded kwanliso without a Korean label', async () => {
    const res = await requestAs(t, user, 'get', '/taxonomy/facility');
    expect(res.status).toBe(200);
    const flat = (nodes: Array<{ code: string; labelKo: string | null; children: never[] }>): typeof nodes =>
      nodes.flatMap((node) => [node, ...flat(node.children)]);
    const kwanliso = flat(res.body).filter((term) => term.code.startsWith('kwanliso-'));
    expect(kwanliso.map((term) => term.code).sort()).toEqual(
      [11, 12, 13, 14, 15, 16, 18, 22, 25].map((n) => `kwanliso-${n}`).sort(),
    );
    expect(kwanliso.filter((term) => !term.labelKo).map((term) => term.code)).toEqual([]);
  });

  it.each([
    ['경성', 'kwanliso-11', '경성 제11호 관리소'],
    ['온성 제12호 관리소', 'kwanliso-12', '온성 제12호 관리소'],
    ['창평', 'kwanliso-13', '창평 제13호 관리소'],
  ])('finds %s as %s, named %s', async (q, code, labelKo) => {
    const res = await requestAs(t, user, 'get', `/taxonomy/lookup?q=${encodeURIComponent(q)}&scheme=facility`);
    expect(res.status).toBe(200);
    const terms = (res.body.matches as Array<{ term: { code: string; labelKo: string | null } }>).map((m) => m.term);
    expect(terms).toContainEqual(expect.objectContaining({ code, labelKo }));
  });
});
