import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  TaxonomyService,
  type TermTreeNodeResponse as TermTreeNode,
  type TermResponse as TermView,
} from '@sillok/taxonomy';
import { createAndLogin, loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { responseMismatches, type OpenApiDocument } from './response-schema.js';
import { SEEDED_COUNTS, flatten, taxonomyClient } from './taxonomy-client.js';
import { readAuditLog } from '../support/audit-log.js';

describe('taxonomy API', () => {
  let t: TestApp;
  let api: ReturnType<typeof taxonomyClient>;
  let db: DataSource;

  const tree = async (scheme: string, query = ''): Promise<TermTreeNode[]> =>
    (await api.get(`/taxonomy/${scheme}${query}`).expect(200)).body;
  const termByCode = async (scheme: string, code: string): Promise<TermView> => {
    const found = flatten(await tree(scheme, '?includeDeprecated=true')).find((n) => n.code === code);
    if (!found) throw new Error(`no ${scheme} ${code}`);
    return found;
  };
  const auditCount = async (action: string, subjectId: string) =>
    Number(
      (
        await readAuditLog(db, `SELECT count(*) AS n FROM audit_events WHERE action = $1 AND subject_id = $2`, [
          action,
          subjectId,
        ])
      )[0].n,
    );
  const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    t = await startTestApp();
    api = taxonomyClient(t, (await createAndLogin(t, 'coordinator' as never)).token);
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('who may use it', () => {
    let as: RoleLogins;
    beforeAll(async () => {
      as = await loginAllRoles(t);
    });

    it('lets every case role read, only coordinators and admins manage, and nobody in without a token', async () => {
      for (const role of ['admin', 'coordinator', 'investigator', 'analyst', 'legal_reviewer'] as const) {
        expect({ role, status: (await taxonomyClient(t, as[role].token).get('/taxonomy/facility')).status }).toEqual({
          role,
          status: 200,
        });
      }
      expect((await taxonomyClient(t, as.auditor.token).get('/taxonomy/facility')).status).toBe(403);
      expect((await taxonomyClient(t).get('/taxonomy/facility')).status).toBe(401);
      const term = { code: 'role-check-camp', labelEn: 'Role check camp' };
      expect((await taxonomyClient(t, as.investigator.token).post('/taxonomy/facility/terms', term)).status).toBe(403);
      expect((await taxonomyClient(t, as.analyst.token).post('/taxonomy/facility/terms', term)).status).toBe(403);
      expect((await taxonomyClient(t).post('/taxonomy/facility/terms', term)).status).toBe(401);
    });
  });

  describe('seeded vocabularies', () => {
    it('lists every scheme with its seeded term count', async () => {
      const res = await api.get('/taxonomy').expect(200);
      const counts = Object.fromEntries(
        res.body.map((s: { scheme: string; termCount: number }) => [s.scheme, s.termCount]),
      );
      expect(counts).toEqual(SEEDED_COUNTS);
      expect(res.body.find((s: { scheme: string }) => s.scheme === 'rome-art7')).toMatchObject({ localTerms: false });
    });

    it.each(Object.entries(SEEDED_COUNTS))('serves %s as a tree of %i terms', async (scheme, count) => {
      expect(flatten(await tree(scheme))).toHaveLength(count);
    });

    it('nests the COI sub-terms under categories A-F in reading order', async () => {
      const coi = await tree('coi-violation');
      expect(coi.map((n) => n.code)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
      const e = coi.find((n) => n.code === 'E')!;
      expect(e.children.map((n) => n.code)).toEqual([
        'E.1',
        'E.2',
        'E.3',
        'E.4',
        'E.5',
        'E.6',
        'E.7',
        'E.8',
        'E.9',
        'E.10',
      ]);
      expect(e.children.every((c) => c.parentId === e.id && c.children.length === 0)).toBe(true);
      expect(e.children[1]).toMatchObject({
        labelEn: 'Torture and inhuman treatment during interrogation',
        origin: 'seed',
      });
    });

    it('carries Korean labels, romanisations and facts of the known camps', async () => {
      const yodok = await termByCode('facility', 'kwanliso-15');
      expect(yodok).toMatchObject({
        labelEn: 'Kwanliso No. 15 (Yodok)',
        labelKo: '요덕 제15호 관리소',
        status: 'active',
        version: 1,
        attributes: expect.objectContaining({ facilityType: 'kwanliso', number: 15, statusUncertain: true }),
      });
      expect(yodok.aliases).toEqual(expect.arrayContaining(['Yodŏk', 'Yodeok', 'Yoduk', 'Camp 15', '요덕']));
      const agency = await termByCode('agency', 'mss-state-security');
      expect(agency).toMatchObject({ labelKo: '국가보위성' });
      expect(agency.aliases).not.toContain('MSS');
      expect(await termByCode('rome-art7', '7.1.j')).toMatchObject({ attributes: { coiFound: false } });
    });
  });

  describe('lookup', () => {
    it.each(['Yodeok', 'yodŏk', 'Yodok', '요덕', 'Camp 15', 'camp no. 15', 'Kwanliso 15', '요덕 제15호 관리소'])(
      'resolves %s to kwanliso No. 15 and nothing else',
      async (q) => {
        const res = await api.get(`/taxonomy/lookup?q=${encodeURIComponent(q)}`).expect(200);
        expect(res.body.matches).toHaveLength(1);
        expect(res.body.matches[0]).toMatchObject({
          kind: 'exact',
          scheme: 'facility',
          similarity: 1,
          term: { code: 'kwanliso-15' },
          matched: { field: expect.any(String), text: expect.any(String) },
        });
        expect(res.body.suggestions.every((s: { kind: string }) => s.kind === 'suggestion')).toBe(true);
      },
    );

    it('says which name matched', async () => {
      const res = await api.get(`/taxonomy/lookup?q=${encodeURIComponent('Gukga Bowiseong')}`).expect(200);
      expect(res.body.matches[0]).toMatchObject({
        term: { code: 'mss-state-security' },
        matched: { field: 'alias', text: 'Gukga Bowiseong' },
      });
      const byCode = await api.get('/taxonomy/lookup?q=E.5&scheme=coi-violation').expect(200);
      expect(byCode.body.matches[0]).toMatchObject({ term: { code: 'E.5' }, matched: { field: 'code', text: 'E.5' } });
    });

    it('offers near names only as suggestions, never as matches', async () => {
      const res = await api.get('/taxonomy/lookup?q=Yodok%20camp').expect(200);
      expect(res.body.matches).toEqual([]);
      expect(res.body.suggestions[0]).toMatchObject({ kind: 'suggestion', term: { code: 'kwanliso-15' } });
      expect(res.body.suggestions[0].similarity).toBeLessThan(1);
    });

    it('narrows to one scheme', async () => {
      const all = await api.get('/taxonomy/lookup?q=unknown').expect(200);
      expect(new Set(all.body.matches.map((m: { scheme: string }) => m.scheme))).toEqual(
        new Set(['date-precision', 'reliability', 'abductee-status']),
      );
      const one = await api.get('/taxonomy/lookup?q=unknown&scheme=reliability').expect(200);
      expect(one.body.matches.map((m: { scheme: string }) => m.scheme)).toEqual(['reliability']);
      const type = await api.get('/taxonomy/lookup?q=gwa-li-so').expect(200);
      expect(type.body.matches.map((m: { term: { code: string } }) => m.term.code)).toEqual(['kwanliso']);
    });
  });

  describe('descendants', () => {
    it('lists the sub-terms of a category, and the service adds the terms themselves for filters', async () => {
      const e = await termByCode('coi-violation', 'E');
      const f = await termByCode('coi-violation', 'F');
      const res = await api.get(`/taxonomy/terms/${e.id}/descendants`).expect(200);
      const children = (await tree('coi-violation')).find((n) => n.code === 'E')!.children.map((c) => c.id);
      expect(res.body.termId).toBe(e.id);
      expect([...res.body.descendantIds].sort()).toEqual([...children].sort());

      const service = t.app.get(TaxonomyService);
      const forFilter = await service.descendantIds([e.id, f.id]);
      expect(forFilter).toHaveLength(1 + 10 + 1 + 6);
      expect(forFilter).toEqual(expect.arrayContaining([e.id, f.id, ...children]));
      const leaf = await termByCode('coi-violation', 'E.2');
      expect(await service.descendantIds([leaf.id])).toEqual([leaf.id]);
      expect((await api.get(`/taxonomy/terms/${leaf.id}/descendants`).expect(200)).body.descendantIds).toEqual([]);
    });
  });

  describe('local terms', () => {
    /** A local facility term of the test's own (codes and names are unique across the scheme). */
    const aLocalFacility = async (code: string, labelEn: string, notes = 'Identified from a testimony.') =>
      (await api.post('/taxonomy/facility/terms', { code, labelEn, notes }).expect(201)).body as TermView;

    it('adds a newly identified facility with aliases, audited, and finds it by any of them', async () => {
      const res = await api
        .post('/taxonomy/facility/terms', {
          code: 'kyohwaso-12',
          labelEn: 'Kyohwaso No. 12 (Chongori)',
          labelKo: '전거리 제12호 교화소',
          aliases: ['Chŏngŏri', 'Jeongeori', '전거리 교화소', ' Chŏngŏri '],
          notes: 'Identified from testimony TBG031.',
          attributes: { facilityType: 'kyohwaso', number: 12 },
        })
        .expect(201);
      const local: TermView = res.body;
      expect(local).toMatchObject({
        scheme: 'facility',
        code: 'kyohwaso-12',
        origin: 'local',
        status: 'active',
        version: 1,
        aliases: ['Chŏngŏri', 'Jeongeori', '전거리 교화소'],
      });
      expect(await auditCount('taxonomy.term.create', local.id)).toBe(1);

      for (const q of ['Chongori', 'jeong-eo-ri', '전거리 교화소', 'Kyohwaso No. 12 (Chongori)']) {
        const found = await api.get(`/taxonomy/lookup?q=${encodeURIComponent(q)}&scheme=facility`).expect(200);
        expect(found.body.matches.map((m: { term: { id: string } }) => m.term.id)).toEqual([local.id]);
      }
      expect(flatten(await tree('facility')).map((n) => n.code)).toContain('kyohwaso-12');
    });

    it('refuses a repeated code and a name that already names another term of the scheme (409)', async () => {
      await aLocalFacility('kyohwaso-77', 'Kyohwaso No. 77');
      await api.post('/taxonomy/facility/terms', { code: 'kyohwaso-77', labelEn: 'Another' }).expect(409);
      const clash = await api
        .post('/taxonomy/facility/terms', { code: 'camp-x', labelEn: 'Camp X', aliases: ['camp no. 15'] })
        .expect(409);
      expect(clash.body.detail).toContain('kwanliso-15');
    });

    it('refuses local terms in closed lists, naming the scheme', async () => {
      const res = await api.post('/taxonomy/rome-art7/terms', { code: '7.1.z', labelEn: 'Invented' }).expect(400);
      expect(fieldsOf(res.body)).toEqual(['scheme']);
    });

    it('adds a sub-term under a parent of the same scheme only', async () => {
      const e = await termByCode('coi-violation', 'E');
      const sub = await api
        .post('/taxonomy/coi-violation/terms', { code: 'E.11', labelEn: 'Forced sterilisation', parentId: e.id })
        .expect(201);
      expect(sub.body.parentId).toBe(e.id);
      const desc = await api.get(`/taxonomy/terms/${e.id}/descendants`).expect(200);
      expect(desc.body.descendantIds).toContain(sub.body.id);
      const wrong = await api
        .post('/taxonomy/facility/terms', { code: 'x-1', labelEn: 'X', parentId: e.id })
        .expect(400);
      expect(fieldsOf(wrong.body)).toEqual(['parentId']);
    });

    it('edits a local term with optimistic locking (409 on a stale version), audited', async () => {
      const local = await aLocalFacility('kyohwaso-88', 'Kyohwaso No. 88');
      const res = await api
        .patch(`/taxonomy/terms/${local.id}`, { version: 1, labelEn: 'Kyohwaso No. 88 (Chongori, Hoeryong)' })
        .expect(200);
      expect(res.body).toMatchObject({ version: 2, labelEn: 'Kyohwaso No. 88 (Chongori, Hoeryong)' });
      const stale = await api.patch(`/taxonomy/terms/${local.id}`, { version: 1, notes: 'late edit' }).expect(409);
      expect(stale.body).toMatchObject({ type: 'urn:sillok:problem:stale-version', currentVersion: 2 });
      expect(await auditCount('taxonomy.term.update', local.id)).toBe(1);
      const same = await api.patch(`/taxonomy/terms/${local.id}`, { version: 2, notes: local.notes }).expect(200);
      expect(same.body.version).toBe(2);
    });

    it('lets seeded terms gain aliases and notes but keeps their labels', async () => {
      const yodok = await termByCode('facility', 'kwanliso-15');
      const refused = await api
        .patch(`/taxonomy/terms/${yodok.id}`, { version: yodok.version, labelEn: 'Renamed', aliases: ['x'] })
        .expect(400);
      expect(fieldsOf(refused.body)).toEqual(['labelEn']);
      const res = await api
        .patch(`/taxonomy/terms/${yodok.id}`, { version: yodok.version, aliases: [...yodok.aliases, 'Yodok camp'] })
        .expect(200);
      expect(res.body.version).toBe(yodok.version + 1);
      const found = await api.get('/taxonomy/lookup?q=yodeok%20camp').expect(200);
      expect(found.body.matches.map((m: { term: { code: string } }) => m.term.code)).toEqual(['kwanliso-15']);
    });
  });

  describe('deprecation', () => {
    it('keeps a deprecated term readable by id, hidden from trees and lookups unless asked for', async () => {
      const term = await termByCode('facility', 'kwanliso-13');
      const res = await api
        .post(`/taxonomy/terms/${term.id}/deprecate`, { version: term.version, reason: 'merged into another record' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'deprecated', deprecatedReason: 'merged into another record' });
      expect(res.body.deprecatedAt).toEqual(expect.any(String));
      expect(await auditCount('taxonomy.term.deprecate', term.id)).toBe(1);

      expect((await api.get(`/taxonomy/terms/${term.id}`).expect(200)).body).toMatchObject({ status: 'deprecated' });
      expect(flatten(await tree('facility')).map((n) => n.code)).not.toContain('kwanliso-13');
      expect(flatten(await tree('facility', '?includeDeprecated=true')).map((n) => n.code)).toContain('kwanliso-13');
      expect((await api.get('/taxonomy/lookup?q=Changpyong').expect(200)).body.matches).toEqual([]);
      const withOld = await api.get('/taxonomy/lookup?q=Changpyong&includeDeprecated=true').expect(200);
      expect(withOld.body.matches[0]).toMatchObject({ term: { code: 'kwanliso-13', status: 'deprecated' } });

      await api
        .post(`/taxonomy/terms/${term.id}/deprecate`, { version: term.version + 1, reason: 'again' })
        .expect(409);
    });

    it('refuses to deprecate a category whose sub-terms are still active', async () => {
      const d = await termByCode('coi-violation', 'D');
      const res = await api.post(`/taxonomy/terms/${d.id}/deprecate`, { version: d.version, reason: 'x' }).expect(409);
      expect(res.body.detail).toContain('active sub-terms');
    });

    it('never deletes a term, even in SQL', async () => {
      const term = await termByCode('facility', 'kwanliso-13');
      await expect(db.query(`DELETE FROM taxonomy_terms WHERE id = $1`, [term.id])).rejects.toThrow(/never deleted/);
    });
  });

  it('documents every taxonomy route in the OpenAPI document', async () => {
    const doc = await t.http().get('/api/openapi.json').expect(200);
    expect(
      Object.keys(doc.body.paths)
        .filter((p) => p.startsWith('/taxonomy'))
        .sort(),
    ).toEqual([
      '/taxonomy',
      '/taxonomy/lookup',
      '/taxonomy/terms/{id}',
      '/taxonomy/terms/{id}/deprecate',
      '/taxonomy/terms/{id}/descendants',
      '/taxonomy/{scheme}',
      '/taxonomy/{scheme}/terms',
    ]);
    const update = doc.body.components.schemas.UpdateTermDto;
    expect(update.required).toEqual(['version']);
    expect(Object.keys(update.properties)).toEqual(expect.arrayContaining(['labelEn', 'aliases', 'version']));
    expect(Object.keys(update.properties)).not.toContain('code');
  });

  it('answers every taxonomy route in exactly the shape its OpenAPI response schema describes', async () => {
    const doc = (await t.http().get('/api/openapi.json').expect(200)).body as OpenApiDocument;
    const shapeOf = async (method: string, path: string, response: Promise<{ status: number; body: unknown }>) => {
      const { status, body } = await response;
      return {
        route: `${method.toUpperCase()} ${path}`,
        status,
        problems: responseMismatches(doc, method, path, status, body),
      };
    };
    const created = await api
      .post('/taxonomy/facility/terms', {
        code: 'schema-check-1',
        labelEn: 'Schema check site',
        labelKo: '형식 점검',
        aliases: ['Schema check'],
        attributes: { facilityType: 'unknown' },
      })
      .expect(201);
    const id = created.body.id as string;
    const e = await termByCode('coi-violation', 'E');
    const suggested = await api.get('/taxonomy/lookup?q=Schema%20check%20sites').expect(200);
    expect(suggested.body.suggestions.length).toBeGreaterThan(0);

    const results = [
      await shapeOf('post', '/taxonomy/{scheme}/terms', Promise.resolve(created)),
      await shapeOf('get', '/taxonomy', api.get('/taxonomy')),
      await shapeOf('get', '/taxonomy/{scheme}', api.get('/taxonomy/coi-violation?includeDeprecated=true')),
      await shapeOf('get', '/taxonomy/lookup', api.get('/taxonomy/lookup?q=Yodok')),
      await shapeOf('get', '/taxonomy/lookup', Promise.resolve(suggested)),
      await shapeOf('get', '/taxonomy/terms/{id}', api.get(`/taxonomy/terms/${id}`)),
      await shapeOf('get', '/taxonomy/terms/{id}/descendants', api.get(`/taxonomy/terms/${e.id}/descendants`)),
      await shapeOf('patch', '/taxonomy/terms/{id}', api.patch(`/taxonomy/terms/${id}`, { version: 1, notes: 'n' })),
      await shapeOf(
        'post',
        '/taxonomy/terms/{id}/deprecate',
        api.post(`/taxonomy/terms/${id}/deprecate`, { version: 2, reason: 'schema check done' }),
      ),
    ];
    expect(results.filter((r) => r.status >= 300 || r.problems.length)).toEqual([]);

    // The check itself can fail: a field the schema does not describe, a wrong type, a null.
    const term = created.body as Record<string, unknown>;
    expect(responseMismatches(doc, 'get', '/taxonomy/terms/{id}', 200, { ...term, extra: 1 })).toEqual([
      '$.extra: not described',
    ]);
    expect(responseMismatches(doc, 'get', '/taxonomy/terms/{id}', 200, { ...term, version: '1', code: null })).toEqual([
      '$.code: null, not described as nullable',
      '$.version: "1" is not number',
    ]);
  });

  describe('bad input and unknown names', () => {
    it.each([
      ['POST', '/taxonomy/facility/terms', { code: 'ok-1' }, ['labelEn']],
      ['POST', '/taxonomy/facility/terms', { code: 'bad code!', labelEn: 'x' }, ['code']],
      ['POST', '/taxonomy/facility/terms', { code: 'ok-5', labelEn: '   ' }, ['labelEn']],
      ['POST', '/taxonomy/facility/terms', { code: 'ok-2', labelEn: 'x', aliases: 'Yodok' }, ['aliases']],
      ['POST', '/taxonomy/facility/terms', { code: 'ok-3', labelEn: 'x', parentId: 'nope' }, ['parentId']],
      ['POST', '/taxonomy/facility/terms', { code: 'ok-4', labelEn: 'x', origin: 'seed' }, ['origin']],
      ['GET', '/taxonomy/lookup', undefined, ['q']],
      ['GET', '/taxonomy/lookup?q=x&scheme=nope', undefined, ['scheme']],
      ['GET', '/taxonomy/lookup?q=...', undefined, ['q']],
      ['GET', '/taxonomy/facility?includeDeprecated=yes', undefined, ['includeDeprecated']],
      ['GET', '/taxonomy/terms/not-a-uuid', undefined, ['id']],
    ])('%s %s answers 400 naming the field', async (method, path, body, fields) => {
      const res = method === 'GET' ? await api.get(path) : await api.post(path, body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(fields));
    });

    it('answers PATCH and deprecate bodies without a version with 400', async () => {
      const term = await termByCode('facility', 'kwanliso-14');
      expect(fieldsOf((await api.patch(`/taxonomy/terms/${term.id}`, { notes: 'x' }).expect(400)).body)).toContain(
        'version',
      );
      const cleared = await api
        .patch(`/taxonomy/terms/${term.id}`, { version: term.version, labelEn: null })
        .expect(400);
      expect(fieldsOf(cleared.body)).toEqual(['labelEn']);
      const blank = await api.patch(`/taxonomy/terms/${term.id}`, { version: term.version, labelEn: '' }).expect(400);
      expect(fieldsOf(blank.body)).toContain('labelEn');
      const noReason = await api.post(`/taxonomy/terms/${term.id}/deprecate`, { version: 1 }).expect(400);
      expect(fieldsOf(noReason.body)).toContain('reason');
      const blankReason = await api
        .post(`/taxonomy/terms/${term.id}/deprecate`, { version: 1, reason: '  ' })
        .expect(400);
      expect(fieldsOf(blankReason.body)).toEqual(['reason']);
    });

    it.each([
      ['GET', '/taxonomy/no-such-scheme', undefined],
      ['POST', '/taxonomy/no-such-scheme/terms', { code: 'x-9', labelEn: 'X' }],
      ['GET', `/taxonomy/terms/${randomUUID()}`, undefined],
      ['GET', `/taxonomy/terms/${randomUUID()}/descendants`, undefined],
      ['PATCH', `/taxonomy/terms/${randomUUID()}`, { version: 1, notes: 'x' }],
      ['POST', `/taxonomy/terms/${randomUUID()}/deprecate`, { version: 1, reason: 'r' }],
    ])('%s %s answers 404', async (method, path, body) => {
      const res =
        method === 'GET'
          ? await api.get(path)
          : method === 'PATCH'
            ? await api.patch(path, body)
            : await api.post(path, body);
      expect(res.status).toBe(404);
      expect(res.body.type).toBe('urn:sillok:problem:not-found');
    });
  });
});
