import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'minio';
import { loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import {
  objectsAndUploads as listObjectsAndUploads,
  s3AppEnv,
  s3Inspector,
  startS3TestServer,
  type S3TestServer,
} from '../support/s3-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { countRows, downloadSha256, makeTestimony } from './attachment-fixtures.js';
import { MIB, eventually, generatedBytes } from './generated-bytes.js';
import { streamUpload } from './multipart-upload.js';

describe('attachments (s3 store over the network)', () => {
  let server: S3TestServer;
  let inspector: Client;
  let t: TestApp;
  let as: RoleLogins;
  let testimony: string;

  const objectsAndUploads = () => listObjectsAndUploads(inspector, server.bucket);

  beforeAll(async () => {
    server = await startS3TestServer();
    t = await startTestApp({ env: s3AppEnv(server) });
    inspector = s3Inspector(server);
    as = await loginAllRoles(t);
    const { caseA } = await createTwoCases(t, as);
    testimony = await makeTestimony(t, as.investigator, caseA);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await server?.close();
  });

  it('stores a multipart-sized upload byte-exact and serves it back with the same SHA-256', async () => {
    const bytes = generatedBytes(12 * MIB + 123);
    const res = await streamUpload(
      t,
      `/testimonies/${testimony}/attachments`,
      as.investigator.token,
      { kind: 'other' },
      {
        stream: bytes.stream,
        fileName: 'recording.bin',
      },
    );
    expect(res.status).toBe(201);
    expect(res.body.sha256).toBe(bytes.sha256());
    expect(res.body.size).toBe(12 * MIB + 123);
    const download = await downloadSha256(t, res.body.id as string, as.investigator.token);
    expect(download).toMatchObject({ status: 200, sha256: bytes.sha256(), size: 12 * MIB + 123 });
  }, 60_000);

  it('answers 503 when the store goes down mid-upload and leaves no row and no object', async () => {
    const [rows, before] = [await countRows(t, 'attachments'), await objectsAndUploads()];
    const endless = generatedBytes(Infinity);
    const answer = streamUpload(
      t,
      `/testimonies/${testimony}/attachments`,
      as.investigator.token,
      { kind: 'other' },
      {
        stream: endless.stream,
        fileName: 'cut.bin',
      },
    );
    await eventually(async () => endless.produced() > 11 * MIB);
    await server.stop();
    const res = await answer;
    expect(res.status).toBe(503);
    await server.restart();
    expect(await countRows(t, 'attachments')).toBe(rows);
    // Right after a restart the server may still answer 500 for a moment: keep asking.
    const settled = async () => (await objectsAndUploads().catch(() => undefined))?.length === before.length;
    await eventually(settled, 20_000);
    expect(await objectsAndUploads()).toEqual(before);
  }, 60_000);

  it('answers 507 to an upload onto a full store (small and multipart-sized) and leaves no row and no object', async () => {
    const before = await objectsAndUploads();
    const rows = await countRows(t, 'attachments');
    server.refuseWrites(true);
    try {
      for (const size of [1000, 12 * MIB]) {
        const bytes = generatedBytes(size);
        const res = await streamUpload(
          t,
          `/testimonies/${testimony}/attachments`,
          as.investigator.token,
          { kind: 'other' },
          { stream: bytes.stream, fileName: 'full.bin' },
        );
        expect(res.status).toBe(507);
        expect(res.body.detail).toMatch(/full/);
      }
    } finally {
      server.refuseWrites(false);
    }
    expect(await countRows(t, 'attachments')).toBe(rows);
    await eventually(async () => (await objectsAndUploads()).length === before.length, 20_000);
    expect(await objectsAndUploads()).toEqual(before);
  }, 60_000);

  it('/health writes and removes a probe object, and reports a bucket that refuses writes as down, naming the cause', async () => {
    const before = await objectsAndUploads();
    const up = await t.http().get('/health');
    expect(up.status).toBe(200);
    expect(up.body.components.objectStore).toEqual({ status: 'up' });
    expect(await objectsAndUploads()).toEqual(before);

    server.refuseWrites(true);
    try {
      const full = await t.http().get('/health');
      expect(full.status).toBe(503);
      expect(full.body.components.objectStore).toEqual({
        status: 'down',
        reason: 'the object store is full: no space left for new objects',
      });
      expect(full.body.components.database).toEqual({ status: 'up' });
    } finally {
      server.refuseWrites(false);
    }
    expect((await t.http().get('/health')).status).toBe(200);
    expect(await objectsAndUploads()).toEqual(before);
  });
});
