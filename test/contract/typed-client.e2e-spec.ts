import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import createClient, { type Client } from 'openapi-fetch';
import { Role } from '@sillok/auth';
import { createUser, FIXTURE_PASSWORD, loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { ROOT } from '../support/processes.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import type { paths } from '../../apps/web/src/api/schema.js';
import { DEFAULT_TYPES_FILE, generateApiTypes } from '../../scripts/api-types.mjs';

/**
 * The generated types (npm run api:types, committed as the web client's apps/web/src/api/schema.d.ts)
 * used the way the web client uses them: through openapi-fetch, without a single cast. The first test
 * fails when the committed file no longer matches the served document. `npm run typecheck` checks the types; running it checks
 * that the server answers what they say.
 */
describe('the typed client generated from the document', () => {
  let t: TestApp;
  let as: RoleLogins;
  let caseA: string;
  let api: Client<paths>;

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    ({ caseA } = await createTwoCases(t, as));
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    api = createClient<paths>({ baseUrl: `http://127.0.0.1:${port}` });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('are the committed file the running document generates (else run npm run api:types)', async () => {
    const served = (await t.http().get('/api/openapi.json').expect(200)).body as object;
    const committed = readFileSync(join(ROOT, DEFAULT_TYPES_FILE), 'utf8');
    expect(committed === (await generateApiTypes(served))).toBe(true);
  });

  const auth = (who: Role) => ({ authorization: `Bearer ${as[who].token}` });

  it('logs in and narrows the answer by status', async () => {
    const user = await createUser(t, Role.Investigator);
    const { data, error } = await api.POST('/auth/login', { body: { email: user.email, password: FIXTURE_PASSWORD } });
    expect(error).toBeUndefined();
    if (data?.status !== 'authenticated') throw new Error(`expected tokens, got ${JSON.stringify(data)}`);
    expect(data.tokenType).toBe('Bearer');
    expect([typeof data.refreshToken, typeof data.sessionId, typeof data.mustChangePassword]).toEqual([
      'string',
      'string',
      'boolean',
    ]);

    const wrong = await api.POST('/auth/login', { body: { email: user.email, password: 'not the password at all' } });
    expect(wrong.response.status).toBe(401);
    expect(wrong.error?.type).toBe('urn:sillok:problem:unauthenticated');
  });

  it('records an abductee with null fields and reads problem details on a stale version', async () => {
    const created = await api.POST('/abductees', {
      headers: auth(Role.Investigator),
      body: { caseId: caseA, nationality: null, abductedFrom: '1978-08-12', lastSeenPlace: null, statusTermId: null },
    });
    expect(created.response.status).toBe(201);
    const abductee = created.data!;
    expect(abductee.nationality).toBeNull();

    const stale = await api.PATCH('/abductees/{id}', {
      headers: auth(Role.Investigator),
      params: { path: { id: abductee.id } },
      body: { version: abductee.version + 5, abductionPlace: null },
    });
    expect(stale.response.status).toBe(409);
    expect(stale.error?.currentVersion).toBe(abductee.version);
  });

  it('imports a CSV file and uploads an attachment that downloads by ranges', async () => {
    const imported = await api.POST('/cases/{id}/imports', {
      headers: { ...auth(Role.Investigator), 'content-type': 'text/csv' },
      params: { path: { id: caseA }, query: { type: 'witnesses' } },
      body: 'external_id,sex\nTC-1,female\n',
      bodySerializer: (csv) => csv,
    });
    expect(imported.response.status).toBe(201);
    expect(imported.data?.created).toBe(1);

    const bytes = new TextEncoder().encode('0123456789');
    const uploaded = await api.POST('/cases/{id}/attachments', {
      headers: auth(Role.Investigator),
      params: { path: { id: caseA } },
      body: { kind: 'document', file: 'evidence.txt' },
      bodySerializer: (fields) => {
        const form = new FormData();
        form.append('kind', fields.kind);
        form.append('file', new Blob([bytes], { type: 'text/plain' }), String(fields.file));
        return form;
      },
    });
    expect(uploaded.response.status).toBe(201);
    const id = uploaded.data!.id;

    const part = await api.GET('/attachments/{id}/content', {
      headers: auth(Role.Investigator),
      params: { path: { id }, header: { Range: 'bytes=2-4' } },
      parseAs: 'text',
    });
    expect([part.response.status, part.data, part.response.headers.get('content-range')]).toEqual([
      206,
      '234',
      'bytes 2-4/10',
    ]);
    const past = await api.GET('/attachments/{id}/content', {
      headers: auth(Role.Investigator),
      params: { path: { id }, header: { Range: 'bytes=50-60' } },
    });
    expect([past.response.status, past.error?.status]).toEqual([416, 416]);
  });

  it('reads patterns as JSON rows with nullable facility and agency, and as CSV text', async () => {
    const json = await api.GET('/search/patterns', {
      headers: auth(Role.Analyst),
      params: { query: { caseId: caseA, by: ['facility'] } },
    });
    expect(json.response.status).toBe(200);
    // The operation answers JSON or CSV, so the type is a union a client narrows.
    if (typeof json.data !== 'object') throw new Error('expected JSON rows');
    const facilityCodes: Array<string | null | undefined> = json.data.rows.map((row) => row.facilityCode);
    expect(Array.isArray(facilityCodes)).toBe(true);

    const csv = await api.GET('/search/patterns', {
      headers: auth(Role.Analyst),
      params: { query: { caseId: caseA, by: ['facility'], format: 'csv' } },
      parseAs: 'text',
    });
    expect(csv.response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(typeof csv.data).toBe('string');
  });
});
