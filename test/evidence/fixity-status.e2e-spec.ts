import { rename } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { FixityService } from '@sillok/evidence';
import { bearer, loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { flipFirstByte, makeTestimony, objectPathOf, uploadTexts } from './attachment-fixtures.js';
import { readAuditLog } from '../support/audit-log.js';

describe('GET /fixity', () => {
  // The status covers every attachment and run in the database: each test has an app and a database
  // of its own, with three uploaded files and no run, so what it reads is what the test made.
  let t: TestApp;
  let as: RoleLogins;
  let caseA: string;
  let caseReference: string;
  let ids: string[];
  const status = (user = as.auditor) => t.http().get('/fixity').set(bearer(user));

  beforeEach(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    ({ caseA } = await createTwoCases(t, as));
    caseReference = (await t.http().get(`/cases/${caseA}`).set(bearer(as.coordinator))).body.reference;
    const testimony = await makeTestimony(t, as.investigator, caseA);
    ids = await uploadTexts(t, as.investigator, testimony, ['one', 'two', 'three']);
  });
  afterEach(async () => {
    await t.close();
  });

  it('says no run was made yet, and that every attachment is unchecked', async () => {
    const res = await status();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ attachments: 3, neverChecked: 3, latestRun: null, earlierRuns: [] });
  });

  it('summarises the latest run and lists its failures by attachment and case, earlier runs below', async () => {
    const first = await t.app.get(FixityService).run();
    await flipFirstByte(t, ids[1]);
    const gone = await objectPathOf(t, ids[2]);
    await rename(gone, `${gone}.moved`);
    const second = await t.app.get(FixityService).run();
    await rename(`${gone}.moved`, gone);
    await uploadTexts(t, as.investigator, await makeTestimony(t, as.investigator, caseA), ['added after the run']);

    const res = await status(as.admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      attachments: 4,
      neverChecked: 1,
      latestRun: { runId: second.runId, checked: 3, mismatched: 1, missing: 1, notChecked: 1 },
      earlierRuns: [{ runId: first.runId, checked: 3, mismatched: 0, missing: 0 }],
    });
    const run = res.body.latestRun;
    expect(Date.parse(run.startedAt)).toBeLessThanOrEqual(Date.parse(run.finishedAt));
    expect(run.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(Date.parse(run.startedAt)).toBeGreaterThanOrEqual(Date.parse(res.body.earlierRuns[0].finishedAt));
    const byId = Object.fromEntries(run.failures.map((f: { attachmentId: string }) => [f.attachmentId, f]));
    expect(run.failures).toHaveLength(2);
    expect(byId[ids[1]]).toMatchObject({
      caseReference,
      ownerType: 'testimony',
      missing: false,
      expectedSize: 3,
      observedSize: 3,
    });
    expect(byId[ids[1]].observedSha256).not.toBe(byId[ids[1]].expectedSha256);
    expect(byId[ids[2]]).toMatchObject({ caseReference, missing: true, observedSha256: null, observedSize: null });
    // File names and descriptions are case content: the status carries none.
    expect(JSON.stringify(res.body)).not.toContain('.txt');
  });

  it('is for auditors and administrators only, and writes no audit event', async () => {
    const db = t.app.get(DataSource);
    const count = async () =>
      (
        await readAuditLog(
          db,
          `SELECT ((SELECT count(*) FROM audit_events) + (SELECT count(*) FROM audit_pending))::int AS n`,
        )
      )[0].n;
    const before = await count();
    expect((await status(as.auditor)).status).toBe(200);
    expect(await count()).toBe(before);
    expect((await t.http().get('/fixity')).status).toBe(401);
    for (const role of ['coordinator', 'investigator', 'analyst', 'legal_reviewer'] as const) {
      expect({ role, status: (await status(as[role])).status }).toEqual({ role, status: 403 });
    }
  });
});
