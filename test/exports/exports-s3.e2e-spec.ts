import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'minio';
import { DataSource } from 'typeorm';
import { loginAllRoles, requestAs, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import {
  objectsAndUploads as listObjectsAndUploads,
  s3AppEnv,
  s3Inspector,
  startS3TestServer,
  type S3TestServer,
} from '../support/s3-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { MIB, eventually, generatedBytes } from '../evidence/generated-bytes.js';
import { streamUpload } from '../evidence/multipart-upload.js';
import { downloadBundle, run, unzipBag } from './export-fixtures.js';

describe('exports (s3 store over the network)', () => {
  let server: S3TestServer;
  let inspector: Client;
  let t: TestApp;
  let as: RoleLogins;
  let caseA: string;
  let big: { id: string; sha256: string };

  const objectsAndUploads = async () => (await listObjectsAndUploads(inspector, server.bucket)).sort();

  beforeAll(async () => {
    server = await startS3TestServer();
    t = await startTestApp({ env: s3AppEnv(server) });
    inspector = s3Inspector(server);
    as = await loginAllRoles(t);
    ({ caseA } = await createTwoCases(t, as));
    const bytes = generatedBytes(12 * MIB);
    const res = await streamUpload(
      t,
      `/cases/${caseA}/attachments`,
      as.coordinator.token,
      { kind: 'other' },
      {
        stream: bytes.stream,
        fileName: 'recording.bin',
      },
    );
    expect(res.status).toBe(201);
    big = res.body as { id: string; sha256: string };
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await server?.close();
  });

  it('streams the bag into the bucket (multipart) and serves it again, byte-exact and verifiable', async () => {
    const res = await requestAs(t, as.coordinator, 'post', `/cases/${caseA}/exports`, {
      profile: 'internal',
      recipient: 'Special Rapporteur',
    });
    expect(res.status).toBe(201);
    expect(res.body.size).toBeGreaterThan(12 * MIB);
    const zip = await downloadBundle(t, as.coordinator, res.body.id);
    expect(zip.status).toBe(200);
    const bag = unzipBag(zip.body as Buffer);
    expect(bag.files).toContain(`data/attachments/${big.sha256}-recording.bin`);
    expect(run('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], bag.root).status).toBe(0);
    rmSync(join(bag.root, '..', '..'), { recursive: true, force: true });
  }, 120_000);

  it('stops on an object whose bytes changed in the bucket, leaving no bag and no incomplete upload', async () => {
    const [row] = await t.app.get(DataSource).query(`SELECT object_key FROM attachments WHERE id = $1`, [big.id]);
    const key = row.object_key as string;
    const before = await objectsAndUploads();
    const exportsBefore = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM case_exports`);
    await inspector.putObject(server.bucket, key, Readable.from([Buffer.from('changed behind our back')]));
    const res = await requestAs(t, as.coordinator, 'post', `/cases/${caseA}/exports`, {
      profile: 'internal',
      recipient: 'Special Rapporteur',
    });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain(big.sha256);
    await eventually(async () => JSON.stringify(await objectsAndUploads()) === JSON.stringify(before));
    // No export record was added by the stopped export (the file's other test may have made one).
    const rows = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM case_exports`);
    expect(rows).toEqual(exportsBefore);
  }, 120_000);
});
