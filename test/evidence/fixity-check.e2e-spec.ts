import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { FixityService, OBJECT_STORE, type ObjectStore } from '@sillok/evidence';
import { bearer, loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { CLI_ENTRY, runNode } from '../support/processes.js';
import { TEST_SECRETS, startTestApp, type TestApp } from '../support/test-app.js';
import { makeTestimony, uploadTexts } from './attachment-fixtures.js';
import { finalPath } from './filesystem-layout.js';

describe('sillok fixity:check', () => {
  // A run checks every attachment in the database: each test has an app and a database of its own,
  // with three uploaded files, so what a run counts is what the test made.
  let t: TestApp;
  let as: RoleLogins;
  let env: Record<string, string>;
  let ids: string[];

  const objectKeyOf = async (id: string): Promise<string> => {
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT object_key FROM attachments WHERE id = $1', [id]);
      return (rows[0] as { object_key: string }).object_key;
    } finally {
      await client.end();
    }
  };
  const objectPath = async (id: string): Promise<string> =>
    finalPath(join(t.settings.SILLOK_DATA_DIR, 'objects'), await objectKeyOf(id));
  const fixity = (...args: string[]) => runNode([CLI_ENTRY, 'fixity:check', ...args], env);

  /** Changes one byte of the second file's object and moves the third's away; `restore` puts the third back. */
  async function damageTwo(): Promise<{ restore: () => Promise<void> }> {
    const changed = await objectPath(ids[1]);
    await chmod(changed, 0o640);
    const bytes = await readFile(changed);
    bytes[0] ^= 0x01;
    await writeFile(changed, bytes);
    const gone = await objectPath(ids[2]);
    await rename(gone, `${gone}.moved`);
    return { restore: () => rename(`${gone}.moved`, gone) };
  }

  beforeEach(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    const { caseA } = await createTwoCases(t, as);
    const testimony = await makeTestimony(t, as.investigator, caseA);
    ids = await uploadTexts(t, as.investigator, testimony, ['first file', 'second file', 'third file']);
    env = { ...TEST_SECRETS, DATABASE_URL: t.database.url, SILLOK_DATA_DIR: t.settings.SILLOK_DATA_DIR };
  });
  afterEach(async () => {
    await t.close();
  });

  it('passes when every object matches, and records each check', async () => {
    const result = await fixity();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/fixity run [0-9a-f-]{36}: 3 checked, all match/);
    expect(result.stderr).toContain('fixity: 3 of 3 checked, 0 failed');
    const history = await t.http().get(`/attachments/${ids[0]}/fixity`).set(bearer(as.analyst));
    expect(history.status).toBe(200);
    expect(history.body).toEqual([expect.objectContaining({ ok: true, missing: false, observedSize: 10 })]);
    const custody = await t.http().get(`/attachments/${ids[0]}/custody`).set(bearer(as.coordinator));
    expect(custody.body.map((e: { action: string }) => e.action)).toEqual([
      'attachment.upload',
      'attachment.fixity.check',
    ]);
  }, 60_000);

  it('fails naming the attachment when one byte of its object changed on disk, or the object is gone', async () => {
    // A first run while every object matches, so the history below shows the change.
    expect((await fixity()).code).toBe(0);
    const { restore } = await damageTwo();
    const result = await fixity();
    await restore();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`MISMATCH attachment ${ids[1]}`);
    expect(result.stdout).toContain(`MISSING  attachment ${ids[2]}`);
    expect(result.stdout).not.toContain(ids[0]);
    expect(result.stderr).toMatch(/3 checked, 1 mismatched, 1 missing/);
    const history = await t.http().get(`/attachments/${ids[1]}/fixity`).set(bearer(as.coordinator));
    expect(history.body.map((c: { ok: boolean }) => c.ok)).toEqual([true, false]);
  }, 60_000);

  it('resumes the latest run, skipping what it already checked', async () => {
    const { restore } = await damageTwo();
    expect((await fixity()).code).toBe(1);
    await restore();
    const result = await fixity('--resume');
    expect(result.code).toBe(1); // the resumed run still holds its mismatch
    expect(result.stderr).toMatch(/\(resumed\): 3 checked, 1 mismatched, 1 missing/);
    const history = await t.http().get(`/attachments/${ids[0]}/fixity`).set(bearer(as.coordinator));
    expect(history.body).toHaveLength(1); // no second check: the run had checked it already
  }, 60_000);

  it('ends on an object it cannot read, with the check before it recorded, and a resumed run checks the rest', async () => {
    // A run goes in id order. The store fails on the second object's read (not a missing object,
    // which is a failed check): the run ends on the error, and the first check stays recorded.
    const [first, second, third] = [...ids].sort();
    const store = t.app.get<ObjectStore>(OBJECT_STORE);
    const secondKey = await objectKeyOf(second);
    const read = store.get.bind(store);
    store.get = async (key, range) => {
      if (key === secondKey) throw new Error('read error on the evidence disk');
      return read(key, range);
    };
    const fixityService = t.app.get(FixityService);
    try {
      await expect(fixityService.run()).rejects.toThrow('read error on the evidence disk');
    } finally {
      store.get = read;
    }
    const checksOf = async (id: string) =>
      (await t.http().get(`/attachments/${id}/fixity`).set(bearer(as.coordinator))).body as unknown[];
    expect([(await checksOf(first)).length, (await checksOf(second)).length]).toEqual([1, 0]);

    const resumed = await fixityService.run({ resume: true });
    expect({ resumed: resumed.resumed, checked: resumed.checked, failures: resumed.failures }).toEqual({
      resumed: true,
      checked: 3,
      failures: [],
    });
    expect([(await checksOf(first)).length, (await checksOf(second)).length, (await checksOf(third)).length]).toEqual([
      1, 1, 1,
    ]);
  }, 60_000);
});
