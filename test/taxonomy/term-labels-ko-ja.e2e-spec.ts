import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Role } from '@sillok/auth';
import { createAndLogin, requestAs, type LoggedInUser } from '../support/auth-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Migration 1764561000000: violations, acts and agencies are found by Korean and Japanese names;
 * 1765100000000: every other seeded term has both names too (no English fallback on screens).
 */
describe('Korean and Japanese term names', () => {
  let t: TestApp;
  let user: LoggedInUser;

  beforeAll(async () => {
    t = await startTestApp();
    user = await createAndLogin(t, Role.Investigator);
  });
  afterAll(async () => {
    await t.close();
  });

  const lookup = async (q: string, scheme: string) => {
    const res = await requestAs(t, user, 'get', `/taxonomy/lookup?q=${encodeURIComponent(q)}&scheme=${scheme}`);
    expect(res.status).toBe(200);
    return (
      res.body.matches as Array<{ term: { code: string; labelKo: string | null; attributes: Record<string, unknown> } }>
    ).map((m) => m.term);
  };

  it.each([
    ['강제노동', 'coi-violation', 'E.5'],
    ['強制労働', 'coi-violation', 'E.5'],
    ['forced labour in detention', 'coi-violation', 'E.5'],
    ['연좌제', 'coi-violation', 'E.9'],
    ['拷問', 'rome-art7', '7.1.f'],
    ['고문', 'rome-art7', '7.1.f'],
    ['보위부', 'agency', 'mss-state-security'],
    ['保衛部', 'agency', 'mss-state-security'],
    ['bowibu', 'agency', 'mss-state-security'],
    ['노동권', 'act-type', '30'],
  ])('finds %s in %s as %s', async (q, scheme, code) => {
    expect((await lookup(q, scheme)).map((term) => term.code)).toContain(code);
  });

  it('gives the Korean label and keeps the Japanese one in attributes.labelJa', async () => {
    const [term] = await lookup('강제노동', 'coi-violation');
    expect(term.labelKo).toBe('구금 중 강제노동');
    expect(term.attributes.labelJa).toBe('拘禁中の強制労働');
  });

  it('keeps the Hangul names the seed already had', async () => {
    const [term] = await lookup('보위부', 'agency');
    expect(term.labelKo).toBe('국가보위성');
    expect(term.attributes.labelJa).toBe('国家保衛省');
  });

  it('leaves no seeded term without label_ko or attributes.labelJa', async () => {
    const missing = (await t.app.get(DataSource).query(
      `SELECT scheme, code FROM taxonomy_terms
        WHERE origin = 'seed' AND (label_ko IS NULL OR coalesce(attributes->>'labelJa', '') = '')
        ORDER BY scheme, code`,
    )) as Array<{ scheme: string; code: string }>;
    expect(missing).toEqual([]);
  });

  it.each([
    ['목격자', 'source-connection', 'eyewitness', '目撃者'],
    ['伝聞', 'source-connection', 'hearsay', '伝聞'],
    ['신뢰할 수 있음', 'reliability', 'reliable', '信頼できる'],
    ['耀徳第15号管理所', 'facility', 'kwanliso-15', '耀徳第15号管理所'],
    ['労働鍛錬隊', 'facility-type', 'rodong-danryeondae', '労働鍛錬隊'],
  ])('finds %s in %s as %s, named %s in Japanese', async (q, scheme, code, ja) => {
    const term = (await lookup(q, scheme)).find((found) => found.code === code);
    expect(term?.attributes.labelJa).toBe(ja);
  });

  it('keeps the seed’s own Hangul names', async () => {
    const [row] = (await t.app
      .get(DataSource)
      .query(`SELECT label_ko FROM taxonomy_terms WHERE scheme = 'facility' AND code = 'kwanliso-15'`)) as Array<{
      label_ko: string;
    }>;
    expect(row.label_ko).toBe('요덕 제15호 관리소');
  });
});
