import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { loginAllRoles, requestAs, type LoggedInUser, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createTestimony, createWitness, termIds } from '../support/testimony-fixtures.js';

const TORTURE = '보위원들에게 고문을 당했습니다';
const FAMILY = '김순자';
const KOREAN = `1997년 무렵 요덕수용소에서 ${TORTURE}. 어머니 ${FAMILY}는 아직 함경북도에 계십니다.`;
const ENGLISH = 'The guards tortured the prisoners who had tried to escape from Camp 15.';
const JAPANESE = '私は北朝鮮の工作員に拉致されました。';
const at = (text: string, quote: string) => ({
  start: text.indexOf(quote),
  end: text.indexOf(quote) + quote.length,
  quote,
});

interface Hit {
  id: string;
  kind: string;
  snippet: { field: string; text: string; highlights: Array<{ start: number; end: number }> } | null;
}

describe('search', () => {
  let t: TestApp;
  let as: RoleLogins;
  let otherLead: LoggedInUser;
  let caseA: string;
  let caseB: string;
  let korean: { id: string };
  let english: { id: string };
  let japanese: { id: string };
  let withdrawn: { id: string };
  let foreign: { id: string };
  let incident: string;
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
        ['D', 'coi-violation', 'D'],
        ['yodok', 'facility', 'kwanliso-15'],
        ['victim', 'source-connection', 'victim'],
      ]),
    );
    const witness = await createWitness(t, as.investigator, caseA);
    korean = await createTestimony(t, as.investigator, witness, KOREAN);
    const tagged = await requestAs(t, as.investigator, 'post', `/testimonies/${korean.id}/tags`, {
      ...at(KOREAN, TORTURE),
      violationTermIds: [terms.torture],
      facilityTermId: terms.yodok,
      sourceConnectionTermId: terms.victim,
      dateFrom: '1997-01-01',
      dateTo: '1997-12-31',
      datePrecision: 'circa',
    });
    const family = await requestAs(t, as.investigator, 'post', `/testimonies/${korean.id}/tags`, {
      ...at(KOREAN, FAMILY),
      kind: 'sensitive',
      sensitiveCategory: 'family_name',
    });
    expect([tagged.status, family.status]).toEqual([201, 201]);
    english = await createTestimony(t, as.investigator, await createWitness(t, as.investigator, caseA), {
      narrative: '탈출',
      translations: [{ language: 'en', text: ENGLISH }],
    });
    japanese = await createTestimony(t, as.investigator, await createWitness(t, as.investigator, caseA), JAPANESE);
    withdrawn = await createTestimony(t, as.investigator, await createWitness(t, as.investigator, caseA), KOREAN);
    const w = await requestAs(t, as.investigator, 'post', `/testimonies/${withdrawn.id}/withdraw`, {
      reason: 'the witness withdrew consent',
    });
    expect(w.status).toBe(201);
    foreign = await createTestimony(t, otherLead, await createWitness(t, otherLead, caseB), KOREAN);
    const created = await requestAs(t, as.investigator, 'post', '/incidents', {
      caseId: caseA,
      title: 'Interrogation beatings',
      description: '보위부 구류장에서 구타가 있었다',
    });
    incident = created.body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const search = async (query: string, user = as.analyst) => {
    const res = await requestAs(t, user, 'get', `/search?${query}`);
    expect({ status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ status: 200, body: 'ok' });
    return res.body as {
      items: Hit[];
      total: { value: number; relation: string };
      order: string;
      facets: Record<string, Array<{ value: string; count: number }>>;
    };
  };
  const ids = async (query: string, user = as.analyst) => (await search(query, user)).items.map((i) => i.id).sort();
  const q = (text: string) => `q=${encodeURIComponent(text)}`;

  it('finds a Korean testimony by a Korean word inside a longer word, and highlights it', async () => {
    // 수용소 inside 요덕수용소에서; 고문 inside 고문을
    expect(await ids(q('수용소'))).toEqual([korean.id]);
    const result = await search(q('고문'));
    expect(result.items.map((i) => i.id)).toEqual([korean.id]);
    expect(result).toMatchObject({ total: { value: 1, relation: 'eq' }, order: 'relevance' });
    expect((await search('kind=testimony')).order).toBe('newest');
    const snippet = result.items[0].snippet!;
    expect(snippet.field).toBe('narrative');
    const [mark] = snippet.highlights;
    expect(snippet.text.slice(mark.start, mark.end)).toBe('고문');
  });

  it('masks the quotes of sensitive spans (a family name) in snippets', async () => {
    const result = await search(q('어머니'));
    expect(result.items.map((i) => i.id)).toEqual([korean.id]);
    expect(result.items[0].snippet!.text).not.toContain(FAMILY);
    expect(result.items[0].snippet!.text).toContain('▒▒▒');
  });

  it('finds an English translation by a stem of the word (tortured ~ torture, torturing)', async () => {
    expect(await ids(q('torture'))).toEqual([english.id]);
    expect(await ids(q('torturing prisoners'))).toEqual([english.id]);
    const hit = (await search(q('torture'))).items[0];
    expect(hit.snippet!.field).toBe('translation:en');
    const [mark] = hit.snippet!.highlights;
    expect(hit.snippet!.text.slice(mark.start, mark.end).toLowerCase()).toBe('tortured');
  });

  it('matches quoted phrases in order only', async () => {
    expect(await ids(q('"tried to escape"'))).toEqual([english.id]);
    expect(await ids(q('"escape tried"'))).toEqual([]);
  });

  it('finds Japanese text by a word inside a sentence', async () => {
    expect(await ids(q('拉致'))).toEqual([japanese.id]);
  });

  it('finds every spelling of a facility: Yodeok finds 요덕 and Camp 15', async () => {
    expect(await ids(q('Yodeok'))).toEqual([korean.id, english.id].sort());
    expect(await ids(q('요덕'))).toEqual([korean.id, english.id].sort());
  });

  it('matches a facility name of several words unquoted, as a phrase of any spelling', async () => {
    for (const text of ['Camp 15', 'camp 15', 'Kwanliso No. 15', '"Camp 15"', 'Camp 15 guards'])
      expect({ text, ids: await ids(q(text)) }).toEqual({
        text,
        ids: text.endsWith('guards') ? [english.id] : [korean.id, english.id].sort(),
      });
  });

  it('searches incident descriptions too, and narrows to a kind', async () => {
    expect(await ids(q('구타'))).toEqual([incident]);
    expect(await ids(`${q('beatings')}&kind=incident`)).toEqual([incident]);
    expect(await ids(`${q('beatings')}&kind=testimony`)).toEqual([]);
  });

  it('filters by a parent violation term (its descendants match), by a facility alias, by dates overlapping a circa range', async () => {
    expect(await ids(`violation=${terms.E}`)).toEqual([korean.id]);
    expect(await ids(`violation=${terms.D}`)).toEqual([]);
    expect(await ids(`${q('고문')}&violation=${terms.E}&facility=Yodeok`)).toEqual([korean.id]);
    expect(await ids(`facility=${encodeURIComponent('Camp 15')}&witnessSex=female`)).toEqual([korean.id]);
    // circa 1997 reaches 1996 and 1998, not 1990
    expect(await ids(`dateFrom=1998-06-01&dateTo=1998-06-30`)).toEqual([korean.id]);
    expect(await ids(`dateFrom=1990-01-01&dateTo=1990-12-31`)).toEqual([]);
    expect(await ids(`sourceConnection=${terms.victim}&language=ko&forum=confidential_interview`)).toEqual([korean.id]);
  });

  it('counts facets of the matches', async () => {
    const { facets, total } = await search(`${q('요덕')}`);
    expect(total).toEqual({ value: 2, relation: 'eq' });
    expect(facets.kind).toEqual([{ value: 'testimony', count: 2 }]);
    expect(facets.violation).toEqual([expect.objectContaining({ value: terms.torture, count: 1, code: 'E.2' })]);
    expect(facets.facility).toEqual([expect.objectContaining({ value: terms.yodok, count: 1 })]);
    expect(facets.witnessSex).toEqual([{ value: 'female', count: 2 }]);
    expect(facets.case).toEqual([{ value: caseA, count: 2 }]);
    // Every facet in its place (scalars are grouping sets of one aggregate, terms one unnest).
    expect(facets.language).toEqual([{ value: 'ko', count: 2 }]);
    expect(facets.forum).toEqual([{ value: 'confidential_interview', count: 2 }]);
    expect(facets.status).toEqual([{ value: 'draft', count: 2 }]);
    expect(facets.sourceConnection).toEqual([
      expect.objectContaining({ value: terms.victim, count: 1, code: 'victim' }),
    ]);
    expect([facets.witnessBirthDecade, facets.act, facets.agency, facets.reliability]).toEqual([[], [], [], []]);
  });

  it('never finds withdrawn testimonies nor another case’s records', async () => {
    const all = await ids(q('고문'), as.coordinator);
    expect(all).not.toContain(withdrawn.id);
    expect(all).not.toContain(foreign.id);
    expect(await ids(q('고문'), otherLead)).toEqual([foreign.id]);
  });

  it('gives a non-member nothing, not even counts; a foreign case is 404', async () => {
    const result = await search(q('고문'), as.admin);
    expect(result.total).toEqual({ value: 0, relation: 'eq' });
    expect(result.items).toEqual([]);
    expect(Object.values(result.facets).every((values) => values.length === 0)).toBe(true);
    const res = await requestAs(t, as.analyst, 'get', `/search?caseId=${caseB}&${q('고문')}`);
    expect(res.status).toBe(404);
    const patterns = await requestAs(t, as.admin, 'get', `/search/patterns`);
    expect(patterns.body.rows).toEqual([]);
  });

  it('takes a case by its reference as by its id; a reference of a foreign case answers as a missing case', async () => {
    const referenceOf = async (id: string, user: LoggedInUser) =>
      (await requestAs(t, user, 'get', `/cases/${id}`).expect(200)).body.reference as string;
    const [refA, refB] = [await referenceOf(caseA, as.coordinator), await referenceOf(caseB, otherLead)];
    expect(await ids(`caseId=${refA}&${q('고문')}`)).toEqual(await ids(`caseId=${caseA}&${q('고문')}`));
    expect(await ids(`caseId=${refA}&${q('고문')}`)).toContain(korean.id);
    const patterns = await requestAs(t, as.analyst, 'get', `/search/patterns?caseId=${refA}`).expect(200);
    expect(patterns.body.rows.length).toBeGreaterThan(0);
    // A case the analyst may not see, by reference or by id, and no case at all: one and the same answer.
    const problem = async (caseId: string) => {
      const res = await requestAs(t, as.analyst, 'get', `/search?caseId=${caseId}&${q('고문')}`);
      const { instance: _instance, requestId: _requestId, ...body } = res.body as Record<string, unknown>;
      return { status: res.status, body };
    };
    const missing = await problem('CASE-1999-9999');
    expect(missing.status).toBe(404);
    expect(await problem(refB)).toEqual(missing);
    expect(await problem(caseB)).toEqual(missing);
    expect(await problem('00000000-0000-4000-8000-000000000000')).toEqual(missing);
  });

  it('refuses an auditor (no search.read) and anonymous callers', async () => {
    expect((await requestAs(t, as.auditor, 'get', `/search?${q('고문')}`)).status).toBe(403);
    expect((await requestAs(t, undefined, 'get', `/search?${q('고문')}`)).status).toBe(401);
  });

  it('answers bad input with 400 naming the field', async () => {
    for (const [query, field] of [
      ['violation=not-a-uuid', 'violation'],
      ['caseId=CASE-12', 'caseId'],
      ['dateFrom=1997-02-30', 'dateFrom'],
      ['dateFrom=1998-01-01&dateTo=1997-01-01', 'dateTo'],
      ['witnessSex=x', 'witnessSex'],
      ['limit=0', 'limit'],
      [q('the of'), 'q'],
      [q(Array.from({ length: 21 }, (_, i) => `w${i}`).join(' ')), 'q'],
      ['facets=maybe', 'facets'],
      ['offset=990&limit=20', 'offset'],
      ['after=not-a-cursor', 'after'],
    ]) {
      const res = await requestAs(t, as.analyst, 'get', `/search?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('shows pseudonyms only: a hit has no identity field', async () => {
    const [hit] = (await search(q('수용소'))).items;
    expect(Object.keys(hit).sort()).toEqual([
      'caseId',
      'forum',
      'id',
      'kind',
      'language',
      'rank',
      'reference',
      'snippet',
      'status',
      'title',
      'witnessPseudonym',
    ]);
    expect(hit).toMatchObject({ witnessPseudonym: expect.stringMatching(/^W-\d{6,}$/) });
  });

  it('keeps the index in step with writes made by any path, plain SQL included (imports)', async () => {
    const db = t.app.get(DataSource);
    const [{ witness_id: witnessId, created_by: createdBy }] = await db.query(
      `SELECT witness_id, created_by FROM testimonies WHERE id = $1`,
      [japanese.id],
    );
    const [{ id }] = await db.query(
      `INSERT INTO testimonies (reference, case_id, witness_id, forum, original_language, title, narrative, created_by)
       VALUES ('T-900001', $1, $2, 'other', 'ko', 'imported', '함흥에서 일했습니다', $3) RETURNING id`,
      [caseA, witnessId, createdBy],
    );
    expect(await ids(q('함흥'))).toEqual([id]);
    await db.query(`UPDATE testimonies SET narrative = '청진에서 일했습니다' WHERE id = $1`, [id]);
    expect(await ids(q('함흥'))).toEqual([]);
    expect(await ids(q('청진'))).toEqual([id]);
    // a tag written in the same transaction as the testimony is indexed with it
    await db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO testimony_annotations (case_id, testimony_id, anchored_revision, violation_term_ids, created_by)
         VALUES ($1, $2, 1, $3, $4)`,
        [caseA, id, [terms.torture], createdBy],
      );
      await manager.query(`UPDATE testimonies SET title = 'imported again' WHERE id = $1`, [id]);
    });
    expect(await ids(`${q('청진')}&violation=${terms.E}`)).toEqual([id]);
    await db.query(`UPDATE witnesses SET withdrawn_at = now(), withdrawn_reason = 'test' WHERE id = $1`, [witnessId]);
    expect(await ids(q('청진'))).toEqual([]);
    expect(await ids(q('拉致'))).toEqual([]);
  });

  it('counts tagged violations by term, facility and year, as JSON and CSV', async () => {
    const json = await requestAs(t, as.analyst, 'get', `/search/patterns?by=term,facility,year,sex`);
    expect(json.status).toBe(200);
    expect(json.body.rows).toEqual([
      expect.objectContaining({
        termId: terms.torture,
        termCode: 'E.2',
        facilityId: terms.yodok,
        facilityCode: 'kwanliso-15',
        year: 1997,
        witnessSex: 'female',
        tags: 1,
        testimonies: 1,
        witnesses: 1,
        approximate: 1,
      }),
    ]);
    const rolledUp = await requestAs(t, as.analyst, 'get', `/search/patterns?by=facility&violation=${terms.E}`);
    expect(rolledUp.body.rows).toEqual([expect.objectContaining({ facilityCode: 'kwanliso-15', tags: 1 })]);
    const csv = await requestAs(t, as.analyst, 'get', `/search/patterns?by=term,year&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')).toEqual([
      'termId,termCode,termLabel,year,tags,testimonies,witnesses,approximate',
      `${terms.torture},E.2,Torture and inhuman treatment during interrogation,1997,1,1,1,1`,
      '',
    ]);
    const accepted = await requestAs(t, as.analyst, 'get', `/search/patterns?by=agency`).set('accept', 'text/csv');
    expect(accepted.text.split('\r\n')[0]).toBe(
      'agencyId,agencyCode,agencyLabel,tags,testimonies,witnesses,approximate',
    );
    const bad = await requestAs(t, as.analyst, 'get', `/search/patterns?by=term,colour`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('by');
  });
});
