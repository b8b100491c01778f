import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { loginAllRoles, requestAs, type LoggedInUser, type RoleLogins } from '../support/auth-fixtures.js';
import { createListedCase, createTwoCases } from '../support/case-fixtures.js';
import { addSource, createIncident } from '../support/incident-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createTestimony, createWitness, tagPassage, termIds } from '../support/testimony-fixtures.js';
import { readAuditLog } from '../support/audit-log.js';

const TORTURE = '보위원들에게 고문을 당했습니다';
const LABOUR = '매일 강제노동을 했습니다';
const FAMILY = '김순자';
const NARRATIVE = `1997년 무렵 요덕 수용소에서 ${TORTURE}.\n${LABOUR}.\n어머니 ${FAMILY}는 아직 함경북도에 계십니다.`;
const REVISED = `제 이야기를 하겠습니다. 1997년 무렵 요덕 수용소에서 ${TORTURE}.\n어머니 ${FAMILY}는 아직 함경북도에 계십니다.`;
const at = (text: string, quote: string) => ({
  start: text.indexOf(quote),
  end: text.indexOf(quote) + quote.length,
  quote,
});

interface IncidentBody {
  id: string;
  version: number;
  sources: Array<{ id: string; testimonyId: string; annotationId: string | null }>;
  links: Array<{ id: string; relation: string; direction: string; otherIncidentId: string }>;
}

