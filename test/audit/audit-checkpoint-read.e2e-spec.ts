import { createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { AuditAction, AuditCheckpointService, AuditService, checkpointSignatureValid } from '@sillok/audit';
import { Role } from '@sillok/auth';
import { bearer, createAndLogin, loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { readAuditLog } from '../support/audit-log.js';

describe('GET /audit/checkpoints/latest', () => {
  let t: TestApp;
  let as: RoleLogins;
  const latest = (user = as.auditor) => t.http().get('/audit/checkpoints/latest').set(bearer(user));

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows a checkpoint recorded before signatures were kept without one, and whether the chain still agrees', async () => {
    await t.app.get(AuditService).recordNow({ action: AuditAction.AuditVerify, details: {} });
    const [{ hash }] = await readAuditLog(t.app.get(DataSource), `SELECT hash FROM audit_events WHERE seq = 1`);
    const old = { headSeq: 1, publicKeyFingerprint: 'f'.repeat(64) };
    const record = (headHash: string) =>
      t.app.get(AuditService).recordNow({ action: AuditAction.AuditCheckpoint, details: { ...old, headHash } });
    await record(hash);
    expect((await latest()).body.checkpoint).toMatchObject({
      ...old,
      headHash: hash,
      signed: null,
      matchesChain: true,
    });
    await record('0'.repeat(64));
    expect((await latest()).body.checkpoint).toMatchObject({ headHash: '0'.repeat(64), matchesChain: false });
  });

  it('shows the newest checkpoint as signed, which verifies with the public key and matches the chain', async () => {
    const checkpoints = t.app.get(AuditCheckpointService);
    await checkpoints.create();
    await t.app.get(AuditService).recordNow({ action: AuditAction.AuditVerify, details: {} });
    const newest = await checkpoints.create();

    const res = await latest();
    expect(res.status).toBe(200);
    const shown = res.body.checkpoint;
    expect(shown).toMatchObject({
      headSeq: newest.statement.headSeq,
      headHash: newest.statement.headHash,
      publicKeyFingerprint: newest.publicKeyFingerprint,
      actor: { userId: null, role: null },
      matchesChain: true,
      signed: newest,
    });
    expect(shown.seq).toBeGreaterThan(newest.statement.headSeq);
    expect(shown.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    // What the screen hands out is the deposited file: its signature holds against the published key.
    expect(checkpointSignatureValid(shown.signed, createPublicKey(checkpoints.publicKeyPem()))).toBe(true);
  });

  it('is for holders of audit.verify: 401 without a token, 403 to every other role', async () => {
    expect((await t.http().get('/audit/checkpoints/latest')).status).toBe(401);
    for (const role of ['admin', 'coordinator', 'investigator', 'analyst', 'legal_reviewer'] as const) {
      expect({ role, status: (await latest(as[role])).status }).toEqual({ role, status: 403 });
    }
  });
});

/**
 * Before the first checkpoint: the tests above record some, so this one has an app of its own, booted
 * after theirs is closed (passport keeps one password strategy per process, the last booted app's: an
 * app alive beside another would take over its logins).
 */
describe('GET /audit/checkpoints/latest', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers null before the first checkpoint', async () => {
    const auditor = await createAndLogin(t, Role.Auditor);
    const res = await t.http().get('/audit/checkpoints/latest').set(bearer(auditor));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ checkpoint: null });
  });
});
