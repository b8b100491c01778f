import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { requestAs, loginAllRoles, type LoggedInUser, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createTestimony, createWitness, tagPassage, termIds } from '../support/testimony-fixtures.js';
import { readAuditLog } from '../support/audit-log.js';

const TORTURE = '보위원들에게 고문을 당했습니다';
const LABOUR = '매일 강제노동을 했습니다';
const FAMILY = '김순자';
const NARRATIVE = `1997년 무렵 요덕 수용소에서 ${TORTURE}.\n${LABOUR}.\n어머니 ${FAMILY}는 아직 함경북도에 계십니다.`;
// The revision drops the forced-labour sentence and puts a sentence in front of everything.
const REVISED = `제 이야기를 하겠습니다. 1997년 무렵 요덕 수용소에서 ${TORTURE}.\n어머니 ${FAMILY}는 아직 함경북도에 계십니다.`;
const ENGLISH = 'Around 1997 the guards tortured me at Yodok camp.';

const at = (text: string, quote: string) => ({
  start: text.indexOf(quote),
  end: text.indexOf(quote) + quote.length,
  quote,
});

describe('passage tags and sensitive spans', () => {
  let t: TestApp;
  let as: RoleLogins;
  let otherLead: LoggedInUser;
  let caseA: string;
  let caseB: string;
  let foreign: { id: string };
  let foreignTag: string;
  const terms: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    ({ caseA, caseB, otherLead } = await createTwoCases(t, as));
    foreign = await createTestimony(t, otherLead, await createWitness(t, otherLead, caseB), NARRATIVE);
    Object.assign(
      terms,
      await termIds(t, [
        ['E', 'coi-violation', 'E'],
        ['torture', 'coi-violation', 'E.2'],
        ['labour', 'coi-violation', 'E.5'],
        ['art7torture', 'rome-art7', '7.1.f'],
        ['enslavement', 'rome-art7', '7.1.c'],
        ['yodok', 'facility', 'kwanliso-15'],
        ['mss', 'agency', 'mss-state-security'],
        ['victim', 'source-connection', 'victim'],
        ['reliable', 'reliability', 'reliable'],
      ]),
    );
    const res = await requestAs(t, otherLead, 'post', `/testimonies/${foreign.id}/tags`, {
      ...at(NARRATIVE, TORTURE),
      violationTermIds: [terms.torture],
    });
    foreignTag = res.body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const tagsPath = (testimony: { id: string }) => `/testimonies/${testimony.id}/tags`;
  const listTags = async (testimony: { id: string }, query = '') => {
    const res = await requestAs(t, as.analyst, 'get', `${tagsPath(testimony)}${query}`);
    expect(res.status).toBe(200);
    return res.body as Array<{ id: string; version: number; facilityTermId: string | null }>;
  };

  // Each test builds the testimony and tags it needs with these, so that any one of them runs alone.
  /** A new Korean testimony (NARRATIVE) of a new witness of case A, with its English translation. */
  const aTestimony = async () =>
    createTestimony(t, as.investigator, await createWitness(t, as.investigator, caseA), {
      narrative: NARRATIVE,
      translations: [{ language: 'en', text: ENGLISH }],
    });
  /** The five tags of the first two tests: torture, labour, family (sensitive), english, whole. */
  const tagBodies = () => ({
    torture: {
      ...at(NARRATIVE, TORTURE),
      violationTermIds: [terms.torture],
      actTermIds: [terms.art7torture],
      facilityTermId: terms.yodok,
      dateFrom: '1997-01-01',
      dateTo: '1997-12-31',
      datePrecision: 'circa',
      agencyTermIds: [terms.mss],
      victimKind: 'witness',
      sourceConnectionTermId: terms.victim,
      reliabilityTermId: terms.reliable,
      note: 'beaten during interrogation',
    },
    labour: {
      ...at(NARRATIVE, LABOUR),
      violationTermIds: [terms.labour],
      actTermIds: [terms.enslavement],
      facilityTermId: terms.yodok,
      victimKind: 'named_person',
      victimName: FAMILY,
    },
    family: { ...at(NARRATIVE, FAMILY), kind: 'sensitive', sensitiveCategory: 'family_name' },
    english: { language: 'en', ...at(ENGLISH, 'tortured'), violationTermIds: [terms.torture] },
    whole: { facilityTermId: terms.yodok },
  });
  type TagName = keyof ReturnType<typeof tagBodies>;
  /** A new testimony with the five tags (their created bodies by name). */
  async function taggedTestimony() {
    const testimony = await aTestimony();
    const bodies = tagBodies();
    const tags = {} as Record<TagName, { id: string; version: number }>;
    for (const name of Object.keys(bodies) as TagName[])
      tags[name] = await tagPassage(t, as.investigator, testimony.id, bodies[name]);
    return { testimony, tags };
  }
  /** A tagged testimony whose narrative was then revised to REVISED (revision 2; its body after that). */
  async function revisedTestimony() {
    const { testimony, tags } = await taggedTestimony();
    const revised = await requestAs(t, as.investigator, 'patch', `/testimonies/${testimony.id}`, {
      version: testimony.version,
      narrative: REVISED,
    });
    if (revised.status !== 200) throw new Error(`revising failed: ${revised.status}`);
    return { testimony: revised.body as { id: string; version: number }, tags };
  }

  it('tags three passages of a Korean testimony: torture at Yodok circa 1997, forced labour, a family name', async () => {
    const testimony = await aTestimony();
    const bodies = tagBodies();
    const torture = await requestAs(t, as.investigator, 'post', tagsPath(testimony), bodies.torture);
    expect(torture.status).toBe(201);
    expect(torture.body).toMatchObject({
      kind: 'tag',
      language: null,
      range: at(NARRATIVE, TORTURE),
      anchoredRevision: 1,
      status: 'anchored',
      facilityTermId: terms.yodok,
      datePrecision: 'circa',
      victim: { kind: 'witness', name: null, nameIsSensitive: false, description: null },
      version: 1,
    });
    const labour = await requestAs(t, as.investigator, 'post', tagsPath(testimony), bodies.labour);
    expect(labour.status).toBe(201);
    expect(labour.body.victim).toEqual({
      kind: 'named_person',
      name: FAMILY,
      nameIsSensitive: true,
      description: null,
    });
    const family = await requestAs(t, as.investigator, 'post', tagsPath(testimony), bodies.family);
    expect(family.status).toBe(201);
    expect(family.body).toMatchObject({ kind: 'sensitive', sensitiveCategory: 'family_name' });
  });

  it('tags a translation and the whole testimony', async () => {
    const testimony = await aTestimony();
    const bodies = tagBodies();
    const english = await requestAs(t, as.investigator, 'post', tagsPath(testimony), bodies.english);
    expect(english.status).toBe(201);
    expect(english.body).toMatchObject({ language: 'en', range: at(ENGLISH, 'tortured') });
    const whole = await requestAs(t, as.investigator, 'post', tagsPath(testimony), bodies.whole);
    expect(whole.status).toBe(201);
    expect(whole.body.range).toBeNull();
  });

  it('finds a quote sent alone: tagged where it occurs once, a 409 listing the candidates where it occurs more than once', async () => {
    const text = `${LABOUR}. 그 뒤에도 ${LABOUR}.`;
    const own = await createTestimony(t, as.investigator, await createWitness(t, as.investigator, caseA), text);
    const path = `/testimonies/${own.id}/tags`;
    const once = await requestAs(t, as.investigator, 'post', path, {
      quote: '그 뒤에도',
      violationTermIds: [terms.labour],
    });
    expect(once.status).toBe(201);
    expect(once.body.range).toEqual(at(text, '그 뒤에도'));

    const twice = await requestAs(t, as.investigator, 'post', path, {
      quote: LABOUR,
      violationTermIds: [terms.labour],
    });
    expect(twice.status).toBe(409);
    const second = text.lastIndexOf(LABOUR);
    expect(twice.body).toMatchObject({
      field: 'quote',
      occurrences: 2,
      candidates: [
        { start: 0, end: LABOUR.length },
        { start: second, end: second + LABOUR.length },
      ],
    });
    // The candidates carry offsets only, never the text around them.
    expect(JSON.stringify(twice.body.candidates)).not.toContain('강제노동');
    const picked = await requestAs(t, as.investigator, 'post', path, {
      ...twice.body.candidates[1],
      quote: LABOUR,
      violationTermIds: [terms.labour],
    });
    expect(picked.status).toBe(201);
    expect(picked.body.range.start).toBe(second);

    const absent = await requestAs(t, as.investigator, 'post', path, {
      quote: '없는 문장',
      violationTermIds: [terms.labour],
    });
    expect(absent.status).toBe(400);
    expect(absent.body.errors).toEqual([{ field: 'quote', reason: 'quote does not occur in the text' }]);
  });

  it('refuses bad ranges, quotes and terms, naming the field', async () => {
    const testimony = await aTestimony();
    const cases: Array<[object, string]> = [
      [{ start: 0, end: 5, quote: 'wrong' }, 'quote'],
      [{ start: 0, end: NARRATIVE.length + 1, quote: NARRATIVE }, 'end'],
      [{ start: 5, end: 5, quote: '' }, 'end'],
      [{ start: 0, end: 4 }, 'quote'],
      [{ violationTermIds: [terms.yodok] }, 'violationTermIds'],
      [{ actTermIds: [terms.torture] }, 'actTermIds'],
      [{ facilityTermId: terms.mss }, 'facilityTermId'],
      [{ agencyTermIds: ['00000000-0000-4000-8000-000000000000'] }, 'agencyTermIds'],
      [{ sourceConnectionTermId: terms.reliable }, 'sourceConnectionTermId'],
      [{ reliabilityTermId: terms.victim }, 'reliabilityTermId'],
      [{ kind: 'sensitive', ...at(NARRATIVE, FAMILY) }, 'sensitiveCategory'],
      [{ kind: 'sensitive', sensitiveCategory: 'family_name' }, 'start'],
      [{ victimKind: 'witness', victimName: 'someone' }, 'victimName'],
      [{ language: 'fr', start: 0, end: 1, quote: 'A' }, 'language'],
      [{ dateFrom: '1998-01-01', dateTo: '1997-01-01' }, 'dateTo'],
      [{ datePrecision: 'roughly' }, 'datePrecision'],
      [{ dateFrom: '1997-13-01' }, 'dateFrom'],
      [{ note: null, violationTermIds: null }, 'violationTermIds'],
    ];
    for (const [body, field] of cases) {
      const res = await requestAs(t, as.investigator, 'post', tagsPath(testimony), body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('filters by a parent violation term, returning passages tagged with its children', async () => {
    const { testimony, tags } = await taggedTestimony();
    const underE = await listTags(testimony, `?term=${terms.E}`);
    expect(underE.map((a) => a.id).sort()).toEqual([tags.torture.id, tags.labour.id, tags.english.id].sort());
    expect((await listTags(testimony, `?term=${terms.labour}`)).map((a) => a.id)).toEqual([tags.labour.id]);
    expect((await listTags(testimony, `?term=${terms.yodok}`)).map((a) => a.id).sort()).toEqual(
      [tags.torture.id, tags.labour.id, tags.whole.id].sort(),
    );
    expect((await listTags(testimony, '?kind=sensitive')).map((a) => a.id)).toEqual([tags.family.id]);
  });

  it('re-anchors tags when the text is revised, and flags the one whose quote is gone', async () => {
    const { testimony, tags } = await taggedTestimony();
    const revised = await requestAs(t, as.investigator, 'patch', `/testimonies/${testimony.id}`, {
      version: testimony.version,
      narrative: REVISED,
    });
    expect(revised.status).toBe(200);
    expect(revised.body.revision).toBe(2);
    const byId = new Map((await listTags(testimony)).map((a) => [a.id, a]));
    expect(byId.get(tags.torture.id)).toMatchObject({
      range: at(REVISED, TORTURE),
      status: 'anchored',
      anchoredRevision: 2,
    });
    expect(byId.get(tags.family.id)).toMatchObject({ range: at(REVISED, FAMILY), status: 'anchored' });
    // the forced-labour sentence was removed: the tag keeps its old range and quote for the reviewer
    expect(byId.get(tags.labour.id)).toMatchObject({
      range: at(NARRATIVE, LABOUR),
      status: 'needs_review',
      anchoredRevision: 1,
    });
    // the translation did not change: its tag stays as it was
    expect(byId.get(tags.english.id)).toMatchObject({ range: at(ENGLISH, 'tortured'), anchoredRevision: 1 });
    expect((await listTags(testimony, '?status=needs_review')).map((a) => a.id)).toEqual([tags.labour.id]);
  });

  it('changes a tag with its version (409 when stale); a new range anchors it again', async () => {
    const { testimony, tags } = await revisedTestimony();
    const labour = (await listTags(testimony)).find((a) => a.id === tags.labour.id)!;
    const stale = await requestAs(t, as.investigator, 'patch', `${tagsPath(testimony)}/${labour.id}`, {
      version: tags.labour.version,
      note: 'x',
    });
    expect(stale.status).toBe(409);
    const quote = '요덕 수용소';
    const moved = await requestAs(t, as.investigator, 'patch', `${tagsPath(testimony)}/${labour.id}`, {
      version: labour.version,
      ...at(REVISED, quote),
      note: 'the forced labour is now told only in general terms',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ range: at(REVISED, quote), status: 'anchored', anchoredRevision: 2 });
    const bad = await requestAs(t, as.investigator, 'patch', `${tagsPath(testimony)}/${labour.id}`, {
      version: moved.body.version,
      quote: 'nothing',
      start: 0,
      end: 7,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('quote');
  });

  it("re-anchors a translation's tags when the translation changes, and flags them when it is removed", async () => {
    const { testimony, tags } = await revisedTestimony();
    const english = `Interview notes. ${ENGLISH}`;
    const changed = await requestAs(t, as.investigator, 'patch', `/testimonies/${testimony.id}`, {
      version: testimony.version,
      translations: [{ language: 'en', text: english }],
    });
    expect(changed.status).toBe(200);
    const moved = (await listTags(testimony)).find((a) => a.id === tags.english.id);
    expect(moved).toMatchObject({ range: at(english, 'tortured'), status: 'anchored', anchoredRevision: 3 });
    const removed = await requestAs(t, as.investigator, 'patch', `/testimonies/${testimony.id}`, {
      version: changed.body.version,
      translations: [],
    });
    expect(removed.status).toBe(200);
    expect((await listTags(testimony)).find((a) => a.id === tags.english.id)).toMatchObject({
      range: at(english, 'tortured'),
      status: 'needs_review',
    });
  });

  it('keeps records readable when a term in use is deprecated', async () => {
    const testimony = await aTestimony();
    const local = await requestAs(t, as.coordinator, 'post', '/taxonomy/facility/terms', {
      code: 'local-test-facility',
      labelEn: 'A holding centre identified in this case',
    });
    expect(local.status).toBe(201);
    const tagged = await requestAs(t, as.investigator, 'post', tagsPath(testimony), { facilityTermId: local.body.id });
    expect(tagged.status).toBe(201);
    const deprecated = await requestAs(t, as.coordinator, 'post', `/taxonomy/terms/${local.body.id}/deprecate`, {
      version: local.body.version,
      reason: 'merged into another record',
    });
    expect(deprecated.status).toBe(200);
    expect((await listTags(testimony)).find((a) => a.id === tagged.body.id)?.facilityTermId).toBe(local.body.id);
    // keeping it on the record is fine; choosing it anew is not
    const edited = await requestAs(t, as.investigator, 'patch', `${tagsPath(testimony)}/${tagged.body.id}`, {
      version: tagged.body.version,
      facilityTermId: local.body.id,
      note: 'still readable',
    });
    expect(edited.status).toBe(200);
    const fresh = await requestAs(t, as.investigator, 'post', tagsPath(testimony), { facilityTermId: local.body.id });
    expect(fresh.status).toBe(400);
    expect(fresh.body.errors[0].field).toBe('facilityTermId');
  });

  it('withdraws a tag without deleting it', async () => {
    const { testimony, tags } = await taggedTestimony();
    const res = await requestAs(t, as.investigator, 'post', `${tagsPath(testimony)}/${tags.whole.id}/withdraw`, {
      reason: 'tagged the wrong testimony',
    });
    expect(res.status).toBe(201);
    expect(res.body.withdrawn.reason).toBe('tagged the wrong testimony');
    expect((await listTags(testimony)).map((a) => a.id)).not.toContain(tags.whole.id);
    expect((await listTags(testimony, '?includeWithdrawn=true')).map((a) => a.id)).toContain(tags.whole.id);
  });

  it('audits every write without the quoted text or a victim name', async () => {
    // The writes of the tests above on one testimony: five tags, a revision that re-anchors
    // them, a sixth tag, a tag changed and one withdrawn.
    const { testimony, tags } = await revisedTestimony();
    const path = tagsPath(testimony);
    expect(
      (
        await requestAs(t, as.investigator, 'post', path, {
          ...at(REVISED, FAMILY),
          kind: 'sensitive',
          sensitiveCategory: 'family_name',
        })
      ).status,
    ).toBe(201);
    const labour = (await listTags(testimony)).find((a) => a.id === tags.labour.id)!;
    expect(
      (
        await requestAs(t, as.investigator, 'patch', `${path}/${labour.id}`, {
          version: labour.version,
          ...at(REVISED, '요덕 수용소'),
          note: 'moved',
        })
      ).status,
    ).toBe(200);
    expect(
      (await requestAs(t, as.investigator, 'post', `${path}/${tags.whole.id}/withdraw`, { reason: 'wrong one' }))
        .status,
    ).toBe(201);
    const rows: Array<{ action: string; details: unknown }> = await readAuditLog(
      t.app.get(DataSource),
      `SELECT action, details FROM audit_events WHERE subject_id = $1 ORDER BY seq`,
      [testimony.id],
    );
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'testimony.tag.create').length).toBeGreaterThanOrEqual(6);
    expect(actions).toEqual(
      expect.arrayContaining(['testimony.tag.update', 'testimony.tag.withdraw', 'testimony.tags.reanchored']),
    );
    const text = JSON.stringify(rows);
    for (const secret of [FAMILY, TORTURE, LABOUR]) expect(text).not.toContain(secret);
  });

  it('creates a testimony with its tags in one transaction; one bad tag writes nothing', async () => {
    const witnessId = await createWitness(t, as.investigator, caseA);
    const base = {
      witnessId,
      forum: 'confidential_interview',
      originalLanguage: 'ko',
      title: '한 번에',
      narrative: NARRATIVE,
    };
    const tag = { ...at(NARRATIVE, TORTURE), violationTermIds: [terms.torture], facilityTermId: terms.yodok };
    const sensitive = { ...at(NARRATIVE, FAMILY), kind: 'sensitive', sensitiveCategory: 'family_name' };
    const db = t.app.get(DataSource);
    const counts = async () =>
      (
        await readAuditLog(
          db,
          `SELECT (SELECT count(*) FROM testimonies)::int AS testimonies,
                  (SELECT count(*) FROM testimony_annotations)::int AS tags,
                  (SELECT count(*) FROM audit_events)::int AS events`,
        )
      )[0];
    const before = await counts();
    for (const [tags, field] of [
      [[tag, { ...tag, violationTermIds: [terms.yodok] }], 'tags.1.violationTermIds'],
      [[{ ...tag, quote: 'not in the narrative' }], 'tags.0.quote'],
      [[tag, { ...sensitive, sensitiveCategory: undefined }], 'tags.1.sensitiveCategory'],
      [[{ ...tag, start: -1 }], 'tags.0.start'],
    ] as const) {
      const res = await requestAs(t, as.investigator, 'post', '/testimonies', { ...base, tags });
      expect({ status: res.status, fields: res.body.errors?.map((e: { field: string }) => e.field) }).toEqual({
        status: 400,
        fields: expect.arrayContaining([field]),
      });
    }
    expect(await counts()).toEqual(before);

    const created = await requestAs(t, as.investigator, 'post', '/testimonies', { ...base, tags: [tag, sensitive] });
    expect(created.status).toBe(201);
    const listed = await requestAs(t, as.investigator, 'get', `/testimonies/${created.body.id}/tags`);
    expect(listed.body.map((a: { kind: string; range: { quote: string } }) => [a.kind, a.range.quote]).sort()).toEqual([
      ['sensitive', FAMILY],
      ['tag', TORTURE],
    ]);
    const actions = (
      await readAuditLog(db, `SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY seq`, [created.body.id])
    ).map((r: { action: string }) => r.action);
    expect(actions).toEqual(['testimony.create', 'testimony.tag.create', 'testimony.tag.create']);
    // The search document was built at commit with the tags' values.
    const [doc] = await db.query(`SELECT facility_term_ids FROM search_documents WHERE id = $1`, [created.body.id]);
    expect(doc.facility_term_ids).toEqual([terms.yodok]);
  });

  it('answers 404 for every route with an id of another case, and for a tag under another testimony', async () => {
    const testimony = await aTestimony();
    const user = as.investigator;
    const body = { version: 1, note: 'x' };
    for (const [method, path, payload] of [
      ['get', `/testimonies/${foreign.id}/tags`, undefined],
      ['post', `/testimonies/${foreign.id}/tags`, { note: 'x' }],
      ['patch', `/testimonies/${foreign.id}/tags/${foreignTag}`, body],
      ['post', `/testimonies/${foreign.id}/tags/${foreignTag}/withdraw`, { reason: 'because' }],
      ['patch', `${tagsPath(testimony)}/${foreignTag}`, body],
      ['post', `${tagsPath(testimony)}/${foreignTag}/withdraw`, { reason: 'because' }],
    ] as const) {
      const res = await requestAs(t, user, method, path, payload);
      expect({ path, method, status: res.status }).toEqual({ path, method, status: 404 });
    }
  });

  it('answers 401 without a token and 403 without the permission', async () => {
    const testimony = await aTestimony();
    const torture = await tagPassage(t, as.investigator, testimony.id, tagBodies().torture);
    const path = tagsPath(testimony);
    expect((await requestAs(t, undefined, 'get', path)).status).toBe(401);
    expect((await requestAs(t, undefined, 'post', path, { note: 'x' })).status).toBe(401);
    expect((await requestAs(t, as.analyst, 'post', path, { note: 'x' })).status).toBe(403);
    expect((await requestAs(t, as.auditor, 'get', path)).status).toBe(403);
    expect(
      (await requestAs(t, as.analyst, 'post', `${path}/${torture.id}/withdraw`, { reason: 'because' })).status,
    ).toBe(403);
  });
});
