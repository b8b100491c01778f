import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { bearer, loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { createCase, createTwoCases } from '../support/case-fixtures.js';
import { CLI_ENTRY, runNode } from '../support/processes.js';
import { TEST_SECRETS, startTestApp, type TestApp } from '../support/test-app.js';
import { counts, example, EXAMPLE_FILES, EXAMPLES, formatOf, postImport } from './import-fixtures.js';
import { readAuditLog } from '../support/audit-log.js';

const DRY_RUN = '&dryRun=true';

describe('POST /cases/:id/imports?dryRun=true', () => {
  let t: TestApp;
  let as: RoleLogins;
  let caseA: string;
  let caseB: string;
  const db = () => t.app.get(DataSource);
  /** Every audit row, chained or still pending: a dry run must add none. */
  const auditRows = async () => {
    const [{ n }] = await readAuditLog(
      db(),
      `SELECT ((SELECT count(*) FROM audit_events) + (SELECT count(*) FROM audit_pending))::int AS n`,
    );
    return n as number;
  };

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    ({ caseA, caseB } = await createTwoCases(t, as));
  });
  afterAll(async () => {
    await t.close();
  });

  it('checks a good file and answers 200 with the report, writing no record and no audit event', async () => {
    const before = await counts(t, caseA);
    const audit = await auditRows();
    const res = await postImport(t, as.investigator, caseA, 'witnesses', example('witnesses.csv'), 'csv', DRY_RUN);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      type: 'witnesses',
      format: 'csv',
      rows: 3,
      created: 0,
      unchanged: 0,
      rejected: 0,
      written: false,
      dryRun: true,
      invalid: [],
    });
    expect(await counts(t, caseA)).toEqual(before);
    expect(await auditRows()).toBe(audit);
  });

  it('lists every bad line with its field and reason, as the real import would, and writes nothing', async () => {
    const caseId = await createCase(t, as.coordinator, { members: [] });
    const file = [
      'external_id,sex,birth_year',
      'D-1,female,1970',
      'D-2,femal,1970', // line 3: sex
      'D-3,male,1870', // line 4: birth_year
      'D-2,male,1980', // line 5: repeats D-2
    ].join('\n');
    const audit = await auditRows();
    const dry = await postImport(t, as.coordinator, caseId, 'witnesses', file, 'csv', DRY_RUN);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ rows: 4, rejected: 3, written: false, dryRun: true });
    const real = await postImport(t, as.coordinator, caseId, 'witnesses', file);
    expect(real.status).toBe(400);
    expect(dry.body.invalid).toEqual(real.body.report.invalid);
    expect(dry.body.invalid).toEqual([
      { line: 3, externalId: 'D-2', field: 'sex', reason: 'must be one of female, male, other, unknown' },
      { line: 4, externalId: 'D-3', field: 'birth_year', reason: 'must be a whole number from 1900 to 2100' },
      { line: 5, externalId: 'D-2', field: 'external_id', reason: 'repeats the external id of line 3' },
    ]);
    expect((await counts(t, caseId)).witnesses).toBe(0);
    // The refused real import writes no audit row either.
    expect(await auditRows()).toBe(audit);
  });

  it('reports references to records not yet imported, then the files import in order', async () => {
    const caseId = await createCase(t, as.coordinator, { members: [] });
    const testimonies = example('testimonies.csv');
    const early = await postImport(t, as.coordinator, caseId, 'testimonies', testimonies, 'csv', DRY_RUN);
    expect(early.status).toBe(200);
    expect(early.body.rejected).toBeGreaterThan(0);
    expect(early.body.invalid[0]).toMatchObject({
      field: 'witness_external_id',
      reason: 'no witness of this case has this external id',
    });
    for (const [type, name] of EXAMPLE_FILES) {
      const dry = await postImport(t, as.coordinator, caseId, type, example(name), formatOf(name), DRY_RUN);
      expect({ name, status: dry.status, dryRun: dry.body.dryRun }).toEqual({ name, status: 200, dryRun: true });
      const real = await postImport(t, as.coordinator, caseId, type, example(name), formatOf(name));
      expect({ name, status: real.status, invalid: real.body.invalid }).toEqual({ name, status: 201, invalid: [] });
      expect(real.body).toMatchObject({ written: true, dryRun: false, created: dry.body.rows - dry.body.rejected });
    }
    // A dry run of a file already imported: valid, nothing to change, still nothing written.
    const again = await postImport(t, as.coordinator, caseId, 'witnesses', example('witnesses.csv'), 'csv', DRY_RUN);
    expect(again.body).toMatchObject({ rejected: 0, written: false, invalid: [] });
  });

  it('refuses as the import does: 401, 403 by role, 404 outside the case, 400 naming dryRun', async () => {
    const body = 'external_id\nZ-1\n';
    const anonymous = await t
      .http()
      .post(`/cases/${caseA}/imports?type=witnesses${DRY_RUN}`)
      .set('content-type', 'text/csv')
      .send(body);
    expect(anonymous.status).toBe(401);
    expect((await postImport(t, as.analyst, caseA, 'witnesses', body, 'csv', DRY_RUN)).status).toBe(403);
    expect((await postImport(t, as.admin, caseA, 'witnesses', body, 'csv', DRY_RUN)).status).toBe(403);
    expect((await postImport(t, as.investigator, caseB, 'witnesses', body, 'csv', DRY_RUN)).status).toBe(404);
    const bad = await postImport(t, as.investigator, caseA, 'witnesses', body, 'csv', '&dryRun=perhaps');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'dryRun' })]);
  });

  it('sillok import --dry-run prints the report and writes nothing; it exits 1 when a row is invalid', async () => {
    const caseId = await createCase(t, as.coordinator, { members: [] });
    const reference = (await t.http().get(`/cases/${caseId}`).set(bearer(as.coordinator))).body.reference;
    const env = { ...TEST_SECRETS, DATABASE_URL: t.database.url, SILLOK_DATA_DIR: t.settings.SILLOK_DATA_DIR };
    const scratch = mkdtempSync(join(tmpdir(), 'sillok-dry-run-'));
    const dryRun = (file: string) =>
      runNode([CLI_ENTRY, 'import', file, '--case', reference, '--as', as.coordinator.email, '--dry-run'], env);
    try {
      const audit = await auditRows();
      const good = await dryRun(join(EXAMPLES, 'witnesses.csv'));
      expect(good.code).toBe(0);
      expect(good.stdout).toContain(
        `checked 3 witnesses rows for ${reference}: 3 valid, 0 invalid; nothing written (dry run)`,
      );
      const bad = join(scratch, 'witnesses-bad.csv');
      writeFileSync(bad, 'external_id,sex\nQ-1,female\nQ-2,femal\n');
      const refused = await dryRun(bad);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain('INVALID  line 3: sex: must be one of female, male, other, unknown');
      expect(refused.stderr).toContain('1 valid, 1 invalid; nothing written (dry run)');
      expect((await counts(t, caseId)).witnesses).toBe(0);
      expect(await auditRows()).toBe(audit);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 60_000);
});
