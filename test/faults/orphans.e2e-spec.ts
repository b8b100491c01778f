import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { newObjectKey, OBJECT_STORE, type FilesystemObjectStore, type ObjectStore } from '@sillok/evidence';
import { loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { CLI_ENTRY, runNode } from '../support/processes.js';
import { startTestApp, TEST_SECRETS, type TestApp } from '../support/test-app.js';
import { queryOnce } from '../support/test-database.js';
import { diskWithRoom } from '../support/full-disk.js';
import { streamUpload } from '../evidence/multipart-upload.js';
import { readAuditLog } from '../support/audit-log.js';

async function counted(items: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _item of items) n++;
  return n;
}

const TWO_DAYS_AGO = new Date(Date.now() - 48 * 3_600_000);

/** The file of an object key in the filesystem store (objects/YYYY/MM/<uuid> -> YYYY/MM/<2 hex>/<uuid>). */
function fileOf(root: string, key: string): string {
  const [, year, month, id] = key.split('/');
  return join(root, year, month, id.slice(0, 2), id);
}

// kill -9 between writing an object and committing its row leaves a complete object nobody
// refers to; kill -9 mid-upload leaves a partial write. Both are made here exactly as the store
// leaves them, then `sillok objects:sweep` (a real CLI process) must remove them, audited, and
// keep every object a record refers to and anything young enough to be still in flight.
describe('sillok objects:sweep', () => {
  // A sweep removes every orphan in the store and fixity:check lists every one: each test has an app,
  // a database and a store of its own, with the kept attachment and the three leftovers below.
  let t: TestApp;
  let as: RoleLogins;
  let caseA: string;
  let root: string;
  let store: ObjectStore;
  let env: Record<string, string>;
  let kept: { key: string; file: string };
  let orphan: { key: string; file: string };
  let youngOrphan: { key: string; file: string };
  let partial: string;

  beforeEach(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    ({ caseA } = await createTwoCases(t, as));
    root = join(t.settings.SILLOK_DATA_DIR, 'objects');
    store = t.app.get<ObjectStore>(OBJECT_STORE);
    env = { ...TEST_SECRETS, DATABASE_URL: t.database.url, SILLOK_DATA_DIR: t.settings.SILLOK_DATA_DIR };

    const uploaded = await streamUpload(
      t,
      `/cases/${caseA}/attachments`,
      as.investigator.token,
      { kind: 'document' },
      {
        stream: Readable.from([randomBytes(4096)]),
        fileName: 'kept.bin',
      },
    );
    expect(uploaded.status).toBe(201);
    const [{ object_key }] = await queryOnce(t.database.url, `SELECT object_key FROM attachments WHERE id = $1`, [
      uploaded.body.id,
    ]);
    kept = { key: object_key, file: fileOf(root, object_key) };

    const planted = async () => {
      const key = newObjectKey();
      await store.put(key, Readable.from([randomBytes(1000)]));
      return { key, file: fileOf(root, key) };
    };
    orphan = await planted();
    youngOrphan = await planted();
    // As put() names a partial write, beside where its object would have gone.
    partial = join(orphan.file, '..', `.${randomUUID()}.${randomUUID()}.tmp`);
    writeFileSync(partial, randomBytes(2000));
    for (const file of [kept.file, orphan.file, partial]) utimesSync(file, TWO_DAYS_AGO, TWO_DAYS_AGO);
  });
  afterEach(async () => {
    await t?.close();
  });

  const sweptKeys = async () =>
    (await readAuditLog(t.database.url, `SELECT subject_id FROM audit_events WHERE action = 'object.sweep'`)).map(
      (r) => r.subject_id as string,
    );

  it('fixity:check names the objects no record refers to', async () => {
    const result = await runNode([CLI_ENTRY, 'fixity:check'], env);
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.stdout).toContain(`UNREFERENCED ${orphan.key}`);
    expect(result.stdout).toContain(`UNREFERENCED ${youngOrphan.key}`);
    expect(result.stdout).not.toContain(kept.key);
  }, 60_000);

  it('--dry-run lists what it would remove and removes nothing', async () => {
    const result = await runNode([CLI_ENTRY, 'objects:sweep', '--dry-run'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('would remove 1 partial writes and 1 unreferenced objects (3000 bytes)');
    expect([orphan.file, youngOrphan.file, partial].every((f) => existsSync(f))).toBe(true);
    expect(await sweptKeys()).toEqual([]);
  }, 60_000);

  it('removes the old partial write and the old unreferenced object, audited; keeps referenced and young ones', async () => {
    const result = await runNode([CLI_ENTRY, 'objects:sweep'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('removed 1 partial writes and 1 unreferenced objects (3000 bytes)');
    expect(existsSync(partial)).toBe(false);
    expect(existsSync(orphan.file)).toBe(false);
    expect(existsSync(kept.file)).toBe(true);
    expect(existsSync(youngOrphan.file)).toBe(true);
    const swept = await sweptKeys();
    expect(swept).toHaveLength(2);
    expect(swept).toContain(orphan.key);

    const verified = await runNode([CLI_ENTRY, 'audit:verify'], env);
    expect(verified.code).toBe(0);
    const fixity = await runNode([CLI_ENTRY, 'fixity:check'], env);
    expect(fixity.code).toBe(0); // the attachment is intact
  }, 180_000);

  it('an upload onto a full disk answers 507 and leaves no object, partial write or row; /health names the cause', async () => {
    const files = (store as FilesystemObjectStore).files;
    const realOpen = files.open;
    const count = async () => ({
      rows: (await queryOnce(t.database.url, `SELECT count(*)::int AS n FROM attachments`))[0].n,
      audited: (await readAuditLog(t.database.url, `SELECT count(*)::int AS n FROM audit_events`))[0].n,
      objects: await counted(store.list()),
      partial: await counted(store.listTemporary()),
    });
    const before = await count();
    files.open = diskWithRoom(64 * 1024, realOpen);
    try {
      const answer = await streamUpload(
        t,
        `/cases/${caseA}/attachments`,
        as.investigator.token,
        { kind: 'document' },
        { stream: Readable.from([randomBytes(512 * 1024)]), fileName: 'too-big-for-the-disk.bin' },
      );
      expect(answer.status).toBe(507);
      expect(answer.body).toMatchObject({ type: 'urn:sillok:problem:insufficient-storage', status: 507 });
      expect(await count()).toEqual(before);

      const health = await t.http().get('/health');
      expect(health.status).toBe(503);
      expect(health.body.components.objectStore).toEqual({
        status: 'down',
        reason: 'the object store is full: no space left for new objects',
      });
      expect(health.body.components.database).toEqual({ status: 'up' });
    } finally {
      files.open = realOpen;
    }
    expect((await t.http().get('/health')).status).toBe(200);
  });

  it('an export onto a full disk answers 507 naming the cause, and leaves no bag, partial write, export row or audit event', async () => {
    const files = (store as FilesystemObjectStore).files;
    const realOpen = files.open;
    const count = async () => ({
      exports: (await queryOnce(t.database.url, `SELECT count(*)::int AS n FROM case_exports`))[0].n,
      audited: (await readAuditLog(t.database.url, `SELECT count(*)::int AS n FROM audit_events`))[0].n,
      objects: await counted(store.list()),
      partial: await counted(store.listTemporary()),
    });
    const before = await count();
    try {
      // Room for part of the bag only (the attachment alone is 4 KiB): the disk fills early or mid-bag.
      for (const room of [1024, 6 * 1024]) {
        files.open = diskWithRoom(room, realOpen);
        const answer = await t
          .http()
          .post(`/cases/${caseA}/exports`)
          .set('Authorization', `Bearer ${as.coordinator.token}`)
          .send({ profile: 'internal', recipient: 'Full disk', includeCaseAttachments: true, confirmEmpty: true });
        expect([room, answer.status]).toEqual([room, 507]);
        expect(answer.body).toMatchObject({ type: 'urn:sillok:problem:insufficient-storage', status: 507 });
        expect(answer.body.detail).toMatch(/no space left/);
        expect(await count()).toEqual(before);
      }
    } finally {
      files.open = realOpen;
    }
    const served = await t.http().get('/api/openapi.json');
    expect(Object.keys(served.body.paths['/cases/{id}/exports'].post.responses)).toContain('507');
  });

  it('--help explains it', async () => {
    const help = await runNode([CLI_ENTRY, 'objects:sweep', '--help'], {});
    expect(help.stdout).toContain('--grace-hours');
  });
});
