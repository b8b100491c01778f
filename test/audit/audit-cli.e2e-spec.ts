import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_ENTRY, runNode } from '../support/processes.js';
import { createTestDatabase, queryOnce, type TestDatabase } from '../support/test-database.js';
import { TEST_SECRETS } from '../support/test-app.js';
import { readAuditLog } from '../support/audit-log.js';

describe('sillok audit:verify, audit:checkpoint, audit:public-key', () => {
  let database: TestDatabase;
  let dir: string;
  let env: Record<string, string>;
  const sql = (text: string) => queryOnce(database.url, text);

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'sillok-audit-cli-'));
    env = { ...TEST_SECRETS, DATABASE_URL: database.url };
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });

  it('verifies an empty log, and records that it did', async () => {
    const result = await runNode([CLI_ENTRY, 'audit:verify'], env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.trim()).toBe(`audit chain OK: 0 rows, head seq 0, head hash ${'0'.repeat(64)}`);
    expect(await readAuditLog(database.url, `SELECT seq::int, action, details FROM audit_events`)).toEqual([
      { seq: 1, action: 'audit.verify', details: { ok: true, count: 0, headSeq: 0, headHash: '0'.repeat(64) } },
    ]);
  });

  it('writes a checkpoint that openssl verifies with the printed public key, and checks the chain against it', async () => {
    const file = join(dir, 'checkpoint.json');
    const made = await runNode([CLI_ENTRY, 'audit:checkpoint', '--out', file], env);
    expect(made).toMatchObject({ code: 0, stderr: '' });
    const checkpoint = JSON.parse(readFileSync(file, 'utf8'));
    expect(checkpoint).toMatchObject({ statement: { headSeq: 1 }, algorithm: 'Ed25519' });
    expect(made.stdout).toContain(`checkpoint of seq 1 written to ${file}`);

    const key = await runNode([CLI_ENTRY, 'audit:public-key'], TEST_SECRETS);
    expect(key.stdout).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/);
    // The README's recipe, without Sillok: jq writes the signed bytes, openssl checks them.
    writeFileSync(join(dir, 'audit.pub'), key.stdout);
    const sh = (command: string) => execFileSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8' });
    sh(
      `jq -jcS .statement checkpoint.json > statement.json && jq -r .signature checkpoint.json | base64 -d > statement.sig`,
    );
    expect(
      sh(`openssl pkeyutl -verify -pubin -inkey audit.pub -rawin -in statement.json -sigfile statement.sig`),
    ).toContain('Signature Verified Successfully');

    const checked = await runNode([CLI_ENTRY, 'audit:verify', '--checkpoint', file], env);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^audit chain OK: 2 rows, .*, matches the checkpoint at seq 1\n$/);

    const again = await runNode([CLI_ENTRY, 'audit:checkpoint', '--out', file], env);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`sillok: ${file} exists; checkpoints are never overwritten`);
  });

  it('exits 1 naming the first broken seq', async () => {
    await sql(`ALTER TABLE audit_events DISABLE TRIGGER ALL;
               UPDATE audit_events SET details = '{"ok": false}' WHERE seq = 2;
               ALTER TABLE audit_events ENABLE TRIGGER ALL`);
    const result = await runNode([CLI_ENTRY, 'audit:verify'], env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'sillok: audit chain broken at seq 2: changed (the stored hash does not match the row)',
    );
  });

  it('refuses a checkpoint file it cannot read or parse, in one line', async () => {
    const missing = await runNode([CLI_ENTRY, 'audit:verify', '--checkpoint', join(dir, 'none.json')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^sillok: cannot read the checkpoint .*none\.json: ENOENT$/);
    writeFileSync(join(dir, 'bad.json'), '{"statement": {}}');
    const bad = await runNode([CLI_ENTRY, 'audit:verify', '--checkpoint', join(dir, 'bad.json')], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toMatch(/^sillok: checkpoint: must be a signed Sillok audit checkpoint/);
  });

  it('refuses a signing key that is not Ed25519 PKCS#8, naming the setting', async () => {
    const result = await runNode([CLI_ENTRY, 'audit:public-key'], {
      ...TEST_SECRETS,
      AUDIT_SIGNING_KEY: 'x'.repeat(48),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('AUDIT_SIGNING_KEY: must be base64 of a PKCS#8 DER Ed25519 private key');
  });
});
