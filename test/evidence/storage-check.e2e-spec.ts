import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { FilesystemObjectStore, runStorageCheck, type ObjectStore, type PutOptions } from '@sillok/evidence';
import { CLI_ENTRY, runNode } from '../support/processes.js';
import {
  objectsAndUploads,
  s3AppEnv,
  s3Inspector,
  startS3TestServer,
  type S3TestServer,
} from '../support/s3-server.js';

const REQUIRED = [
  'reach the store',
  'put a small object',
  'put a multipart object',
  'stat',
  'get whole',
  'ranged get',
  'list',
  'abort an incomplete multipart upload',
  'refuse to overwrite',
  'remove the scratch objects',
];

/** `STATUS operation` of every line the command printed for an operation. */
function statuses(stdout: string): Record<string, string> {
  const lines = stdout.split('\n').map((line) => /^(OK|FAIL|WARN|SKIP) +([^:]+):/.exec(line));
  return Object.fromEntries(lines.flatMap((m) => (m ? [[m[2], m[1]]] : [])));
}

function storageCheck(env: Record<string, string>) {
  return runNode([CLI_ENTRY, 'storage:check'], { NODE_ENV: 'development', LOG_LEVEL: 'silent', ...env }, '', 120_000);
}

describe('sillok storage:check', () => {
  describe('filesystem adapter', () => {
    let dataDir: string;
    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'sillok-storage-check-'));
    });
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('passes every required operation, skips versioning, and leaves no file behind', async () => {
      const run = await storageCheck({ SILLOK_DATA_DIR: dataDir });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const lines = statuses(run.stdout);
      for (const operation of REQUIRED) expect([operation, lines[operation]]).toEqual([operation, 'OK']);
      expect(lines['versioning status']).toBe('SKIP');
      expect(run.stdout).toMatch(/^storage check passed$/m);
      const left = (function walk(directory: string): string[] {
        return readdirSync(directory, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(join(directory, e.name)) : [join(directory, e.name)],
        );
      })(join(dataDir, 'objects'));
      expect(left).toEqual([]);
    });
  });

  describe('S3 adapter against a real S3 server', () => {
    let server: S3TestServer;
    beforeAll(async () => {
      server = await startS3TestServer();
      await s3Inspector(server).makeBucket(server.bucket, server.region);
    });
    afterAll(() => server.close());

    it('passes every required operation, names the optional one the server lacks, and removes its objects', async () => {
      const run = await storageCheck(s3AppEnv(server));
      expect(run.code).toBe(0);
      expect(run.stdout + run.stderr).not.toContain(server.secretKey);
      const lines = statuses(run.stdout);
      for (const operation of REQUIRED) expect([operation, lines[operation]]).toEqual([operation, 'OK']);
      // The test server has no bucket versioning: optional, so a warning that says so, not a failure.
      expect(run.stdout).toMatch(/^WARN versioning status: off: .*optional$/m);
      expect(run.stdout).toMatch(/^storage check passed \(1 optional operation\(s\) missing\)$/m);
      expect(run.stdout).toMatch(/parts of 5242880/);
      expect(run.stdout).toMatch(/no object, no incomplete upload/);
      expect(await objectsAndUploads(s3Inspector(server), server.bucket)).toEqual([]);
    });

    it('fails naming the operation when the credentials are refused, and never prints them', async () => {
      const env = { ...s3AppEnv(server), S3_SECRET_KEY: 'a-wrong-secret-that-is-long-enough' };
      const run = await storageCheck(env);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/storage check failed: \d+ required operation\(s\) failed/);
      expect(run.stdout).toMatch(/^FAIL reach the store: the object store is unavailable: AccessDenied/m);
      expect(statuses(run.stdout)['put a small object']).toBe('SKIP');
      expect(run.stdout + run.stderr).not.toContain(env.S3_SECRET_KEY);
      expect(run.stdout + run.stderr).not.toContain(server.secretKey);
    });

    it('reports a missing bucket instead of creating it', async () => {
      const run = await storageCheck({ ...s3AppEnv(server), S3_BUCKET: 'no-such-bucket' });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^FAIL reach the store: .*no-such-bucket/m);
      expect(statuses(run.stdout)['put a small object']).toBe('SKIP');
      expect(await s3Inspector(server).bucketExists('no-such-bucket')).toBe(false);
    });
  });

  describe('a store that breaks a required rule', () => {
    let root: string;
    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'sillok-storage-check-'));
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('fails "refuse to overwrite" when a second put replaces the object', async () => {
      const honest = new FilesystemObjectStore(root);
      // A store that replaces what exists, as plain S3 PutObject does when nothing checks first.
      const overwriting: ObjectStore = Object.assign(Object.create(honest) as ObjectStore, {
        put: async (key: string, source: Readable, options?: PutOptions) => {
          await honest.removeIncomplete(key);
          return honest.put(key, source, options);
        },
      });
      const report = await runStorageCheck({ store: overwriting, kind: 'filesystem', partSize: 1024 * 1024 });
      expect(report.ok).toBe(false);
      const failed = report.results.filter((r) => r.status === 'FAIL');
      expect(failed.map((r) => [r.operation, r.detail])).toEqual([
        ['refuse to overwrite', 'a second put to an existing key succeeded and replaced it'],
      ]);
    });
  });
});
