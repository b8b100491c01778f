import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loginAllRoles, requestAs, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { CLI_ENTRY, runNode } from '../support/processes.js';
import { TEST_SECRETS, startTestApp, type TestApp } from '../support/test-app.js';
import { counts, EXAMPLES } from './import-fixtures.js';

describe('sillok import', () => {
  let t: TestApp;
  let as: RoleLogins;
  let caseId: string;
  let reference: string;
  let env: Record<string, string>;
  const scratch = mkdtempSync(join(tmpdir(), 'sillok-import-cli-'));
  const sillokImport = (file: string, ...args: string[]) =>
    runNode([CLI_ENTRY, 'import', file, '--case', reference, '--as', as.investigator.email, ...args], env);

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    ({ caseA: caseId } = await createTwoCases(t, as));
    reference = (await requestAs(t, as.coordinator, 'get', `/cases/${caseId}`)).body.reference;
    env = { ...TEST_SECRETS, DATABASE_URL: t.database.url, SILLOK_DATA_DIR: t.settings.SILLOK_DATA_DIR };
  });
  afterAll(async () => {
    await t.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('imports an example file with progress on stderr, then finds nothing to change the second time', async () => {
    const first = await sillokImport(join(EXAMPLES, 'witnesses.csv'));
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`imported 3 witnesses rows into ${reference}: 3 created, 0 unchanged, 0 rejected`);
    expect(first.stderr).toMatch(/import witnesses\.csv \(bytes\): \d+\/\d+ \(100%/);
    const again = await sillokImport(join(EXAMPLES, 'witnesses.csv'));
    expect(again.stdout).toContain('0 created, 3 unchanged');
    expect((await counts(t, caseId)).witnesses).toBe(3);
    const jsonl = await sillokImport(join(EXAMPLES, 'testimonies.jsonl'), '--type', 'testimonies');
    expect(jsonl.code).toBe(1); // its witness is in witnesses.jsonl, not imported here
    expect(jsonl.stdout).toContain('INVALID  line 1: witnessExternalId: no witness of this case has this external id');
  }, 60_000);

  it('writes nothing and exits 1 listing the bad rows; with --skip-invalid writes the rest and the rejects file', async () => {
    const file = join(scratch, 'more-witnesses.csv');
    writeFileSync(file, 'external_id,sex,birth_year\nC-1,female,1960\nC-2,female,nineteen\nC-3,male,1970\n');
    const refused = await sillokImport(file);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('INVALID  line 3: birth_year: must be a whole number from 1900 to 2100');
    expect(refused.stderr).toContain('sillok: 1 row is invalid; nothing was written');
    expect((await counts(t, caseId)).witnesses).toBe(3);

    const rejects = join(scratch, 'rejects.csv');
    const skipped = await sillokImport(file, '--skip-invalid', '--rejects', rejects);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('2 created, 0 unchanged, 1 rejected');
    expect(readFileSync(rejects, 'utf8')).toBe(
      'line,external_id,field,reason\n"3","C-2","birth_year","must be a whole number from 1900 to 2100"\n',
    );
    expect((await counts(t, caseId)).witnesses).toBe(5);
  }, 60_000);

  it('writes the rejects file owner-only (0600), with formula-like cells neutralised for spreadsheets', async () => {
    const file = join(scratch, 'hostile-witnesses.csv');
    writeFileSync(
      file,
      'external_id,sex,birth_year\n"=HYPERLINK(""http://example.com/x"",""open"")",female,1960x\n@SUM(1),male,1970\n',
    );
    const rejects = join(scratch, 'hostile-rejects.csv');
    const skipped = await sillokImport(file, '--skip-invalid', '--rejects', rejects);
    expect(skipped.code).toBe(0);
    expect(statSync(rejects).mode & 0o777).toBe(0o600);
    expect(readFileSync(rejects, 'utf8')).toBe(
      'line,external_id,field,reason\n' +
        `"2","'=HYPERLINK(""http://example.com/x"",""open"")","birth_year","must be a whole number from 1900 to 2100"\n`,
    );
  }, 60_000);

  it('fails with one line for an unknown case, user or file type', async () => {
    const file = join(EXAMPLES, 'witnesses.csv');
    const noCase = await runNode(
      [CLI_ENTRY, 'import', file, '--case', 'CASE-1999-0001', '--as', as.investigator.email],
      env,
    );
    expect(noCase.code).toBe(1);
    expect(noCase.stderr.trim()).toBe('sillok: no case CASE-1999-0001');
    const noUser = await runNode([CLI_ENTRY, 'import', file, '--case', reference, '--as', 'nobody@example.org'], env);
    expect(noUser.stderr.trim()).toBe('sillok: no active user with the email nobody@example.org');
    const analyst = await runNode([CLI_ENTRY, 'import', file, '--case', reference, '--as', as.analyst.email], env);
    expect(analyst.code).toBe(1);
    const odd = join(scratch, 'archive.txt');
    writeFileSync(odd, 'x');
    const noType = await sillokImport(odd);
    expect(noType.stderr.trim()).toMatch(/^sillok: say --type/);
  }, 60_000);
});
