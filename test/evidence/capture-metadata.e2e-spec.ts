import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { bearer, loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { downloadSha256, makeTestimony } from './attachment-fixtures.js';
import { exifJpeg } from './exif-jpeg.js';
import { streamUpload } from './multipart-upload.js';

const JPEG = exifJpeg(
  {
    make: 'Samsung',
    model: 'SM-G991N',
    dateTimeOriginal: '2018:11:02 14:05:09',
    latitude: { ref: 'N', dms: [41, 45, 36] },
    longitude: { ref: 'E', dms: [129, 43, 12] },
  },
  300 * 1024, // larger than the buffered prefix: the rest must stream through untouched
);
const LATITUDE = 41 + 45 / 60 + 36 / 3600;
const LONGITUDE = 129 + 43 / 60 + 12 / 3600;

describe('capture metadata of attachments', () => {
  let t: TestApp;
  let as: RoleLogins;
  let testimony: string;
  let photoId: string;

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    const { caseA } = await createTwoCases(t, as);
    testimony = await makeTestimony(t, as.investigator, caseA);
    const res = await streamUpload(
      t,
      `/testimonies/${testimony}/attachments`,
      as.investigator.token,
      { kind: 'photo' },
      {
        stream: Readable.from([JPEG]),
        fileName: 'photo.jpg',
      },
    );
    expect(res.status).toBe(201);
    photoId = (res.body as { id: string }).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores the file unchanged: the stored bytes hash to the SHA-256 of what was sent', async () => {
    const sent = createHash('sha256').update(JPEG).digest('hex');
    const got = await downloadSha256(t, photoId, as.legal_reviewer.token);
    expect(got).toMatchObject({ status: 200, sha256: sent, size: JPEG.length });
    const meta = await t.http().get(`/attachments/${photoId}`).set(bearer(as.legal_reviewer));
    expect(meta.body.sha256).toBe(sent);
  });

  it('records the EXIF date, GPS and camera in attachment_capture_metadata', async () => {
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT source, captured_at, gps_latitude, gps_longitude, camera_make, camera_model, raw, errors
           FROM attachment_capture_metadata WHERE attachment_id = $1`,
        [photoId],
      );
      expect(rows).toHaveLength(1);
      const row = rows[0] as Record<string, unknown>;
      expect(row).toMatchObject({ source: 'exif', camera_make: 'Samsung', camera_model: 'SM-G991N', errors: null });
      expect((row.captured_at as Date).toISOString()).toBe('2018-11-02T14:05:09.000Z');
      expect(row.gps_latitude).toBeCloseTo(LATITUDE, 6);
      expect(row.gps_longitude).toBeCloseTo(LONGITUDE, 6);
      expect(row.raw).toMatchObject({ GPSLatitudeRef: 'N' });
    } finally {
      await client.end();
    }
  });

  it('shows the location to a reader who may download, and withholds it from one who may not', async () => {
    const reviewer = await t.http().get(`/attachments/${photoId}`).set(bearer(as.legal_reviewer));
    expect(reviewer.status).toBe(200);
    expect(reviewer.body.captureMetadata).toMatchObject({
      source: 'exif',
      capturedAt: '2018-11-02T14:05:09.000Z',
      cameraMake: 'Samsung',
      gpsWithheld: false,
    });
    expect(reviewer.body.captureMetadata.gpsLatitude).toBeCloseTo(LATITUDE, 6);
    expect(reviewer.body.captureMetadata.gpsLongitude).toBeCloseTo(LONGITUDE, 6);

    const analyst = await t.http().get(`/attachments/${photoId}`).set(bearer(as.analyst));
    expect(analyst.status).toBe(200);
    expect(analyst.body.captureMetadata).toMatchObject({
      capturedAt: '2018-11-02T14:05:09.000Z',
      gpsLatitude: null,
      gpsLongitude: null,
      gpsWithheld: true,
    });
    expect(Object.keys(analyst.body.captureMetadata.raw as object).filter((k) => k.startsWith('GPS'))).toEqual([]);
  });

  it('answers captureMetadata null for a file that carries none, and leaves it out of lists', async () => {
    const res = await streamUpload(
      t,
      `/testimonies/${testimony}/attachments`,
      as.investigator.token,
      { kind: 'document' },
      {
        stream: Readable.from([Buffer.from('%PDF-1.7\nno metadata here')]),
        fileName: 'a.pdf',
      },
    );
    expect(res.status).toBe(201);
    const got = await t
      .http()
      .get(`/attachments/${(res.body as { id: string }).id}`)
      .set(bearer(as.investigator));
    expect(got.body.captureMetadata).toBeNull();
    const list = await t.http().get(`/testimonies/${testimony}/attachments`).set(bearer(as.investigator));
    expect(list.body[0]).not.toHaveProperty('captureMetadata');
  });

  it('describes captureMetadata in the OpenAPI document', async () => {
    const doc = await t.http().get('/api/openapi.json');
    const schemas = doc.body.components.schemas as Record<string, { properties: Record<string, unknown> }>;
    expect(schemas.AttachmentResponse.properties).toHaveProperty('captureMetadata');
    expect(schemas.CaptureMetadataResponse.properties).toHaveProperty('gpsLatitude');
  });
});
