import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { captureLogs, failEachTestOnErrorLogs } from '../support/log-capture.js';
import { rawRequest } from '../support/raw-http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { countRows } from '../evidence/attachment-fixtures.js';
import { createTestimony, createWitness } from '../support/testimony-fixtures.js';

const nested = (depth: number, leaf: unknown): unknown =>
  Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: inner }), leaf);
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/**
 * JSON bodies are read strictly before any DTO code runs: too deep, not UTF-8, or not JSON at
 * all are 4xx problems, and nothing is written. (They used to answer 500, store U+FFFD, or
 * create a witness from a form-encoded body.)
 */
describe('request bodies', () => {
  const logs = captureLogs();
  // None of what the tests send may be answered with a 500.
  failEachTestOnErrorLogs(logs);
  let t: TestApp;
  let as: RoleLogins;
  let caseA: string;

  beforeAll(async () => {
    t = await startTestApp({ logDestination: logs.stream });
    as = await loginAllRoles(t);
    ({ caseA } = await createTwoCases(t, as));
  });
  afterAll(async () => t?.close());

  const post = (path: string, body: string | Buffer, contentType: string, token?: string) =>
    rawRequest(t, {
      method: 'POST',
      path,
      headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
  const problem = (status: number) => ({ status, requestId: expect.any(String), instance: expect.any(String) });

  it('a login with an email nested 3,000 levels deep is a 400 naming the body, unauthenticated', async () => {
    const res = await post(
      '/auth/login',
      JSON.stringify({ email: nested(3000, 'x@example.org'), password: 'whatever' }),
      'application/json',
    );
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json).toMatchObject({
      ...problem(400),
      errors: [{ field: 'body', reason: expect.stringContaining('32') }],
    });
  });

  it('a witness with a 2,000-deep array is a 400 and nothing is written; 32 levels still reach validation', async () => {
    const before = await countRows(t, 'witnesses');
    const witnessWithLanguages = (depth: number) =>
      post(
        '/witnesses',
        `{"caseId":"${caseA}","languages":${deepArray(depth)}}`,
        'application/json',
        as.investigator.token,
      );
    const fieldsOf = (res: { json?: Record<string, unknown> }) =>
      (res.json?.errors as Array<{ field: string }>).map((e) => e.field);
    const deep = await witnessWithLanguages(2000);
    expect(deep.status).toBe(400);
    expect(deep.json).toMatchObject(problem(400));
    // Inside the object, 31 nested arrays make 32 levels: allowed, and refused by validation instead.
    const limit = await witnessWithLanguages(31);
    expect([limit.status, fieldsOf(limit)]).toEqual([400, expect.arrayContaining(['languages'])]);
    const over = await witnessWithLanguages(32);
    expect([over.status, fieldsOf(over)]).toEqual([400, ['body']]);
    expect(await countRows(t, 'witnesses')).toBe(before);
  });

  it('a constructor or __proto__ key anywhere is a 400 naming it (class-transformer threw a TypeError: 500)', async () => {
    const login = await post('/auth/login', '{"email":{"constructor":[]},"password":[]}', 'application/json');
    expect([login.status, login.json?.errors]).toEqual([
      400,
      [{ field: 'email.constructor', reason: 'is a reserved name' }],
    ]);
    const witness = await post(
      '/witnesses',
      `{"caseId":"${caseA}","languages":[{"__proto__":{"admin":true}}]}`,
      'application/json',
      as.investigator.token,
    );
    expect([witness.status, witness.json?.errors]).toEqual([
      400,
      [{ field: 'languages.0.__proto__', reason: 'is a reserved name' }],
    ]);
  });

  it('a JSON array where a record is expected is a 400 naming the body, and nothing is written', async () => {
    const witness = await createWitness(t, as.investigator, caseA);
    const testimony = await createTestimony(t, as.investigator, witness, '수용소에서 강제노동을 했다.');
    const before = await countRows(t, 'testimony_annotations');
    for (const body of ['[]', '[{}]', `[{"kind":"violation"}]`]) {
      const res = await post(`/testimonies/${testimony.id}/tags`, body, 'application/json', as.investigator.token);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.json).toMatchObject({ errors: [{ field: 'body', reason: expect.stringContaining('object') }] });
    }
    expect(await countRows(t, 'testimony_annotations')).toBe(before);
  });

  it('invalid UTF-8 in a JSON body is a 400, never stored as U+FFFD', async () => {
    const before = await countRows(t, 'witnesses');
    const body = Buffer.concat([
      Buffer.from(`{"caseId":"${caseA}","sex":"female","languages":["ko"],"reprisalRiskNote":"`),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"}'),
    ]);
    const res = await post('/witnesses', body, 'application/json', as.investigator.token);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ ...problem(400), errors: [{ field: 'body', reason: 'is not valid UTF-8' }] });
    expect(await countRows(t, 'witnesses')).toBe(before);
  });

  it('JSON in another charset is a 415', async () => {
    const res = await post(
      '/witnesses',
      `{"caseId":"${caseA}"}`,
      'application/json; charset=latin1',
      as.investigator.token,
    );
    expect(res.status).toBe(415);
  });

  it.each([
    ['form-encoded', 'application/x-www-form-urlencoded', `caseId=CASE&sex=female&languages=ko`],
    ['plain text', 'text/plain', `{"caseId":"CASE","sex":"female","languages":["ko"]}`],
    [
      'multipart',
      'multipart/form-data; boundary=zz',
      `--zz\r\nContent-Disposition: form-data; name="caseId"\r\n\r\nCASE\r\n--zz--\r\n`,
    ],
    ['no content type', '', `{"caseId":"CASE","sex":"female","languages":["ko"]}`],
  ])('a %s body on a JSON route is a 415 and writes nothing', async (_what, contentType, body) => {
    const before = await countRows(t, 'witnesses');
    const res = await rawRequest(t, {
      method: 'POST',
      path: '/witnesses',
      headers: {
        authorization: `Bearer ${as.investigator.token}`,
        ...(contentType ? { 'content-type': contentType } : {}),
      },
      body: body.replace('CASE', caseA),
    });
    expect(res.status).toBe(415);
    expect(res.json).toMatchObject({ ...problem(415), type: 'urn:sillok:problem:unsupported-media-type' });
    expect(await countRows(t, 'witnesses')).toBe(before);
  });

  it('a JSON body on a route that takes files is a 415 too; a bodiless POST still needs no type', async () => {
    const upload = await post(
      `/cases/${caseA}/attachments`,
      '{"kind":"document"}',
      'application/json',
      as.investigator.token,
    );
    expect(upload.status).toBe(415);
    const logout = await t.http().post('/auth/logout').set(bearer(as.analyst));
    expect(logout.status).toBeLessThan(300);
  });

  it('a JSON body with a charset parameter is still JSON', async () => {
    const res = await post(
      '/witnesses',
      JSON.stringify({ caseId: caseA, sex: 'female', languages: ['ko'] }),
      'application/json; charset=utf-8',
      as.investigator.token,
    );
    expect(res.status).toBe(201);
  });
});
