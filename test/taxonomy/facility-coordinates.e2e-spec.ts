import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@sillok/auth';
import { createAndLogin, requestAs, type LoggedInUser } from '../support/auth-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Term {
  id: string;
  code: string;
  coordinates: { latitude: number; longitude: number; precision: string; basis: string | null } | null;
  children: Term[];
}

/** The DPRK's extent, with a margin: every camp's approximate point must fall inside it. */
const DPRK = { south: 37.6, north: 43.1, west: 124.1, east: 130.8 };
const flat = (nodes: Term[]): Term[] => nodes.flatMap((n) => [n, ...flat(n.children)]);

/** Migration 1765060000000: the seeded kwanliso carry approximate coordinates for the map. */
describe('facility coordinates', () => {
  let t: TestApp;
  let user: LoggedInUser;

  beforeAll(async () => {
    t = await startTestApp();
    user = await createAndLogin(t, Role.Analyst);
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives every seeded kwanliso a point in North Korea with its precision and basis, and other terms none', async () => {
    const tree = await requestAs(t, user, 'get', '/taxonomy/facility').expect(200);
    const terms = flat(tree.body as Term[]);
    const camps = terms.filter((term) => term.code.startsWith('kwanliso-'));
    expect(camps.map((c) => c.code).sort()).toEqual(
      ['11', '12', '13', '14', '15', '16', '18', '22', '25'].map((n) => `kwanliso-${n}`).sort(),
    );
    for (const camp of camps) {
      expect(camp.coordinates).toEqual({
        latitude: expect.any(Number),
        longitude: expect.any(Number),
        precision: expect.stringMatching(/^(county|district)$/),
        basis: expect.stringContaining('Province'),
      });
      const { latitude, longitude } = camp.coordinates!;
      expect(latitude).toBeGreaterThan(DPRK.south);
      expect(latitude).toBeLessThan(DPRK.north);
      expect(longitude).toBeGreaterThan(DPRK.west);
      expect(longitude).toBeLessThan(DPRK.east);
    }
    // Yodok lies east of Kaechon, and Hoeryong (far north-east) north of both.
    const at = (code: string) => camps.find((c) => c.code === code)!.coordinates!;
    expect(at('kwanliso-15').longitude).toBeGreaterThan(at('kwanliso-14').longitude);
    expect(at('kwanliso-22').latitude).toBeGreaterThan(at('kwanliso-15').latitude + 2);
    // Facility types and other vocabularies have no point.
    const violations = flat((await requestAs(t, user, 'get', '/taxonomy/coi-violation').expect(200)).body as Term[]);
    expect(violations.every((v) => v.coordinates === null)).toBe(true);
  });

  it('serves the coordinates with the single term and in lookups (Yodok, 요덕, Camp 15)', async () => {
    const found = await requestAs(
      t,
      user,
      'get',
      `/taxonomy/lookup?q=${encodeURIComponent('요덕')}&scheme=facility`,
    ).expect(200);
    const yodok = (found.body.matches as Array<{ term: Term }>)
      .map((m) => m.term)
      .find((x) => x.code === 'kwanliso-15');
    expect(yodok?.coordinates).toMatchObject({ latitude: 39.73, longitude: 126.88, precision: 'county' });
    const one = await requestAs(t, user, 'get', `/taxonomy/terms/${yodok!.id}`).expect(200);
    expect(one.body.coordinates).toEqual(yodok!.coordinates);
    expect(one.body.attributes.location).toBe('Yodok County, South Hamgyong Province');
  });

  it('serves a local facility’s coordinates when its attributes give a valid point, and null otherwise', async () => {
    const coordinator = await createAndLogin(t, Role.Coordinator);
    const create = (code: string, coordinates: unknown) =>
      requestAs(t, coordinator, 'post', '/taxonomy/facility/terms', {
        code,
        labelEn: `Detention centre ${code}`,
        attributes: { coordinates },
      }).expect(201);
    const placed = await create('test-dc-1', {
      latitude: 40.1,
      longitude: 124.4,
      precision: 'county',
      basis: 'Sinuiju',
    });
    expect(placed.body.coordinates).toEqual({
      latitude: 40.1,
      longitude: 124.4,
      precision: 'county',
      basis: 'Sinuiju',
    });
    for (const [code, wrong] of [
      ['test-dc-2', { latitude: 140, longitude: 124.4, precision: 'county' }],
      ['test-dc-3', { latitude: '40.1', longitude: 124.4, precision: 'county' }],
      ['test-dc-4', { latitude: 40.1, longitude: 124.4, precision: 'somewhere' }],
    ] as const) {
      expect((await create(code, wrong)).body.coordinates).toBeNull();
    }
  });
});
