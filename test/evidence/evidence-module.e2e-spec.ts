import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { DomainError, ErrorCode } from '@sillok/core';
import { newObjectKey, OBJECT_STORE, S3ObjectStore, type ObjectStore } from '@sillok/evidence';
import { s3StoreOptions, startS3TestServer, type S3TestServer } from '../support/s3-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('EvidenceModule with OBJECT_STORE=s3', () => {
  let server: S3TestServer;
  let t: TestApp;

  beforeAll(async () => {
    server = await startS3TestServer();
    t = await startTestApp({
      env: {
        OBJECT_STORE: 's3',
        S3_ENDPOINT: server.endPoint,
        S3_PORT: String(server.port),
        S3_USE_SSL: 'false',
        S3_REGION: server.region,
        S3_BUCKET: server.bucket,
        S3_ACCESS_KEY: server.accessKey,
        S3_SECRET_KEY: server.secretKey,
        S3_PART_SIZE_MB: '5',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await server?.close();
  });

  it('creates the missing bucket at startup and stores through the injected port', async () => {
    const store = t.app.get<ObjectStore>(OBJECT_STORE);
    expect(store).toBeInstanceOf(S3ObjectStore);
    const key = newObjectKey();
    await store.put(key, Readable.from([Buffer.from('testimony recording')]));
    expect(await store.stat(key)).toEqual({ key, size: 19 });
  });

  it('reports the object store in /health, and 503 while it is down', async () => {
    expect((await t.http().get('/health').expect(200)).body.components.objectStore).toEqual({ status: 'up' });
    await server.stop();
    try {
      const res = await t.http().get('/health').expect(503);
      expect(res.body.components.objectStore).toEqual({
        status: 'down',
        reason: 'the object store is unavailable',
      });
      expect(res.body.components.database).toEqual({ status: 'up' });
    } finally {
      await server.restart();
    }
    await t.http().get('/health').expect(200);
  });

  it('is refused by the server with a wrong secret (the test server checks SigV4 signatures)', async () => {
    const forged = new S3ObjectStore(
      s3StoreOptions(server, { secretKey: 'not-the-secret-key', partSize: 5 * 1024 * 1024 }),
    );
    const error = await forged.healthCheck().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.Unavailable);
    expect(String((error as Error).cause)).toMatch(/signature|credentials/i);
    forged.close();
  });
});
