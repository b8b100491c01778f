import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loginAllRoles, requestAs, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createTestimony, createWitness, termIds } from '../support/testimony-fixtures.js';

interface Assessment {
  reference: string;
  independentSources: number;
  direct: number;
  indirect: number;
  agreeingDirect: number;
  dates: Record<string, number>;
  places: Record<string, number>;
  byConnection: Record<string, number>;
  reliability: Record<string, number>;
  level: string;
}

/**
 * Five testimonies of four witnesses (W1 gave two) as sources of four incidents:
 *   I1 Yodok, circa 1997: W1 victim (twice), W2 eyewitness (1998, inside circa), W3 hearsay -> corroborated
 *   I2 Yodok, 2005: W2 eyewitness but tagged at Kaechon (place conflict), W4 victim -> partly corroborated
 *   I3: W3 hearsay only -> single source;  I4: no source
 */
describe('corroboration matrix', () => {
  let t: TestApp;
  let as: RoleLogins;
  let caseA: string;
  let caseB: string;
  const terms: Record<string, string> = {};
  const incidents: Record<string, string> = {};
  const testimonies: Record<string, { id: string }> = {};

  const tag = async (testimony: string, body: object) => {
    const res = await requestAs(t, as.investigator, 'post', `/testimonies/${testimony}/tags`, body);
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const source = async (incident: string, body: object) => {
    const res = await requestAs(t, as.investigator, 'post', `/incidents/${incident}/sources`, body);
    expect(res.status).toBe(201);
  };
  const incident = async (body: object) => {
    const res = await requestAs(t, as.investigator, 'post', '/incidents', { caseId: caseA, ...body });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    ({ caseA, caseB } = await createTwoCases(t, as));
    Object.assign(
      terms,
      await termIds(t, [
        ['torture', 'coi-violation', 'E.2'],
        ['yodok', 'facility', 'kwanliso-15'],
        ['kaechon', 'facility', 'kwanliso-14'],
        ['victim', 'source-connection', 'victim'],
        ['eyewitness', 'source-connection', 'eyewitness'],
        ['hearsay', 'source-connection', 'hearsay'],
        ['reliable', 'reliability', 'reliable'],
        ['fairly', 'reliability', 'fairly-reliable'],
      ]),
    );
    const w1 = await createWitness(t, as.investigator, caseA);
    const w2 = await createWitness(t, as.investigator, caseA);
    const w3 = await createWitness(t, as.investigator, caseA);
    const w4 = await createWitness(t, as.investigator, caseA);
    testimonies.t1a = await createTestimony(t, as.investigator, w1, '요덕에서 맞았습니다.');
    testimonies.t1b = await createTestimony(t, as.investigator, w1, '다시 말씀드리면 요덕에서 맞았습니다.');
    testimonies.t2 = await createTestimony(t, as.investigator, w2, '요덕에서 봤습니다.');
    testimonies.t3 = await createTestimony(t, as.investigator, w3, '들었습니다.');
    testimonies.t4 = await createTestimony(t, as.investigator, w4, '2005년 요덕에서 맞았습니다.');

    incidents.i1 = await incident({
      title: 'Beatings at Yodok',
      violationTermIds: [terms.torture],
      facilityTermId: terms.yodok,
      dateFrom: '1997-01-01',
      dateTo: '1997-12-31',
      datePrecision: 'circa',
    });
    incidents.i2 = await incident({
      title: 'Beatings at Yodok, 2005',
      facilityTermId: terms.yodok,
      dateFrom: '2005-01-01',
      dateTo: '2005-12-31',
      datePrecision: 'year',
    });
    incidents.i3 = await incident({ title: 'Rumoured execution' });
    incidents.i4 = await incident({ title: 'Not yet sourced' });

    const at1997 = { facilityTermId: terms.yodok, dateFrom: '1997-01-01', dateTo: '1997-12-31', datePrecision: 'year' };
    const t1aTag = await tag(testimonies.t1a.id, { violationTermIds: [terms.torture], ...at1997 });
    const t2Tag = await tag(testimonies.t2.id, {
      violationTermIds: [terms.torture],
      facilityTermId: terms.yodok,
      dateFrom: '1998-03-02',
      dateTo: '1998-03-02',
      datePrecision: 'exact',
    });
    const t2Kaechon = await tag(testimonies.t2.id, {
      violationTermIds: [terms.torture],
      facilityTermId: terms.kaechon,
      dateFrom: '2005-05-01',
      dateTo: '2005-05-31',
      datePrecision: 'month',
    });
    const t4Tag = await tag(testimonies.t4.id, {
      violationTermIds: [terms.torture],
      facilityTermId: terms.yodok,
      dateFrom: '2005-01-01',
      dateTo: '2005-12-31',
      datePrecision: 'year',
      sourceConnectionTermId: terms.victim,
      reliabilityTermId: terms.fairly,
    });
    const victim = { sourceConnectionTermId: terms.victim, reliabilityTermId: terms.reliable };
    await source(incidents.i1, { testimonyId: testimonies.t1a.id, annotationId: t1aTag, ...victim });
    await source(incidents.i1, { testimonyId: testimonies.t1b.id, ...victim });
    await source(incidents.i1, {
      testimonyId: testimonies.t2.id,
      annotationId: t2Tag,
      sourceConnectionTermId: terms.eyewitness,
      reliabilityTermId: terms.reliable,
    });
    await source(incidents.i1, { testimonyId: testimonies.t3.id, sourceConnectionTermId: terms.hearsay });
    await source(incidents.i2, {
      testimonyId: testimonies.t2.id,
      annotationId: t2Kaechon,
      sourceConnectionTermId: terms.eyewitness,
    });
    // connection and reliability from the tag
    await source(incidents.i2, { testimonyId: testimonies.t4.id, annotationId: t4Tag });
    await source(incidents.i3, { testimonyId: testimonies.t3.id, sourceConnectionTermId: terms.hearsay });
  });
  afterAll(async () => {
    await t.close();
  });

  const matrix = async (query = '', user = as.analyst) => {
    const res = await requestAs(t, user, 'get', `/cases/${caseA}/corroboration${query}`);
    expect(res.status).toBe(200);
    return res.body as {
      rule: object;
      summary: Record<string, number>;
      singleSource: Array<{ incidentId: string }>;
      incidents: Array<Assessment & { incidentId: string }>;
    };
  };
  const byId = (list: Array<Assessment & { incidentId: string }>) =>
    Object.fromEntries(list.map((i) => [i.incidentId, i]));

  it('counts independent, direct and indirect sources, reliability and agreement, and gives each incident its level', async () => {
    const body = await matrix();
    expect(body.rule).toEqual({ minDirect: 2, directConnections: ['victim', 'eyewitness'], strict: false });
    const all = byId(body.incidents);
    expect(all[incidents.i1]).toMatchObject({
      independentSources: 3,
      direct: 2,
      indirect: 1,
      agreeingDirect: 2,
      byConnection: { victim: 1, eyewitness: 1, hearsay: 1 },
      reliability: { reliable: 2, unstated: 1 },
      dates: { agree: 2, conflict: 0, unstated: 1 },
      places: { agree: 2, conflict: 0, unstated: 1 },
      level: 'corroborated',
    });
    expect(all[incidents.i2]).toMatchObject({
      independentSources: 2,
      direct: 2,
      indirect: 0,
      agreeingDirect: 1,
      reliability: { 'fairly-reliable': 1, unstated: 1 },
      dates: { agree: 2, conflict: 0, unstated: 0 },
      places: { agree: 1, conflict: 1, unstated: 0 },
      level: 'partly_corroborated',
    });
    expect(all[incidents.i3]).toMatchObject({ independentSources: 1, direct: 0, indirect: 1, level: 'single_source' });
    expect(all[incidents.i4]).toMatchObject({ independentSources: 0, level: 'no_source' });
    expect(body.summary).toEqual({ corroborated: 1, partly_corroborated: 1, single_source: 1, no_source: 1 });
    expect(body.singleSource.map((i) => i.incidentId)).toEqual([incidents.i3]);
  });

  it('applies the rule given in the query', async () => {
    const one = byId((await matrix('?minDirect=1')).incidents);
    expect(one[incidents.i2].level).toBe('corroborated');
    // Only victims are direct: I1 keeps one direct witness (W1) of three
    const victims = byId((await matrix('?direct=victim')).incidents);
    expect(victims[incidents.i1]).toMatchObject({ direct: 1, indirect: 2, level: 'partly_corroborated' });
    // strict: W1's untagged second testimony does not spoil its tagged first; I1 stays corroborated
    const strict = byId((await matrix('?strict=true')).incidents);
    expect(strict[incidents.i1].level).toBe('corroborated');
    const listed = await matrix('?level=single_source');
    expect(listed.incidents.map((i) => i.incidentId)).toEqual([incidents.i3]);
  });

  it('drops withdrawn testimonies from the count', async () => {
    const res = await requestAs(t, as.investigator, 'post', `/testimonies/${testimonies.t4.id}/withdraw`, {
      reason: 'consent withdrawn',
    });
    expect(res.status).toBe(201);
    const all = byId((await matrix()).incidents);
    expect(all[incidents.i2]).toMatchObject({ independentSources: 1, level: 'single_source' });
  });

  it('answers 404 to a non-member and for another case, 400 for a bad rule', async () => {
    expect((await requestAs(t, as.admin, 'get', `/cases/${caseA}/corroboration`)).status).toBe(404);
    expect((await requestAs(t, as.analyst, 'get', `/cases/${caseB}/corroboration`)).status).toBe(404);
    expect((await requestAs(t, as.auditor, 'get', `/cases/${caseA}/corroboration`)).status).toBe(403);
    for (const [query, field] of [
      ['minDirect=0', 'minDirect'],
      ['level=proven', 'level'],
      ['direct=Victim!', 'direct'],
      ['strict=perhaps', 'strict'],
    ]) {
      const res = await requestAs(t, as.analyst, 'get', `/cases/${caseA}/corroboration?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});
