import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loginAllRoles, requestAs, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { queryOnce } from '../support/test-database.js';
import { createTestimony, createWitness } from '../support/testimony-fixtures.js';
import { holdLock } from './lock-helpers.js';

// The answer to a write is built inside its transaction: when the client is told it failed,
// nothing was committed, so a retry cannot make a duplicate (seen: 4 of 1,207 creates during a
// database stop answered 500 after committing). Here a lock held on a table makes the request
// wait past its statement limit: on consent, which only the answer reads, the answer's read times
// out; on translations, which a create no longer reads back, the COMMIT's deferred search refresh
// waits on it. statement_timeout does not end such a COMMIT: without lock_timeout the client's own
// timeout answered 503 after 12 s and the COMMIT went through once the lock was released.
describe('a write that answers an error has committed nothing', () => {
  let t: TestApp;
  let as: RoleLogins;
  let caseA: string;
  let witnessId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { DATABASE_STATEMENT_TIMEOUT_SECONDS: '1' } });
    as = await loginAllRoles(t);
    ({ caseA } = await createTwoCases(t, as));
    witnessId = await createWitness(t, as.investigator, caseA);
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (sql: string, params: unknown[]) => (await queryOnce(t.database.url, sql, params))[0].n;

  it('a testimony create', async () => {
    const lock = await holdLock(t.database.url, 'testimony_translations', 'ACCESS EXCLUSIVE');
    let status: number;
    try {
      ({ status } = await requestAs(t, as.investigator, 'post', '/testimonies', {
        witnessId,
        forum: 'confidential_interview',
        originalLanguage: 'ko',
        title: 'answer fails',
        narrative: '함경북도 회령 제22호 관리소.',
      }));
    } finally {
      await lock.release();
    }
    expect(status).toBe(503);
    expect(await count(`SELECT count(*)::int AS n FROM testimonies WHERE title = $1`, ['answer fails'])).toBe(0);
  });

  it('a testimony update', async () => {
    const created = await createTestimony(t, as.investigator, witnessId, '원래 진술.');
    const lock = await holdLock(t.database.url, 'consent_records', 'ACCESS EXCLUSIVE');
    let status: number;
    try {
      ({ status } = await requestAs(t, as.investigator, 'patch', `/testimonies/${created.id}`, {
        version: created.version,
        title: 'changed title',
      }));
    } finally {
      await lock.release();
    }
    expect(status).toBe(503);
    expect(await count(`SELECT count(*)::int AS n FROM testimonies WHERE title = $1`, ['changed title'])).toBe(0);
  });
});