describe('incidents', () => {
  let t: TestApp;
  let as: RoleLogins;
  let otherLead: LoggedInUser;
  let caseA: string;
  let caseB: string;
  let foreignTestimony: { id: string };
  let foreignWitness: string;
  let foreignIncident: string;
  const terms: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    ({ caseA, caseB, otherLead } = await createTwoCases(t, as));
    Object.assign(
      terms,
      await termIds(t, [
        ['E', 'coi-violation', 'E'],
        ['torture', 'coi-violation', 'E.2'],
        ['labour', 'coi-violation', 'E.5'],
        ['food', 'coi-violation', 'D.1'],
        ['art7torture', 'rome-art7', '7.1.f'],
        ['yodok', 'facility', 'kwanliso-15'],
        ['kaechon', 'facility', 'kwanliso-14'],
        ['mss', 'agency', 'mss-state-security'],
        ['social', 'agency', 'social-security'],
        ['eyewitness', 'source-connection', 'eyewitness'],
        ['victim', 'source-connection', 'victim'],
        ['reliable', 'reliability', 'reliable'],
      ]),
    );
    foreignWitness = await createWitness(t, otherLead, caseB);
    foreignTestimony = await createTestimony(t, otherLead, foreignWitness, NARRATIVE);
    const foreign = await requestAs(t, otherLead, 'post', '/incidents', { caseId: caseB, title: 'Case B incident' });
    foreignIncident = foreign.body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const findIds = async (query: string, user = as.analyst) => {
    const res = await requestAs(t, user, 'get', `/incidents?${query}`);
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ id: string }>).map((i) => i.id).sort();
  };

  // Each test builds the records it needs with these, so that any one of them runs alone.
  /** The witness's Korean testimony (NARRATIVE) and two shorter ones of other witnesses, in `caseId`. */
  async function testimonies(caseId: string) {
    const witness = await createWitness(t, as.investigator, caseId);
    const main = await createTestimony(t, as.investigator, witness, NARRATIVE);
    const corroborating = [
      await createTestimony(t, as.investigator, await createWitness(t, as.investigator, caseId), '요덕에서 봤습니다.'),
      await createTestimony(t, as.investigator, await createWitness(t, as.investigator, caseId), '15호 관리소.'),
    ];
    return { witness, main, corroborating };
  }
  /** The three tags of the first test on `main`: torture at Yodok, forced labour, a family name (sensitive). */
  const tagBodies = () => ({
    torture: {
      ...at(NARRATIVE, TORTURE),
      violationTermIds: [terms.torture],
      facilityTermId: terms.yodok,
      dateFrom: '1997-01-01',
      dateTo: '1997-12-31',
      datePrecision: 'circa',
    },
    labour: { ...at(NARRATIVE, LABOUR), violationTermIds: [terms.labour] },
    family: { ...at(NARRATIVE, FAMILY), kind: 'sensitive', sensitiveCategory: 'family_name' },
  });
  async function tagsOf(main: { id: string }) {
    const bodies = tagBodies();
    const tag = (body: object) => tagPassage(t, as.investigator, main.id, body);
    return { torture: await tag(bodies.torture), labour: await tag(bodies.labour), family: await tag(bodies.family) };
  }
  /** The Yodok incident's body, as the second test records it. */
  const yodokBody = (caseId: string, witness: string) => ({
    caseId,
    title: 'Torture and forced labour at Yodok, 1997',
    description: 'Interrogation beatings by guards; daily forced labour.',
    violationTermIds: [terms.torture, terms.labour],
    actTermIds: [terms.art7torture],
    facilityTermId: terms.yodok,
    dateFrom: '1997-01-01',
    dateTo: '1997-12-31',
    datePrecision: 'circa',
    agencyTermIds: [terms.mss],
    perpetratorNames: ['Guard Pak'],
    victimWitnessIds: [witness],
    victims: ['a cellmate from Hamhung'],
  });
  /**
   * The state after the second test: the tagged testimonies and the Yodok incident with four
   * sources (the torture and labour tags of the main testimony, then the two corroborating ones).
   */
  async function yodok(caseId: string) {
    const made = await testimonies(caseId);
    const tags = await tagsOf(made.main);
    const { id } = await createIncident(t, as.investigator, caseId, yodokBody(caseId, made.witness));
    for (const tag of [tags.torture, tags.labour])
      await addSource(t, as.investigator, id, {
        testimonyId: made.main.id,
        annotationId: tag.id,
        sourceConnectionTermId: terms.victim,
        reliabilityTermId: terms.reliable,
      });
    let incident: IncidentBody | undefined;
    for (const other of made.corroborating)
      incident = await addSource<IncidentBody>(t, as.investigator, id, {
        testimonyId: other.id,
        sourceConnectionTermId: terms.eyewitness,
      });
    return { ...made, tags, incident: incident! };
  }
  /** The Kaechon incident of the search test (another camp, another agency, 2005). */
  const kaechon = (caseId: string) =>
    createIncident<IncidentBody>(t, as.investigator, caseId, {
      title: 'Starvation rations at Kaechon, 2005',
      violationTermIds: [terms.food],
      facilityTermId: terms.kaechon,
      dateFrom: '2005-03-01',
      dateTo: '2005-03-31',
      datePrecision: 'month',
      agencyTermIds: [terms.social],
    });

  it('tags three passages of a Korean testimony', async () => {
    const { main } = await testimonies(caseA);
    const post = (body: object) => requestAs(t, as.investigator, 'post', `/testimonies/${main.id}/tags`, body);
    const bodies = tagBodies();
    const torture = await post(bodies.torture);
    const labour = await post(bodies.labour);
    const family = await post(bodies.family);
    expect([torture.status, labour.status, family.status]).toEqual([201, 201, 201]);
  });

  it('records an incident at Yodok, circa 1997, and links the tags and two more testimonies as sources', async () => {
    const { witness, main, corroborating } = await testimonies(caseA);
    const tags = await tagsOf(main);
    const res = await requestAs(t, as.investigator, 'post', '/incidents', yodokBody(caseA, witness));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      reference: expect.stringMatching(/^I-\d{6}$/),
      status: 'draft',
      datePrecision: 'circa',
      victimWitnesses: [{ id: witness, pseudonym: expect.stringMatching(/^W-\d{6}$/) }],
      sources: [],
      links: [],
      version: 1,
    });
    const incident: IncidentBody = res.body;
    const add = (body: object) => requestAs(t, as.investigator, 'post', `/incidents/${incident.id}/sources`, body);
    for (const tag of [tags.torture, tags.labour]) {
      const linked = await add({
        testimonyId: main.id,
        annotationId: tag.id,
        sourceConnectionTermId: terms.victim,
        reliabilityTermId: terms.reliable,
      });
      expect(linked.status).toBe(201);
    }
    for (const other of corroborating) {
      const linked = await add({ testimonyId: other.id, sourceConnectionTermId: terms.eyewitness });
      expect(linked.status).toBe(201);
    }
    const again = await add({ testimonyId: corroborating[0].id });
    expect(again.status).toBe(409);
    const got = await requestAs(t, as.analyst, 'get', `/incidents/${incident.id}`);
    expect(got.status).toBe(200);
    expect(got.body.sources.map((s: { testimonyId: string }) => s.testimonyId)).toEqual([
      main.id,
      main.id,
      corroborating[0].id,
      corroborating[1].id,
    ]);
    const listed = await requestAs(t, as.analyst, 'get', `/incidents/${incident.id}/sources`);
    expect(listed.body).toHaveLength(4);
  });

  it('keeps the sources when the testimony is revised: tags re-anchored, the removed quote flagged', async () => {
    const { main, tags, incident } = await yodok(caseA);
    const revised = await requestAs(t, as.investigator, 'patch', `/testimonies/${main.id}`, {
      version: main.version,
      narrative: REVISED,
    });
    expect(revised.status).toBe(200);
    const listed = await requestAs(t, as.analyst, 'get', `/testimonies/${main.id}/tags`);
    const byId = new Map(
      (listed.body as Array<{ id: string; status: string; range: object }>).map((tag) => [tag.id, tag]),
    );
    expect(byId.get(tags.torture.id)).toMatchObject({ status: 'anchored', range: at(REVISED, TORTURE) });
    expect(byId.get(tags.family.id)).toMatchObject({ status: 'anchored', range: at(REVISED, FAMILY) });
    expect(byId.get(tags.labour.id)).toMatchObject({ status: 'needs_review', range: at(NARRATIVE, LABOUR) });
    const got = await requestAs(t, as.analyst, 'get', `/incidents/${incident.id}`);
    expect(got.body.sources.map((s: { annotationId: string | null }) => s.annotationId)).toEqual([
      tags.torture.id,
      tags.labour.id,
      null,
      null,
    ]);
  });

  it('finds the incident by "Yodeok", "요덕" and "Camp 15", and not by another camp', async () => {
    const { caseId, analyst } = await createListedCase(t, as);
    const { incident } = await yodok(caseId);
    const camp = await kaechon(caseId);
    for (const name of ['Yodeok', '요덕', 'Camp 15', 'yodŏk', 'Kwanliso 15'])
      expect({ name, ids: await findIds(`facility=${encodeURIComponent(name)}`, analyst) }).toEqual({
        name,
        ids: [incident.id],
      });
    expect(await findIds(`facility=${encodeURIComponent('Camp 14')}`, analyst)).toEqual([camp.id]);
    expect(await findIds(`facility=nowhere`, analyst)).toEqual([]);
  });

  it('filters by a parent term (children included), agency, perpetrator, date overlap and case', async () => {
    const { caseId, analyst } = await createListedCase(t, as);
    const incident = await createIncident(
      t,
      as.investigator,
      caseId,
      yodokBody(caseId, await createWitness(t, as.investigator, caseId)),
    );
    const camp = await kaechon(caseId);
    // Another case of the same analyst with a matching incident, which the case filter leaves out.
    await createIncident(t, as.investigator, caseA, yodokBody(caseA, await createWitness(t, as.investigator, caseA)));
    expect(await findIds(`term=${terms.E}`, analyst)).toEqual([incident.id]);
    expect(await findIds(`term=${terms.labour}`, analyst)).toEqual([incident.id]);
    expect(await findIds(`agency=${terms.social}`, analyst)).toEqual([camp.id]);
    expect(await findIds(`perpetrator=pak`, analyst)).toEqual([incident.id]);
    expect(await findIds(`dateFrom=1996-01-01&dateTo=1997-02-01`, analyst)).toEqual([incident.id]);
    expect(await findIds(`dateFrom=1997-12-31`, analyst)).toEqual([camp.id, incident.id].sort());
    expect(await findIds(`dateFrom=1998-01-01`, analyst)).toEqual([camp.id]);
    expect(await findIds(`dateTo=1996-12-31`, analyst)).toEqual([]);
    expect(await findIds(`caseId=${caseId}&term=${terms.E}&facility=Yodeok`)).toEqual([incident.id]);
    expect((await requestAs(t, as.analyst, 'get', `/incidents?caseId=${caseB}`)).status).toBe(404);
  });

  it('links incidents (part_of, follows, same_event) within a case and removes a link without deleting it', async () => {
    const incident = await createIncident(t, as.investigator, caseA);
    const camp = await kaechon(caseA);
    const linked = await requestAs(t, as.investigator, 'post', `/incidents/${camp.id}/links`, {
      otherIncidentId: incident.id,
      relation: 'follows',
    });
    expect(linked.status).toBe(201);
    expect(linked.body.links).toEqual([
      expect.objectContaining({ relation: 'follows', direction: 'outgoing', otherIncidentId: incident.id }),
    ]);
    const fromOther = await requestAs(t, as.analyst, 'get', `/incidents/${incident.id}`);
    expect(fromOther.body.links).toEqual([
      expect.objectContaining({ relation: 'follows', direction: 'incoming', otherIncidentId: camp.id }),
    ]);
    const self = await requestAs(t, as.investigator, 'post', `/incidents/${camp.id}/links`, {
      otherIncidentId: camp.id,
      relation: 'same_event',
    });
    expect(self.status).toBe(400);
    expect(self.body.errors[0].field).toBe('otherIncidentId');
    const removed = await requestAs(
      t,
      as.investigator,
      'post',
      `/incidents/${camp.id}/links/${linked.body.links[0].id}/remove`,
      { reason: 'linked by mistake' },
    );
    expect(removed.status).toBe(201);
    expect(removed.body.links).toEqual([]);
    const rows = await t.app
      .get(DataSource)
      .query(`SELECT removed_at FROM incident_links WHERE id = $1`, [linked.body.links[0].id]);
    expect(rows[0].removed_at).not.toBeNull();
  });

  it('changes an incident with its version (409 when stale) and keeps it readable after its term is deprecated', async () => {
    const camp = await kaechon(caseA);
    const local = await requestAs(t, as.coordinator, 'post', '/taxonomy/facility/terms', {
      code: 'local-holding-centre',
      labelEn: 'Holding centre identified in case A',
      aliases: ['Sinuiju holding centre'],
    });
    expect(local.status).toBe(201);
    const changed = await requestAs(t, as.investigator, 'patch', `/incidents/${camp.id}`, {
      version: camp.version,
      facilityTermId: local.body.id,
      status: 'under_review',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ facilityTermId: local.body.id, status: 'under_review', version: 2 });
    const stale = await requestAs(t, as.investigator, 'patch', `/incidents/${camp.id}`, {
      version: camp.version,
      title: 'x',
    });
    expect(stale.status).toBe(409);
    const deprecated = await requestAs(t, as.coordinator, 'post', `/taxonomy/terms/${local.body.id}/deprecate`, {
      version: local.body.version,
      reason: 'merged into another record',
    });
    expect(deprecated.status).toBe(200);
    const got = await requestAs(t, as.analyst, 'get', `/incidents/${camp.id}`);
    expect(got.status).toBe(200);
    expect(got.body.facilityTermId).toBe(local.body.id);
    expect(await findIds(`term=${local.body.id}`)).toEqual([camp.id]);
    expect(await findIds(`facility=${encodeURIComponent('Sinuiju holding centre')}`)).toEqual([camp.id]);
  });

  it('refuses bad input and references to another case, naming the field', async () => {
    const { main, corroborating } = await testimonies(caseA);
    const tags = await tagsOf(main);
    const camp = await kaechon(caseA);
    const cases: Array<[object, string]> = [
      [{ caseId: caseA }, 'title'],
      [{ caseId: caseA, title: 'x', violationTermIds: [terms.yodok] }, 'violationTermIds'],
      [{ caseId: caseA, title: 'x', actTermIds: [terms.torture] }, 'actTermIds'],
      [{ caseId: caseA, title: 'x', facilityTermId: terms.mss }, 'facilityTermId'],
      [{ caseId: caseA, title: 'x', agencyTermIds: [terms.yodok] }, 'agencyTermIds'],
      [{ caseId: caseA, title: 'x', dateFrom: '1998-01-01', dateTo: '1997-01-01' }, 'dateTo'],
      [{ caseId: caseA, title: 'x', datePrecision: 'someday' }, 'datePrecision'],
      [{ caseId: caseA, title: 'x', status: 'closed' }, 'status'],
      [{ caseId: caseA, title: 'x', victimWitnessIds: [foreignWitness] }, 'victimWitnessIds'],
      [{ caseId: caseA, title: null }, 'title'],
      [{ caseId: caseA, title: 'x', description: null, victims: null }, 'victims'],
    ];
    for (const [body, field] of cases) {
      const res = await requestAs(t, as.investigator, 'post', '/incidents', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const sources: Array<[object, string]> = [
      [{ testimonyId: foreignTestimony.id }, 'testimonyId'],
      [{ testimonyId: '00000000-0000-4000-8000-000000000000' }, 'testimonyId'],
      [{ testimonyId: corroborating[0].id, annotationId: tags.torture.id }, 'annotationId'],
      [{ testimonyId: main.id, annotationId: tags.family.id }, 'annotationId'],
      [{ testimonyId: main.id, reliabilityTermId: terms.victim }, 'reliabilityTermId'],
      [{ testimonyId: main.id, sourceConnectionTermId: terms.reliable }, 'sourceConnectionTermId'],
    ];
    for (const [body, field] of sources) {
      const res = await requestAs(t, as.investigator, 'post', `/incidents/${camp.id}/sources`, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const nullTitle = await requestAs(t, as.investigator, 'patch', `/incidents/${camp.id}`, {
      version: camp.version,
      title: null,
    });
    expect(nullTitle.status).toBe(400);
    expect(nullTitle.body.errors[0].field).toBe('title');
    const link = await requestAs(t, as.investigator, 'post', `/incidents/${camp.id}/links`, {
      otherIncidentId: foreignIncident,
      relation: 'same_event',
    });
    expect(link.status).toBe(400);
    expect(link.body.errors[0].field).toBe('otherIncidentId');
    const badFilter = await requestAs(t, as.analyst, 'get', '/incidents?dateFrom=soon&facility=-');
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['dateFrom', 'facility']),
    );
  });

  it('answers 404 for every route with an id of another case', async () => {
    const { incident } = await yodok(caseA);
    const camp = await kaechon(caseA);
    const someSource = incident.sources[0].id;
    const routes: Array<['get' | 'post' | 'patch', string, object | undefined]> = [
      ['post', '/incidents', { caseId: caseB, title: 'x' }],
      ['get', `/incidents/${foreignIncident}`, undefined],
      ['patch', `/incidents/${foreignIncident}`, { version: 1, title: 'x' }],
      ['post', `/incidents/${foreignIncident}/withdraw`, { reason: 'because' }],
      ['get', `/incidents/${foreignIncident}/sources`, undefined],
      ['post', `/incidents/${foreignIncident}/sources`, { testimonyId: foreignTestimony.id }],
      ['post', `/incidents/${foreignIncident}/sources/${someSource}/remove`, { reason: 'because' }],
      ['patch', `/incidents/${foreignIncident}/sources/${someSource}`, { note: 'x' }],
      ['patch', `/incidents/${camp.id}/sources/${someSource}`, { note: 'x' }],
      ['post', `/incidents/${foreignIncident}/links`, { otherIncidentId: incident.id, relation: 'follows' }],
      ['post', `/incidents/${foreignIncident}/links/${someSource}/remove`, { reason: 'because' }],
      ['post', `/incidents/${camp.id}/sources/${someSource}/remove`, { reason: 'because' }],
      ['post', `/incidents/${camp.id}/links/${someSource}/remove`, { reason: 'because' }],
    ];
    for (const [method, path, body] of routes) {
      const res = await requestAs(t, as.investigator, method, path, body);
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
    }
  });

  it('answers 401 without a token and 403 without the permission', async () => {
    const incident = await createIncident(t, as.investigator, caseA);
    expect((await requestAs(t, undefined, 'get', '/incidents')).status).toBe(401);
    expect((await requestAs(t, undefined, 'get', `/incidents/${incident.id}`)).status).toBe(401);
    expect((await requestAs(t, as.analyst, 'post', '/incidents', { caseId: caseA, title: 'x' })).status).toBe(403);
    expect((await requestAs(t, as.analyst, 'patch', `/incidents/${incident.id}`, { version: 1 })).status).toBe(403);
    expect((await requestAs(t, as.auditor, 'get', '/incidents')).status).toBe(403);
    expect((await requestAs(t, as.auditor, 'get', `/incidents/${incident.id}`)).status).toBe(403);
  });

  it('re-assesses a source (connection, reliability, note), refusing a term of the wrong scheme', async () => {
    const { incident } = await yodok(caseA);
    const path = `/incidents/${incident.id}/sources/${incident.sources[0].id}`;
    const wrong = await requestAs(t, as.investigator, 'patch', path, { reliabilityTermId: terms.victim });
    expect([wrong.status, wrong.body.errors?.[0]?.field]).toEqual([400, 'reliabilityTermId']);
    const res = await requestAs(t, as.investigator, 'patch', path, {
      sourceConnectionTermId: terms.victim,
      note: 'second interview: she was held there herself',
    });
    expect(res.status).toBe(200);
    const updated = res.body.sources.find((s: { id: string }) => s.id === incident.sources[0].id);
    expect(updated).toMatchObject({
      sourceConnectionTermId: terms.victim,
      note: 'second interview: she was held there herself',
    });
    expect((await requestAs(t, as.analyst, 'patch', path, { note: 'x' })).status).toBe(403);
  });

  it('removes a source and withdraws an incident without deleting them, auditing each write', async () => {
    const { caseId, analyst } = await createListedCase(t, as);
    const { incident } = await yodok(caseId);
    const camp = await kaechon(caseId);
    // The other kinds of write on incidents, so that the audit below holds one of each.
    const write = async (method: 'post' | 'patch', path: string, body: object) =>
      expect((await requestAs(t, as.investigator, method, path, body)).status).toBe(method === 'post' ? 201 : 200);
    await write('patch', `/incidents/${camp.id}`, { version: camp.version, status: 'under_review' });
    await write('patch', `/incidents/${incident.id}/sources/${incident.sources[0].id}`, { note: 'checked again' });
    const linked = await requestAs(t, as.investigator, 'post', `/incidents/${camp.id}/links`, {
      otherIncidentId: incident.id,
      relation: 'follows',
    });
    expect(linked.status).toBe(201);
    await write('post', `/incidents/${camp.id}/links/${linked.body.links[0].id}/remove`, { reason: 'by mistake' });
    const removed = await requestAs(
      t,
      as.investigator,
      'post',
      `/incidents/${incident.id}/sources/${incident.sources[3].id}/remove`,
      { reason: 'the witness describes another camp' },
    );
    expect(removed.status).toBe(201);
    expect(removed.body.sources).toHaveLength(3);
    const withdrawn = await requestAs(t, as.investigator, 'post', `/incidents/${camp.id}/withdraw`, {
      reason: 'duplicate record',
    });
    expect(withdrawn.status).toBe(201);
    expect(withdrawn.body.withdrawn.reason).toBe('duplicate record');
    expect(await findIds('', analyst)).toEqual([incident.id]);
    expect(await findIds('includeWithdrawn=true', analyst)).toEqual([camp.id, incident.id].sort());
    const rows: Array<{ action: string; details: unknown }> = await readAuditLog(
      t.app.get(DataSource),
      `SELECT action, details FROM audit_events WHERE subject_type = 'incident' AND case_id = $1 ORDER BY seq`,
      [caseId],
    );
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set([
        'incident.create',
        'incident.update',
        'incident.withdraw',
        'incident.source.add',
        'incident.source.remove',
        'incident.source.update',
        'incident.link.add',
        'incident.link.remove',
      ]),
    );
    const text = JSON.stringify(rows);
    for (const secret of ['Guard Pak', 'a cellmate from Hamhung']) expect(text).not.toContain(secret);
  });
});
