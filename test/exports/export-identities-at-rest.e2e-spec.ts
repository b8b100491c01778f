import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { finalPath } from '../evidence/filesystem-layout.js';
import { loginAllRoles, requestAs, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { CLI_ENTRY, runNode } from '../support/processes.js';
import { startTestApp, TEST_SECRETS, type TestApp } from '../support/test-app.js';
import {
  approveTestimony,
  downloadBundle,
  unzipBag,
  witnessWithTestimony,
  type UnzippedBag,
} from './export-fixtures.js';
import { readAuditLog } from '../support/audit-log.js';

/** Issue 23.1: a stolen copy of the object store must not hold witness identities in clear. */
const LEGAL_NAME = '박순희';
const FAMILY_LOCATION = '함경북도 청진시 수남구역';
const REASON = 'court filing, case 2026/17';

describe('exports with witness identities at rest', () => {
  let t: TestApp;
  let as: RoleLogins;
  let caseA: string;
  let witness: Awaited<ReturnType<typeof witnessWithTestimony>>;
  let exportId: string;
  const bags: UnzippedBag[] = [];

  const db = () => t.app.get(DataSource);
  const storedFile = async () => {
    const [row] = await db().query(`SELECT object_key FROM case_exports WHERE id = $1`, [exportId]);
    return finalPath(join(t.settings.SILLOK_DATA_DIR, 'objects'), row.object_key as string);
  };
  const identityReads = async () =>
    (await readAuditLog(
      db(),
      `SELECT subject_id, reason FROM audit_events WHERE action = 'witness.identity.read' ORDER BY seq`,
    )) as Array<{ subject_id: string; reason: string }>;

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    ({ caseA } = await createTwoCases(t, as));
    witness = await witnessWithTestimony(t, as.investigator, caseA, ['internal', 'courts'], 'Testimony for the court.');
    const put = await requestAs(t, as.investigator, 'put', `/witnesses/${witness.witnessId}/identity`, {
      legalName: LEGAL_NAME,
      familyInDprk: [{ relation: 'mother', location: FAMILY_LOCATION }],
    });
    expect(put.status).toBe(200);
    await approveTestimony(t, as.investigator, as.coordinator, witness.id);
    const res = await requestAs(t, as.coordinator, 'post', `/cases/${caseA}/exports`, {
      profile: 'prosecution',
      recipient: 'Prosecutor',
      includeIdentities: true,
      identityReason: REASON,
    });
    expect(res.status).toBe(201);
    exportId = res.body.id;
  }, 120_000);

  afterAll(async () => {
    for (const bag of bags) rmSync(join(bag.root, '..', '..'), { recursive: true, force: true });
    await t.close();
  });

  it('stores the bag encrypted: no identity, no ZIP structure in the stored bytes', async () => {
    const stored = readFileSync(await storedFile());
    expect(stored.length).toBeGreaterThan(1000);
    expect(stored.subarray(0, 4).equals(Buffer.from('PK\u0003\u0004'))).toBe(false);
    for (const clear of [LEGAL_NAME, FAMILY_LOCATION, 'legalName', 'bagit.txt', 'sillok-export-'])
      expect([clear, stored.includes(Buffer.from(clear))]).toEqual([clear, false]);
    const [seal] = await db().query(
      `SELECT s.expires_at - e.created_at AS lifetime, s.witness_ids, s.sealed_key IS NOT NULL AS sealed
         FROM case_export_seals s JOIN case_exports e ON e.id = s.export_id WHERE s.export_id = $1`,
      [exportId],
    );
    expect(seal.sealed).toBe(true);
    expect(seal.witness_ids).toEqual([witness.witnessId]);
    expect(seal.lifetime.days).toBe(7);
  });

  it('downloads only for a holder of witness.identity.read on the case, with a reason; each download is an identity read', async () => {
    const before = (await identityReads()).length;
    const noReason = await downloadBundle(t, as.coordinator, exportId);
    expect(noReason.status).toBe(400);
    expect((await downloadBundle(t, as.legal_reviewer, exportId)).status).toBe(400);
    // Analysts read pseudonymised content only; investigators do not download exports.
    expect((await downloadBundle(t, as.analyst, exportId, REASON)).status).toBe(403);
    expect((await downloadBundle(t, as.investigator, exportId, REASON)).status).toBe(403);
    expect((await identityReads()).length).toBe(before);

    const reason = 'second copy for the trial chamber';
    const res = await downloadBundle(t, as.coordinator, exportId, reason);
    expect(res.status).toBe(200);
    const bag = unzipBag(res.body as Buffer);
    bags.push(bag);
    const testimony = JSON.parse(bag.read(`data/testimonies/${witness.reference}.json`));
    expect(testimony.witness.identity).toMatchObject({ legalName: LEGAL_NAME });
    const verified = await runNode([CLI_ENTRY, 'verify', bag.zip], {});
    expect(verified.code).toBe(0);
    expect((await identityReads()).slice(before)).toEqual([{ subject_id: witness.witnessId, reason }]);
  }, 60_000);

  it('refuses an expired copy and purges it from the command line, audited', async () => {
    await db().query(`UPDATE case_export_seals SET expires_at = now() - interval '1 minute' WHERE export_id = $1`, [
      exportId,
    ]);
    const expired = await downloadBundle(t, as.coordinator, exportId, REASON);
    expect(expired.status).toBe(404);
    const file = await storedFile();
    const env = {
      ...TEST_SECRETS,
      NODE_ENV: 'test',
      DATABASE_URL: t.database.url,
      SILLOK_DATA_DIR: t.settings.SILLOK_DATA_DIR,
    };
    const purged = await runNode([CLI_ENTRY, 'export:purge'], env);
    expect([purged.code, purged.stdout]).toEqual([
      0,
      `purged export ${exportId}\n1 expired export(s) with identities purged\n`,
    ]);
    const [seal] = await db().query(`SELECT sealed_key, purged_at FROM case_export_seals WHERE export_id = $1`, [
      exportId,
    ]);
    expect(seal.sealed_key).toBeNull();
    expect(seal.purged_at).not.toBeNull();
    expect(existsSync(file)).toBe(false);
    const audit = await readAuditLog(db(), `SELECT subject_id FROM audit_events WHERE action = 'export.purge'`);
    expect(audit).toEqual([{ subject_id: exportId }]);
    const again = await runNode([CLI_ENTRY, 'export:purge'], env);
    expect(again.stdout).toBe('0 expired export(s) with identities purged\n');
  }, 120_000);
});
