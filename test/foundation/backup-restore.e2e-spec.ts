import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { FilesystemObjectStore } from '@sillok/evidence';
import { loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { API_ENTRY, CLI_ENTRY, runNode } from '../support/processes.js';
import { startTestApp, TEST_SECRETS, type TestApp } from '../support/test-app.js';
import { createEmptyDatabase, queryOnce, type TestDatabase } from '../support/test-database.js';
import { createTestimony, createWitness, sealIdentity } from '../support/testimony-fixtures.js';
import { streamUpload } from '../evidence/multipart-upload.js';
import { readAuditLog } from '../support/audit-log.js';

const KEY_BASE64 = TEST_SECRETS.IDENTITY_ENCRYPTION_KEYS.slice('k1:'.length);
const NARRATIVE = '2001년 요덕 수용소 15호 관리소에서 3년을 보냈습니다.';
const LEGAL_NAME = '한정민';

/** The audit rows of `action` in a database, with what an auditor sees of them. */
function auditRows(databaseUrl: string, action: string) {
  return readAuditLog(databaseUrl, `SELECT actor_user_id, subject_type, details FROM audit_events WHERE action = $1`, [
    action,
  ]);
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

// A populated instance is backed up by a real CLI process and restored into a fresh database
// and data directory; the restored copy must verify (audit chain, fixity) and hold the same
// testimony and the same evidence bytes, while the backup itself carries no identity key.
describe('sillok backup and sillok restore', () => {
  // Each test backs up an instance of its own: a backup writes to the audit trail it backs up, so a
  // shared one would carry one test's backups into another's.
  let work: string;
  const apps: TestApp[] = [];
  const targets: TestDatabase[] = [];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'sillok-backup-test-'));
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });
  afterAll(async () => {
    for (const target of targets) await target.drop();
    rmSync(work, { recursive: true, force: true });
  });

  /**
   * A running instance with a witness whose identity is sealed, a testimony and one uploaded object;
   * `env` runs the CLI on it, and `backupDir` (not made yet) is where its backup goes.
   */
  async function populatedInstance() {
    const t = await startTestApp();
    apps.push(t);
    const as: RoleLogins = await loginAllRoles(t);
    const { caseA } = await createTwoCases(t, as);
    const witnessId = await createWitness(t, as.investigator, caseA);
    await sealIdentity(t, as.investigator, witnessId, { legalName: LEGAL_NAME });
    const testimonyId = (await createTestimony(t, as.investigator, witnessId, NARRATIVE)).id;
    const evidence = randomBytes(300_000);
    const uploaded = await streamUpload(
      t,
      `/cases/${caseA}/attachments`,
      as.investigator.token,
      { kind: 'document' },
      { stream: Readable.from([evidence]), fileName: 'map.bin' },
    );
    expect(uploaded.status).toBe(201);
    const [{ object_key: objectKey }] = await queryOnce(t.database.url, `SELECT object_key FROM attachments`);
    const env = { ...TEST_SECRETS, DATABASE_URL: t.database.url, SILLOK_DATA_DIR: t.settings.SILLOK_DATA_DIR };
    const backupDir = join(mkdtempSync(join(work, 'instance-')), 'backup');
    return { t, testimonyId, evidence, objectKey: objectKey as string, env, backupDir };
  }

  /** A populated instance and its backup, made by the CLI. */
  async function backedUpInstance() {
    const instance = await populatedInstance();
    const result = await runNode([CLI_ENTRY, 'backup', '--out', instance.backupDir], instance.env);
    if (result.code !== 0) throw new Error(`backup failed: ${result.stderr}`);
    return instance;
  }

  /** A backed-up instance and the fresh instance its backup was restored into (`restoredEnv`). */
  async function restoredInstance() {
    const instance = await backedUpInstance();
    const restoredEnv = await freshInstance();
    const result = await runNode([CLI_ENTRY, 'restore', instance.backupDir], restoredEnv);
    if (result.code !== 0) throw new Error(`restore failed: ${result.stderr}`);
    return { ...instance, restoredEnv };
  }

  /** An empty database and data directory, as on a new machine. */
  async function freshInstance(): Promise<Record<string, string>> {
    const target = await createEmptyDatabase();
    targets.push(target);
    return { ...TEST_SECRETS, DATABASE_URL: target.url, SILLOK_DATA_DIR: mkdtempSync(join(work, 'data-')) };
  }

  it('backs up the database and every object with a manifest of hashes, and no identity key', async () => {
    const { t, evidence, objectKey, env, backupDir } = await populatedInstance();
    const result = await runNode([CLI_ENTRY, 'backup', '--out', backupDir], env);
    expect(result.stderr).toContain('backup: objects: 1/1 (100%');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/backed up the database and 1 objects .* a restore needs identity keys: k1/);

    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'));
    expect(manifest.objects).toEqual([
      { key: objectKey, size: evidence.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    expect(manifest.identityKeyIds).toEqual(['k1']);
    const key = Buffer.from(KEY_BASE64, 'base64');
    for (const file of filesUnder(backupDir)) {
      const bytes = readFileSync(file);
      expect({ file, holdsKey: bytes.includes(key) || bytes.includes(KEY_BASE64) }).toEqual({ file, holdsKey: false });
    }
    expect(readFileSync(join(backupDir, objectKey)).equals(evidence)).toBe(true);

    // Audited in the backed-up database (after its dump): the manifest's hash and counts, no identity.
    const manifestSha256 = createHash('sha256')
      .update(readFileSync(join(backupDir, 'manifest.json')))
      .digest('hex');
    const rows = await auditRows(t.database.url, 'backup.create');
    expect(rows).toEqual([
      {
        actor_user_id: null,
        subject_type: 'backup',
        details: expect.objectContaining({ manifestSha256, objects: 1, databaseSha256: manifest.database.sha256 }),
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain(LEGAL_NAME);
  }, 120_000);

  it('restores into a fresh database and data directory that verify and hold the same records and bytes', async () => {
    const { t, testimonyId, evidence, objectKey, backupDir } = await backedUpInstance();
    const restoredEnv = await freshInstance();
    const result = await runNode([CLI_ENTRY, 'restore', backupDir], restoredEnv);
    expect(result.stderr).toContain('restore: verifying: 2/2 (100%');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('IDENTITY_ENCRYPTION_KEYS holding keys k1');

    // The restored database's trail tells it was restored, and from which backup; the backup's own
    // row is not in it (it was written after the dump).
    const manifestSha256 = createHash('sha256')
      .update(readFileSync(join(backupDir, 'manifest.json')))
      .digest('hex');
    expect(await auditRows(restoredEnv.DATABASE_URL, 'backup.restore')).toEqual([
      { actor_user_id: null, subject_type: 'backup', details: expect.objectContaining({ manifestSha256, objects: 1 }) },
    ]);
    expect(await auditRows(restoredEnv.DATABASE_URL, 'backup.create')).toEqual([]);
    expect((await runNode([CLI_ENTRY, 'audit:verify'], restoredEnv)).code).toBe(0);
    const fixity = await runNode([CLI_ENTRY, 'fixity:check'], restoredEnv);
    expect(fixity.stdout).toContain('1 checked, all match');
    expect(fixity.code).toBe(0);

    const narrative = `SELECT narrative FROM testimonies WHERE id = $1`;
    expect(await queryOnce(restoredEnv.DATABASE_URL, narrative, [testimonyId])).toEqual(
      await queryOnce(t.database.url, narrative, [testimonyId]),
    );
    const store = new FilesystemObjectStore(join(restoredEnv.SILLOK_DATA_DIR, 'objects'));
    expect((await buffer(await store.get(objectKey))).equals(evidence)).toBe(true);
  }, 180_000);

  it('the restored copy does not start the API without the original identity key, naming its id', async () => {
    const { restoredEnv } = await restoredInstance();
    const result = await runNode([API_ENTRY], {
      ...restoredEnv,
      // Same id, other bytes: what a restore without its secrets.json would generate.
      IDENTITY_ENCRYPTION_KEYS: 'k1:ISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0A=',
      LOG_LEVEL: 'silent',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the configured key "k1" does not decrypt the 1 identity records sealed with it/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  }, 180_000);

  it('refuses a target that already holds data', async () => {
    const { backupDir, restoredEnv } = await restoredInstance();
    const result = await runNode([CLI_ENTRY, 'restore', backupDir], restoredEnv);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the target database is not empty');
  }, 180_000);

  it('refuses a damaged backup before writing anything', async () => {
    const { backupDir, objectKey } = await backedUpInstance();
    const file = join(backupDir, objectKey);
    const original = readFileSync(file);
    const damaged = Buffer.from(original);
    damaged[1000] ^= 1;
    writeFileSync(file, damaged);
    try {
      const env = await freshInstance();
      const result = await runNode([CLI_ENTRY, 'restore', backupDir], env);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`backup damaged: ${objectKey} has sha256`);
      expect(
        await queryOnce(env.DATABASE_URL, `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`),
      ).toEqual([{ n: 0 }]);
      expect(filesUnder(env.SILLOK_DATA_DIR).filter((f) => !f.endsWith('secrets.json'))).toEqual([]);
    } finally {
      writeFileSync(file, original);
    }
  }, 120_000);

  it('lists both commands in --help', async () => {
    const help = (await runNode([CLI_ENTRY, '--help'], {})).stdout;
    expect(help).toMatch(/^\s+backup \[options\]/m);
    expect(help).toMatch(/^\s+restore \[options\] <dir>/m);
  });
});
