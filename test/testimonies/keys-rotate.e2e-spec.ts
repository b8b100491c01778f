import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { bearer, login, loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { CLI_ENTRY, runNode } from '../support/processes.js';
import { startTestApp, TEST_SECRETS, type TestApp } from '../support/test-app.js';
import { readAuditLog } from '../support/audit-log.js';

const NEW_KEY = 'k2:ISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0A=';

describe('sillok keys:rotate', () => {
  let t: TestApp;
  let as: RoleLogins;
  const witnessIds: string[] = [];
  let abducteeId: string;

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    const { caseA } = await createTwoCases(t, as);
    for (const name of ['박철', '이순희', '최영']) {
      const witness = await t.http().post('/witnesses').set(bearer(as.investigator)).send({ caseId: caseA });
      await t
        .http()
        .put(`/witnesses/${witness.body.id}/identity`)
        .set(bearer(as.investigator))
        .send({ legalName: name });
      witnessIds.push(witness.body.id);
    }
    const abductee = await t
      .http()
      .post('/abductees')
      .set(bearer(as.investigator))
      .send({ caseId: caseA, name: '김철수', nameAtRisk: true });
    abducteeId = abductee.body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('re-seals every identity under the new first key, audits each, and is idempotent', async () => {
    const env = {
      ...TEST_SECRETS,
      DATABASE_URL: t.database.url,
      IDENTITY_ENCRYPTION_KEYS: `${NEW_KEY},${TEST_SECRETS.IDENTITY_ENCRYPTION_KEYS}`,
    };
    const first = await runNode([CLI_ENTRY, 'keys:rotate'], env);
    expect(first.stderr).toContain('re-encrypting identities: 3/3 (100%');
    expect(first.stdout.trim().split('\n')).toEqual([
      're-encrypted 3 identity records',
      're-encrypted 1 sealed abductee names',
    ]);
    expect(first.code).toBe(0);

    const db = t.app.get(DataSource);
    expect(await db.query(`SELECT DISTINCT key_id FROM witness_identities`)).toEqual([{ key_id: 'k2' }]);
    const audited = await readAuditLog(
      db,
      `SELECT subject_id FROM audit_events WHERE action = 'witness.identity.rekey'`,
    );
    expect(audited.map((r: { subject_id: string }) => r.subject_id).sort()).toEqual([...witnessIds].sort());
    expect(await db.query(`SELECT name_key_id FROM abductees`)).toEqual([{ name_key_id: 'k2' }]);
    expect(await readAuditLog(db, `SELECT subject_id FROM audit_events WHERE action = 'abductee.name.rekey'`)).toEqual([
      { subject_id: abducteeId },
    ]);

    const again = await runNode([CLI_ENTRY, 'keys:rotate'], env);
    expect(again.stdout.trim()).toBe('every identity record already uses the current key');

    // Only the new key is needed from now on.
    const rotated = await startTestApp({ reuseDatabase: t.database, env: { IDENTITY_ENCRYPTION_KEYS: NEW_KEY } });
    try {
      const reviewer = await login(rotated, as.legal_reviewer);
      const read = await rotated
        .http()
        .post(`/witnesses/${witnessIds[1]}/identity/read`)
        .set(bearer(reviewer))
        .send({ reason: 'checking the rotation worked' });
      expect(read.body.identity.legalName).toBe('이순희');
      expect(read.body.keyId).toBe('k2');
      const name = await rotated
        .http()
        .post(`/abductees/${abducteeId}/name/read`)
        .set(bearer(reviewer))
        .send({ reason: 'checking the rotation worked' });
      expect(name.body.name).toBe('김철수');
    } finally {
      await rotated.close();
    }
  });

  it('fails with one line when a record was sealed with a key that is not configured', async () => {
    const result = await runNode([CLI_ENTRY, 'keys:rotate'], {
      ...TEST_SECRETS,
      DATABASE_URL: t.database.url,
      IDENTITY_ENCRYPTION_KEYS: 'k9:MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=',
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('sillok: identity key "k2" is not configured in IDENTITY_ENCRYPTION_KEYS');
  });
});
