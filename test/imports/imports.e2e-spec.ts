import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { AuditVerifier } from '@sillok/audit';
import { contentSha256 } from '@sillok/testimonies';
import { bearer, loginAllRoles, requestAs, type RoleLogins } from '../support/auth-fixtures.js';
import { CaseRole } from '@sillok/cases';
import { createCase, createTwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { termId } from '../support/testimony-fixtures.js';
import { counts, example, EXAMPLE_FILES, formatOf, postImport } from './import-fixtures.js';

describe('POST /cases/:id/imports', () => {
  let t: TestApp;
  let as: RoleLogins;
  let caseA: string;
  let caseB: string;
  const db = () => t.app.get(DataSource);

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    ({ caseA, caseB } = await createTwoCases(t, as));
  });
  afterAll(async () => {
    await t.close();
  });

  /** A new case (the investigator a member, the analyst a viewer) into which every example file was imported, as the first test does. */
  async function importedCase(): Promise<string> {
    const caseId = await createCase(t, as.coordinator, {
      members: [
        [as.investigator, CaseRole.Member],
        [as.analyst, CaseRole.Viewer],
      ],
    });
    for (const [type, name] of EXAMPLE_FILES) {
      const res = await postImport(t, as.investigator, caseId, type, example(name), formatOf(name));
      if (res.status !== 201) throw new Error(`importing ${name} failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return caseId;
  }

  it('imports every example file, each record audited, and the chain still verifies', async () => {
    const before = await counts(t, caseA);
    for (const [type, name] of EXAMPLE_FILES) {
      const res = await postImport(t, as.investigator, caseA, type, example(name), formatOf(name));
      expect({ name, status: res.status, invalid: res.body.invalid ?? res.body.errors }).toEqual({
        name,
        status: 201,
        invalid: [],
      });
      expect(res.body).toMatchObject({ type, written: true, unchanged: 0, rejected: 0 });
      expect(res.body.created).toBe(res.body.rows);
    }
    expect(await counts(t, caseA)).toEqual({
      witnesses: 4,
      testimonies: 4,
      revisions: 4,
      tags: 6,
      incidents: 3,
      audit: before.audit + 4 + 4 + 6 + 3,
    });
    expect((await t.app.get(AuditVerifier).verify()).ok).toBe(true);
  });

  it('keeps narratives byte for byte, revision 1 hashed as the API hashes it, and translations', async () => {
    const caseId = await importedCase();
    const [row] = await db().query(`SELECT id FROM testimonies WHERE case_id = $1 AND external_id = 'UWZ-T-31'`, [
      caseId,
    ]);
    const res = await t.http().get(`/testimonies/${row.id}`).set(bearer(as.analyst));
    expect(res.status).toBe(200);
    expect(res.body.narrative).toBe('개천 수용소에서 나는 광산에서 일했다. 🙏 사고로 많은 사람이 죽었다.');
    // The archive's id stays visible, on the testimony, its witness and its tags.
    expect(res.body.externalId).toBe('UWZ-T-31');
    const witness = await t.http().get(`/witnesses/${res.body.witnessId}`).set(bearer(as.analyst));
    expect(witness.body.externalId).toEqual(expect.any(String));
    const tags = await t.http().get(`/testimonies/${row.id}/tags`).set(bearer(as.analyst));
    expect(tags.body.map((tag: { externalId: string | null }) => tag.externalId)).not.toContain(undefined);
    expect(res.body.translations).toEqual([expect.objectContaining({ language: 'en', checked: true })]);
    const first = await t.http().get(`/testimonies/${row.id}/revisions/1`).set(bearer(as.analyst));
    expect(first.body.contentSha256).toBe(contentSha256(first.body.content));
    expect(first.body.content.narrative).toBe(res.body.narrative);
    const update = await t
      .http()
      .patch(`/testimonies/${row.id}`)
      .set(bearer(as.investigator))
      .send({ version: res.body.version, summary: 'edited after import' });
    expect(update.status).toBe(200);
    const revisions = await t.http().get(`/testimonies/${row.id}/revisions`).set(bearer(as.analyst));
    expect(revisions.body.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
  });

  it('anchors tags at their quotes (UTF-16 offsets) and maps facility and violation names to terms', async () => {
    const caseId = await importedCase();
    const tags: Array<Record<string, unknown>> = await db().query(
      `SELECT a.external_id, a.range_start, a.range_end, a.quote, a.facility_term_id, a.violation_term_ids,
              a.place_text, t.narrative
         FROM testimony_annotations a JOIN testimonies t ON t.id = a.testimony_id
        WHERE a.case_id = $1 ORDER BY a.external_id`,
      [caseId],
    );
    for (const tag of tags.filter((x) => x.quote !== null)) {
      expect((tag.narrative as string).slice(tag.range_start as number, tag.range_end as number)).toBe(tag.quote);
    }
    const camp15 = await termId(t, 'facility', 'kwanliso-15');
    const byId = Object.fromEntries(tags.map((x) => [x.external_id, x]));
    expect(['OEV-G-0001', 'OEV-G-0002', 'OEV-G-0004'].map((id) => byId[id].facility_term_id)).toEqual([
      camp15,
      camp15,
      camp15,
    ]);
    expect(byId['OEV-G-0002'].violation_term_ids).toEqual([
      await termId(t, 'coi-violation', 'E.6'),
      await termId(t, 'coi-violation', 'E.4'),
    ]);
    expect(byId['OEV-G-0005']).toMatchObject({ range_start: null, quote: null });
  });

  it('changes nothing when the same files are imported again', async () => {
    const caseId = await importedCase();
    const before = await counts(t, caseId);
    for (const [type, name] of EXAMPLE_FILES) {
      const res = await postImport(t, as.investigator, caseId, type, example(name), formatOf(name));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ created: 0, unchanged: res.body.rows, rejected: 0 });
    }
    expect(await counts(t, caseId)).toEqual(before);
  });

  it('refuses a file with three bad rows, lists exactly those three, and writes nothing', async () => {
    const caseId = await createCase(t, as.coordinator, { members: [] });
    const file = [
      'external_id,sex,birth_year,current_country,languages,reprisal_risk',
      'X-1,female,1970,KR,ko,no',
      'X-2,femal,1970,KR,ko,no', // line 3: sex
      'X-3,male,1870,KR,ko,no', // line 4: birth_year
      'X-4,male,1980,KR,ko,no',
      'X-2,male,1980,KR,ko,no', // line 6: repeats X-2
      'X-6,male,1980,KR,ko,no',
    ].join('\n');
    const res = await postImport(t, as.coordinator, caseId, 'witnesses', file);
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe('3 rows are invalid; nothing was written');
    expect(res.body.report.invalid).toEqual([
      { line: 3, externalId: 'X-2', field: 'sex', reason: 'must be one of female, male, other, unknown' },
      { line: 4, externalId: 'X-3', field: 'birth_year', reason: 'must be a whole number from 1900 to 2100' },
      { line: 6, externalId: 'X-2', field: 'external_id', reason: 'repeats the external id of line 3' },
    ]);
    expect(res.body.report).toMatchObject({ rows: 6, created: 0, written: false, rejected: 3 });
    expect((await counts(t, caseId)).witnesses).toBe(0);

    const skipped = await postImport(t, as.coordinator, caseId, 'witnesses', file, 'csv', '&skipInvalid=true');
    expect(skipped.status).toBe(201);
    expect(skipped.body).toMatchObject({ rows: 6, created: 3, rejected: 3, written: true });
    expect((await counts(t, caseId)).witnesses).toBe(3);
  });

  it('lists a facility name that matches no term, and keeps it as the place', async () => {
    const file = [
      'external_id,title,facility,violations',
      'N-1,Unknown camp,Camp Nowhere 99,E.1',
      'N-2,Known camp,yodŏk,E.1',
    ].join('\n');
    const res = await postImport(t, as.investigator, caseA, 'incidents', file);
    expect(res.status).toBe(201);
    expect(res.body.unmatchedNames).toEqual([
      { field: 'facility', scheme: 'facility', name: 'Camp Nowhere 99', rows: 1 },
    ]);
    const [row] = await db().query(`SELECT place_text, facility_term_id FROM incidents WHERE external_id = 'N-1'`);
    expect(row).toEqual({ place_text: 'Camp Nowhere 99', facility_term_id: null });
  });

  it('refuses a violation name that matches no term, naming the row and field', async () => {
    const res = await postImport(
      t,
      as.investigator,
      caseA,
      'incidents',
      JSON.stringify({ externalId: 'V-1', title: 'x', violations: ['E.5', 'Not a violation'] }) + '\n',
      'jsonl',
    );
    expect(res.status).toBe(400);
    expect(res.body.report.invalid).toEqual([
      { line: 1, externalId: 'V-1', field: 'violations', reason: '"Not a violation" matches no coi-violation term' },
    ]);
    expect(res.body.report.unmatchedNames).toEqual([
      { field: 'violations', scheme: 'coi-violation', name: 'Not a violation', rows: 1 },
    ]);
  });

  it('takes as many named perpetrators as the API does (100), and refuses one more naming the field', async () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `perpetrator ${i + 1}`);
    const line = (externalId: string, n: number) =>
      JSON.stringify({ externalId, title: 'many perpetrators', perpetratorNames: names(n) }) + '\n';
    const most = await postImport(t, as.investigator, caseA, 'incidents', line('P-100', 100), 'jsonl', '&dryRun=true');
    expect({ status: most.status, invalid: most.body.invalid }).toEqual({ status: 200, invalid: [] });
    const over = await postImport(t, as.investigator, caseA, 'incidents', line('P-101', 101), 'jsonl', '&dryRun=true');
    expect(over.body.invalid).toEqual([
      { line: 1, externalId: 'P-101', field: 'perpetratorNames', reason: 'must hold at most 100 items' },
    ]);
  });

  it('refuses references to records the case does not hold, a wrong header, and a bad body', async () => {
    const testimony = await postImport(
      t,
      as.investigator,
      caseA,
      'testimonies',
      'external_id,witness_external_id,forum,original_language,title\nT-9,NOPE,other,ko,x\n',
    );
    expect(testimony.status).toBe(400);
    expect(testimony.body.report.invalid).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'witness_external_id',
        reason: 'no witness of this case has this external id',
      }),
    ]);
    const header = await postImport(t, as.investigator, caseA, 'witnesses', 'external_id,name\nA,B\n');
    expect(header.status).toBe(400);
    expect(header.body.errors).toEqual([
      { field: 'file', reason: 'the header does not fit the witnesses template: unknown column name' },
    ]);
    const quote = await postImport(t, as.investigator, caseA, 'witnesses', 'external_id\n"unclosed\n');
    expect(quote.status).toBe(400);
    const json = await postImport(t, as.investigator, caseA, 'witnesses', '{"externalId":\n', 'jsonl');
    expect(json.status).toBe(400);
    expect(json.body.report.invalid).toEqual([
      { line: 1, externalId: null, field: 'line', reason: 'is not valid JSON' },
    ]);
    const type = await postImport(t, as.investigator, caseA, 'people', 'external_id\nA\n');
    expect(type.status).toBe(400);
    const media = await t
      .http()
      .post(`/cases/${caseA}/imports?type=witnesses`)
      .set(bearer(as.investigator))
      .set('content-type', 'application/octet-stream')
      .send(Buffer.from('external_id\nA\n'));
    expect(media.status).toBe(415);
  });

  it('accepts the file as a multipart upload', async () => {
    const res = await t
      .http()
      .post(`/cases/${caseA}/imports?type=witnesses`)
      .set(bearer(as.investigator))
      .attach('file', Buffer.from('external_id,sex\nM-1,female\n'), 'archive-witnesses.csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ format: 'csv', created: 1 });
  });

  it('answers 401 without a token, 403 to roles and case roles that may not import, 404 outside the case', async () => {
    const body = 'external_id\nZ-1\n';
    const anonymous = await t
      .http()
      .post(`/cases/${caseA}/imports?type=witnesses`)
      .set('content-type', 'text/csv')
      .send(body);
    expect(anonymous.status).toBe(401);
    expect((await postImport(t, as.analyst, caseA, 'witnesses', body)).status).toBe(403);
    expect((await postImport(t, as.auditor, caseA, 'witnesses', body)).status).toBe(403);
    expect((await postImport(t, as.investigator, caseB, 'witnesses', body)).status).toBe(404);
    expect(
      (await postImport(t, as.investigator, '00000000-0000-4000-8000-000000000000', 'witnesses', body)).status,
    ).toBe(404);
    const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM witnesses WHERE external_id = 'Z-1'`);
    expect(n).toBe(0);
  });

  it('makes imported testimonies searchable exactly as created ones: same document, snippets and facets', async () => {
    const caseId = await createCase(t, as.coordinator, { members: [] });
    const witnesses = await postImport(
      t,
      as.coordinator,
      caseId,
      'witnesses',
      'external_id,sex,birth_year\nS-W-1,female,1961\n',
    );
    expect(witnesses.status).toBe(201);
    const testimony = {
      forum: 'confidential_interview',
      originalLanguage: 'ko',
      title: '요덕 수용소의 겨울',
      summary: '겨울 작업과 처벌',
      narrative: '겨울에는 새벽부터 나무를 했습니다. 보위원이 고문을 했고 Kim was beaten twice.',
      translations: [
        { language: 'en', text: 'In winter we cut wood from dawn. The guard tortured us.', checked: true },
      ],
    };
    const line = JSON.stringify({ externalId: 'S-T-1', witnessExternalId: 'S-W-1', ...testimony });
    const imported = await postImport(t, as.coordinator, caseId, 'testimonies', `${line}\n`, 'jsonl');
    expect(imported.body).toMatchObject({ created: 1, written: true });
    const [{ id: importedId, witness_id: witnessId }] = await db().query(
      `SELECT id, witness_id FROM testimonies WHERE case_id = $1 AND external_id = 'S-T-1'`,
      [caseId],
    );
    const created = await requestAs(t, as.coordinator, 'post', '/testimonies', { witnessId, ...testimony });
    expect(created.status).toBe(201);

    // The stored documents: every column but the record's own id, reference and time.
    const documents = await db().query(
      `SELECT id, kind, case_id, title, witness_id, language, forum, status, witness_sex, witness_birth_decade,
              withdrawn, violation_term_ids, act_term_ids, facility_term_ids, agency_term_ids,
              source_connection_term_ids, reliability_term_ids, event_dates, document::text
         FROM search_documents WHERE id = ANY($1)`,
      [[importedId, created.body.id]],
    );
    expect(documents).toHaveLength(2);
    const byId = Object.fromEntries(documents.map(({ id, ...rest }: { id: string }) => [id, rest]));
    expect(byId[importedId]).toEqual(byId[created.body.id]);
    expect(byId[importedId].document).toContain("'고문'");

    for (const [word, field] of [
      ['고문', 'narrative'],
      ['tortured', 'translation:en'],
      ['beaten', 'narrative'],
    ]) {
      const res = await requestAs(t, as.coordinator, 'get', `/search?caseId=${caseId}&q=${encodeURIComponent(word)}`);
      expect(res.status).toBe(200);
      const hits = Object.fromEntries(
        res.body.items.map((hit: { id: string; snippet: unknown }) => [hit.id, hit.snippet]),
      );
      expect(Object.keys(hits).sort()).toEqual([importedId, created.body.id].sort());
      expect(hits[importedId]).toEqual(hits[created.body.id]);
      expect(hits[importedId]).toMatchObject({ field });
      expect(res.body.facets.kind).toEqual([{ value: 'testimony', count: 2 }]);
      expect(res.body.facets.witnessSex).toEqual([{ value: 'female', count: 2 }]);
      expect(res.body.facets.language).toEqual([{ value: 'ko', count: 2 }]);
    }
    expect((await t.app.get(AuditVerifier).verify()).ok).toBe(true);
  });
});
