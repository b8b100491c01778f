import { readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { captureLogs, failEachTestOnErrorLogs } from '../support/log-capture.js';
import { rawRequest } from '../support/raw-http.js';
import {
  objectsAndUploads,
  s3AppEnv,
  s3Inspector,
  startS3TestServer,
  type S3TestServer,
} from '../support/s3-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { countRows, makeTestimony } from '../evidence/attachment-fixtures.js';
import { streamUpload } from '../evidence/multipart-upload.js';

const LIMIT = 64 * 1024;
const BOUNDARY = 'zz';
const NOWHERE = '00000000-0000-4000-8000-000000000000';

const part = (name: string, value: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const fileHead = (fileName: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
  'Content-Type: text/csv\r\n\r\n';
const closing = `\r\n--${BOUNDARY}--\r\n`;

/**
 * Multipart bodies that a broken or hostile client sends, to every multipart route: each must
 * answer 4xx problem+json, write no row and leave no file or open descriptor, and the process
 * must keep serving. (A cut body used to kill the API with an unhandled busboy 'error'.)
 */
describe.each([['filesystem'], ['s3']])('hostile multipart bodies (%s store)', (store) => {
  const logs = captureLogs();
  // None of what the tests send may be answered with a 500.
  failEachTestOnErrorLogs(logs);
  let s3: S3TestServer | undefined;
  let t: TestApp;
  let as: RoleLogins;
  let routes: Array<{
    name: string;
    path: string;
    fields: string;
    fieldValues: Record<string, string>;
    fileName: string;
  }>;

  const objectsDir = () => join(t.settings.SILLOK_DATA_DIR, 'objects');
  const storedFiles = async () =>
    (await readdir(objectsDir(), { recursive: true, withFileTypes: true }).catch(() => []))
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
  /** Descriptors this process holds open on files under the data directory. */
  const openDataFiles = async () => {
    const links = await Promise.all(
      (await readdir('/proc/self/fd')).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')),
    );
    return links.filter((target) => target.startsWith(t.settings.SILLOK_DATA_DIR));
  };
  const written = async () => ({
    attachments: await countRows(t, 'attachments'),
    witnesses: await countRows(t, 'witnesses'),
    files: await storedFiles(),
    // Objects and unfinished multipart uploads in the bucket.
    s3: s3 ? await objectsAndUploads(s3Inspector(s3), s3.bucket) : [],
  });

  beforeAll(async () => {
    s3 = store === 's3' ? await startS3TestServer() : undefined;
    t = await startTestApp({
      env: { UPLOAD_MAX_BYTES: String(LIMIT), ...(s3 ? s3AppEnv(s3) : {}) },
      logDestination: logs.stream,
    });
    as = await loginAllRoles(t);
    const { caseA } = await createTwoCases(t, as);
    const testimony = await makeTestimony(t, as.investigator, caseA);
    const incident = await t
      .http()
      .post('/incidents')
      .set(bearer(as.investigator))
      .send({ caseId: caseA, title: 'Hostile input incident' });
    const original = await streamUpload(
      t,
      `/testimonies/${testimony}/attachments`,
      as.investigator.token,
      { kind: 'document' },
      { stream: Readable.from([Buffer.from('original bytes')]), fileName: 'original.txt' },
    );
    expect([incident.status, original.status]).toEqual([201, 201]);
    const route = (name: string, path: string, fieldValues: Record<string, string>, fileName = 'a.txt') => ({
      name,
      path,
      fieldValues,
      fields: Object.entries(fieldValues)
        .map(([field, value]) => part(field, value))
        .join(''),
      fileName,
    });
    const kind = { kind: 'document' };
    routes = [
      route('import', `/cases/${caseA}/imports?type=witnesses`, {}, 't.csv'),
      route('case attachment', `/cases/${caseA}/attachments`, kind),
      route('testimony attachment', `/testimonies/${testimony}/attachments`, kind),
      route('incident attachment', `/incidents/${incident.body.id}/attachments`, kind),
      route('derivative', `/attachments/${original.body.id as string}/derivatives`, {
        ...kind,
        derivation: 'redacted',
        reason: 'faces blurred',
      }),
    ];
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  const send = (path: string, body: string | Buffer, headers: Record<string, string> = {}, hangUp = false) =>
    rawRequest(t, {
      hangUp,
      method: 'POST',
      path,
      headers: {
        authorization: `Bearer ${as.investigator.token}`,
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        ...headers,
      },
      body,
    });

  const bodies: Array<[string, number, (r: { fields: string; fileName: string }) => string | Buffer]> = [
    [
      'a body cut inside the file part (no closing boundary)',
      400,
      (r) => r.fields + fileHead(r.fileName) + 'external_id\nx',
    ],
    ['a body cut inside a part header', 400, (r) => r.fields + '--zz\r\nContent-Disposition: form-da'],
    ['a body cut inside a field', 400, (r) => r.fields + '--zz\r\nContent-Disposition: form-data; name="x"\r\n\r\nabc'],
    ['a body with no boundary at all', 400, () => 'external_id\nx\n'],
    ['a part with no header block', 400, (r) => r.fields + '--zz\r\nnot a header at all\r\n\r\nbytes' + closing],
    [
      'two file parts',
      400,
      (r) =>
        r.fields + fileHead(r.fileName) + 'external_id\nx' + '\r\n' + fileHead('b.csv') + 'external_id\ny' + closing,
    ],
    [
      'a file part not named file',
      400,
      (r) => r.fields + fileHead(r.fileName).replace('"file"', '"other"') + 'x' + closing,
    ],
    [
      'a field over 16 KiB',
      400,
      (r) => part('description', 'x'.repeat(20 * 1024)) + r.fields + fileHead(r.fileName) + 'x' + closing,
    ],
    ['binary garbage', 400, () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
  ];

  it.each(bodies)(
    '%s: every multipart route answers problem+json and nothing is written',
    async (_what, status, body) => {
      const before = await written();
      for (const route of routes) {
        const res = await send(route.path, body(route));
        expect({ route: route.name, status: res.status, type: res.headers['content-type'] }).toEqual({
          route: route.name,
          status,
          type: expect.stringContaining('application/problem+json'),
        });
        expect(res.json).toMatchObject({ status, requestId: expect.any(String), instance: expect.any(String) });
        expect(await written()).toEqual(before);
        expect(await openDataFiles()).toEqual([]);
      }
      expect((await t.http().get('/health')).status).toBe(200);
    },
  );

  it('a file over the upload limit answers 413 on every attachment route, leaving nothing', async () => {
    const before = await written();
    for (const route of routes.filter((r) => r.name !== 'import')) {
      const res = await streamUpload(t, route.path, as.investigator.token, route.fieldValues, {
        stream: Readable.from([Buffer.alloc(LIMIT + 1, 'y')]),
        fileName: route.fileName,
      });
      expect({ route: route.name, status: res.status }).toEqual({ route: route.name, status: 413 });
      expect(await written()).toEqual(before);
      expect(await openDataFiles()).toEqual([]);
    }
  });

  it('a body shorter than its Content-Length, then closed, leaves nothing and the server serves on', async () => {
    const before = await written();
    for (const route of routes) {
      const body = route.fields + fileHead(route.fileName) + 'external_id\nx';
      await send(route.path, body, { 'content-length': String(Buffer.byteLength(body) + 1000) }, true).catch(
        () => undefined,
      );
    }
    expect((await t.http().get('/health')).status).toBe(200);
    await eventually(async () => expect(await written()).toEqual(before));
    await eventually(async () => expect(await openDataFiles()).toEqual([]));
  });

  it('the import route checks case access before reading the body: 404 for a case the user cannot see', async () => {
    for (const caseId of [NOWHERE]) {
      const truncated = await send(`/cases/${caseId}/imports?type=witnesses`, fileHead('t.csv') + 'external_id\nx');
      expect(truncated.status).toBe(404);
      // A body never sent at all: the answer comes without it.
      const unsent = await rawRequest(t, {
        method: 'POST',
        path: `/cases/${caseId}/imports?type=witnesses`,
        headers: {
          authorization: `Bearer ${as.investigator.token}`,
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
          'content-length': '100000',
        },
      });
      expect(unsent.status).toBe(404);
    }
    expect((await t.http().get('/health')).status).toBe(200);
  });
});

/** Retries an assertion about cleanup that follows a client's abort (there is no answer to wait for). */
async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
