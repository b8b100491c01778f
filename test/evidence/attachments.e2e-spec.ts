import { createHash, randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { AttachmentIngestService } from '@sillok/evidence';
import { bearer, loginAllRoles, type LoggedInUser, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { countRows, makeTestimony } from './attachment-fixtures.js';
import { MIB, generatedBytes } from './generated-bytes.js';
import { streamUpload } from './multipart-upload.js';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(200_000)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(1000)]);
const KOREAN_NAME = '요덕 수용소 지도.pdf';
const LIMIT = 8 * MIB;

async function storedFiles(t: TestApp): Promise<string[]> {
  const root = join(t.settings.SILLOK_DATA_DIR, 'objects');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('attachments (filesystem store)', () => {
  let t: TestApp;
  let as: RoleLogins;
  let outsider: LoggedInUser;
  let caseA: string;
  let testimonyA: string;
  let testimonyB: string;

  const upload = (user: LoggedInUser, path: string, fields: Record<string, string>, bytes: Buffer, name = 'a.bin') =>
    streamUpload(t, path, user.token, fields, { stream: Readable.from([bytes]), fileName: name });
  const PDF_FIELDS = { kind: 'drawing', description: '수용소 배치도', language: 'ko' };
  /** The first test's PDF, uploaded to a new testimony of case A: each test that reads it makes its own. */
  async function aPdf(): Promise<{ testimony: string; pdf: { id: string; sha256: string } }> {
    const testimony = await makeTestimony(t, as.investigator, caseA);
    const res = await upload(as.investigator, `/testimonies/${testimony}/attachments`, PDF_FIELDS, PDF, KOREAN_NAME);
    if (res.status !== 201) throw new Error(`uploading failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { testimony, pdf: res.body as { id: string; sha256: string } };
  }
  const download = (user: LoggedInUser, id: string) =>
    t
      .http()
      .get(`/attachments/${id}/content`)
      .set(bearer(user))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
  const REDACTED_FIELDS = {
    kind: 'drawing',
    derivation: 'redacted',
    reason: 'names of guards removed for publication',
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { UPLOAD_MAX_BYTES: String(LIMIT) } });
    as = await loginAllRoles(t);
    ({ caseA, otherLead: outsider } = await createTwoCases(t, as));
    testimonyA = await makeTestimony(t, as.investigator, caseA);
    const caseB = (await t.http().get('/cases').set(bearer(outsider))).body.items?.[0]?.id as string;
    testimonyB = await makeTestimony(t, outsider, caseB);
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores an upload byte-exact with the SHA-256 of the bytes sent and the detected type', async () => {
    const res = await upload(as.investigator, `/testimonies/${testimonyA}/attachments`, PDF_FIELDS, PDF, KOREAN_NAME);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ownerType: 'testimony',
      ownerId: testimonyA,
      caseId: caseA,
      originalFileName: KOREAN_NAME,
      detectedMediaType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      md5: createHash('md5').update(PDF).digest('hex'),
      kind: 'drawing',
      language: 'ko',
      derivedFrom: null,
    });
    const pdf = res.body as { id: string; sha256: string };

    const downloaded = await download(as.legal_reviewer, pdf.id);
    expect(downloaded.status).toBe(200);
    expect(Buffer.compare(downloaded.body as Buffer, PDF)).toBe(0);
    const digest = Buffer.from(pdf.sha256, 'hex').toString('base64');
    expect(downloaded.headers['repr-digest']).toBe(`sha-256=:${digest}:`);
    expect(downloaded.headers['digest']).toBe(`SHA-256=${digest}`);
    expect(downloaded.headers['content-disposition']).toBe(
      `attachment; filename="__ ___ __.pdf"; filename*=UTF-8''${encodeURIComponent(KOREAN_NAME)}`,
    );
  });

  it('serves ranges (206) and answers 416 past the end', async () => {
    const { pdf } = await aPdf();
    const part = await t
      .http()
      .get(`/attachments/${pdf.id}/content`)
      .set(bearer(as.investigator))
      .set('Range', 'bytes=0-7');
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-7/${PDF.length}`);
    expect(Buffer.from(part.text ?? part.body, 'latin1').toString('latin1')).toBe('%PDF-1.7');
    const suffix = await t
      .http()
      .get(`/attachments/${pdf.id}/content`)
      .set(bearer(as.investigator))
      .set('Range', 'bytes=-5');
    expect(suffix.headers['content-range']).toBe(`bytes ${PDF.length - 5}-${PDF.length - 1}/${PDF.length}`);
    const past = await t
      .http()
      .get(`/attachments/${pdf.id}/content`)
      .set(bearer(as.investigator))
      .set('Range', `bytes=${PDF.length}-`);
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${PDF.length}`);
    // The one problem format, like every other error.
    expect(past.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(past.text)).toMatchObject({
      type: 'urn:sillok:problem:range-not-satisfiable',
      status: 416,
      instance: `/attachments/${pdf.id}/content`,
      requestId: past.headers['x-request-id'],
    });
  });

  it('lists and describes attachments; analysts see metadata but may not download', async () => {
    const { testimony, pdf } = await aPdf();
    const list = await t.http().get(`/testimonies/${testimony}/attachments`).set(bearer(as.analyst));
    expect(list.status).toBe(200);
    expect(list.body.map((a: { id: string }) => a.id)).toEqual([pdf.id]);
    expect((await t.http().get(`/attachments/${pdf.id}`).set(bearer(as.analyst))).body.sha256).toBe(pdf.sha256);
    expect((await t.http().get(`/attachments/${pdf.id}/content`).set(bearer(as.analyst))).status).toBe(403);
    expect((await t.http().get(`/attachments/${pdf.id}/content`).set(bearer(as.auditor))).status).toBe(403);
    expect((await t.http().get(`/attachments/${pdf.id}/content`)).status).toBe(401);
    const refused = await upload(as.analyst, `/testimonies/${testimony}/attachments`, { kind: 'other' }, PDF);
    expect(refused.status).toBe(403);
  });

  it('links a redacted copy to its original; the reason is required', async () => {
    const { testimony, pdf } = await aPdf();
    const path = `/attachments/${pdf.id}/derivatives`;
    const missing = await upload(as.investigator, path, { kind: 'drawing', derivation: 'redacted' }, PDF);
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.map((e) => e.field)).toContain('reason');
    const copy = Buffer.from('%PDF-1.7 redacted');
    const res = await upload(as.investigator, path, REDACTED_FIELDS, copy, 'redacted.pdf');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ derivedFrom: pdf.id, derivation: 'redacted', ownerId: testimony });
    const original = await t.http().get(`/attachments/${pdf.id}`).set(bearer(as.investigator));
    expect(original.body.sha256).toBe(pdf.sha256);
  });

  it('records the chain of custody from the audit trail', async () => {
    // Uploaded, downloaded, and a redacted copy derived from it, as the tests above do.
    const { pdf } = await aPdf();
    expect((await download(as.legal_reviewer, pdf.id)).status).toBe(200);
    const derived = await upload(
      as.investigator,
      `/attachments/${pdf.id}/derivatives`,
      REDACTED_FIELDS,
      Buffer.from('%PDF-1.7 redacted'),
      'redacted.pdf',
    );
    expect(derived.status).toBe(201);
    const custody = await t.http().get(`/attachments/${pdf.id}/custody`).set(bearer(as.coordinator));
    expect(custody.status).toBe(200);
    const actions = custody.body.map((e: { action: string }) => e.action);
    expect(actions[0]).toBe('attachment.upload');
    expect(actions).toEqual(expect.arrayContaining(['attachment.download', 'attachment.derive']));
    expect((await t.http().get(`/attachments/${pdf.id}/fixity`).set(bearer(as.coordinator))).body).toEqual([]);
  });

  it('refuses bad form fields naming the field, and fields after the file', async () => {
    const bad = await upload(
      as.investigator,
      `/testimonies/${testimonyA}/attachments`,
      { kind: 'poem', language: 'Korean!' },
      PDF,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['kind', 'language']));
    const extra = await upload(
      as.investigator,
      `/testimonies/${testimonyA}/attachments`,
      { kind: 'other', secret: 'x' },
      PDF,
    );
    expect(extra.status).toBe(400);
    expect(extra.body.errors?.map((e) => e.field)).toContain('secret');
    const late = await t
      .http()
      .post(`/testimonies/${testimonyA}/attachments`)
      .set(bearer(as.investigator))
      .attach('file', PDF, 'late.pdf')
      .field('kind', 'other');
    expect(late.status).toBe(400);
    expect(late.body.errors.map((e: { field: string }) => e.field)).toEqual(['kind']);
  });

  it('answers 404 for ids in another case on every route', async () => {
    const fromB = await upload(outsider, `/testimonies/${testimonyB}/attachments`, { kind: 'other' }, PDF);
    expect(fromB.status).toBe(201);
    const id = fromB.body.id as string;
    for (const path of [
      `/attachments/${id}`,
      `/attachments/${id}/content`,
      `/attachments/${id}/fixity`,
      `/attachments/${id}/custody`,
      `/testimonies/${testimonyB}/attachments`,
    ]) {
      expect([path, (await t.http().get(path).set(bearer(as.coordinator))).status]).toEqual([path, 404]);
    }
    for (const path of [`/testimonies/${testimonyB}/attachments`, `/attachments/${id}/derivatives`]) {
      const res = await upload(as.coordinator, path, { kind: 'other', derivation: 'other', reason: 'xyz' }, PDF);
      expect([path, res.status]).toEqual([path, 404]);
    }
  });

  it('attaches files to a case itself, listed under the case', async () => {
    const res = await upload(
      as.coordinator,
      `/cases/${caseA}/attachments`,
      { kind: 'satellite_image' },
      PNG,
      'camp.png',
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ownerType: 'case',
      ownerId: caseA,
      caseId: caseA,
      detectedMediaType: 'image/png',
    });
    const list = await t.http().get(`/cases/${caseA}/attachments`).set(bearer(as.analyst));
    expect(list.body.map((a: { id: string }) => a.id)).toEqual([res.body.id]);
  });

  it('attaches files to an incident, listed under the incident; an incident of another case is 404', async () => {
    const incident = await t
      .http()
      .post('/incidents')
      .set(bearer(as.investigator))
      .send({ caseId: caseA, title: 'Public execution at Yodok, circa 1997' });
    expect(incident.status).toBe(201);
    const res = await upload(
      as.investigator,
      `/incidents/${incident.body.id}/attachments`,
      { kind: 'satellite_image' },
      PNG,
      'yodok-1997.png',
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ownerType: 'incident', ownerId: incident.body.id, caseId: caseA });
    const list = await t.http().get(`/incidents/${incident.body.id}/attachments`).set(bearer(as.analyst));
    expect(list.body.map((a: { id: string }) => a.id)).toEqual([res.body.id]);

    const caseB = (await t.http().get('/cases').set(bearer(outsider))).body.items?.[0]?.id as string;
    const theirs = await t.http().post('/incidents').set(bearer(outsider)).send({ caseId: caseB, title: 'Theirs' });
    const intoTheirs = await upload(as.coordinator, `/incidents/${theirs.body.id}/attachments`, { kind: 'other' }, PNG);
    expect(intoTheirs.status).toBe(404);
    expect((await t.http().get(`/incidents/${theirs.body.id}/attachments`).set(bearer(as.coordinator))).status).toBe(
      404,
    );
  });

  it('answers 401 without a token and 400 when the file part is missing', async () => {
    const anonymous = await upload(
      { token: 'not-a-token' } as LoggedInUser,
      `/cases/${caseA}/attachments`,
      { kind: 'other' },
      PNG,
    );
    expect(anonymous.status).toBe(401);
    const noFile = await t
      .http()
      .post(`/cases/${caseA}/attachments`)
      .set(bearer(as.coordinator))
      .field('kind', 'other');
    expect(noFile.status).toBe(400);
    expect(noFile.body.errors.map((e: { field: string }) => e.field)).toEqual(['file']);
    const notMultipart = await t
      .http()
      .post(`/cases/${caseA}/attachments`)
      .set(bearer(as.coordinator))
      .send({ kind: 'other' });
    expect(notMultipart.status).toBe(415);
  });

  it('refuses an upload over the limit with 413 before reading it whole, leaving nothing', async () => {
    const [rows, files] = [await countRows(t, 'attachments'), await storedFiles(t)];
    const endless = generatedBytes(Infinity);
    const res = await streamUpload(
      t,
      `/testimonies/${testimonyA}/attachments`,
      as.investigator.token,
      { kind: 'other' },
      {
        stream: endless.stream,
        fileName: 'big.bin',
      },
    );
    expect(res.status).toBe(413);
    expect(endless.produced()).toBeLessThan(LIMIT + 32 * MIB);
    expect(await countRows(t, 'attachments')).toBe(rows);
    expect(await storedFiles(t)).toEqual(files);
  });

  it('leaves no row and no object when the client aborts halfway', async () => {
    const [rows, files] = [await countRows(t, 'attachments'), await storedFiles(t)];
    // The client hears nothing (it left): wait for the server's own handling of the upload to
    // settle (it undoes what it began before it settles), not for some time to pass.
    const service = t.app.get(AttachmentIngestService);
    const upload = service.upload.bind(service);
    // The cut comes once the server is ingesting: a client that leaves before its request reaches
    // the handler (guards still querying) would test nothing (a flaky CI run once did just that).
    let began!: () => void;
    const ingesting = new Promise<void>((resolve) => (began = resolve));
    const ingest = jest.spyOn(service, 'upload').mockImplementation((...args) => {
      began();
      return upload(...args);
    });
    const res = await streamUpload(
      t,
      `/testimonies/${testimonyA}/attachments`,
      as.investigator.token,
      { kind: 'other' },
      { stream: generatedBytes(6 * MIB).stream, fileName: 'half.bin' },
      { abortAfter: 3 * MIB, abortWhen: ingesting },
    );
    expect(res.status).toBe(0);
    expect(ingest).toHaveBeenCalledTimes(1);
    // A cut body is the client's doing: a refusal of the file field (400), whichever of the
    // socket or the parser noticed first.
    await expect(ingest.mock.results[0].value).rejects.toMatchObject({ extensions: { errors: [{ field: 'file' }] } });
    ingest.mockRestore();
    expect(await countRows(t, 'attachments')).toBe(rows);
    expect(await storedFiles(t)).toEqual(files);
  });
});
