import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { bearer, createAndLogin, loginAllRoles, type LoggedInUser, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { queryOnce } from '../support/test-database.js';
import { createWitness } from '../support/testimony-fixtures.js';
import pg from 'pg';
import { Role } from '@sillok/auth';
import { IdempotencyKeyPruner } from '../../apps/api/src/idempotency/idempotency-key-pruner.js';
import { CaseRole } from '@sillok/cases';

// A client that lost the answer to a create (timeout, 503, dropped connection) retries with
// the same Idempotency-Key and must get the first record back, never a second one.
describe('Idempotency-Key on create routes', () => {
  let t: TestApp;
  let as: RoleLogins;
  let caseA: string;
  let witnessId: string;
  let colleague: LoggedInUser;

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    ({ caseA } = await createTwoCases(t, as));
    colleague = await createAndLogin(t, Role.Investigator);
    await t
      .http()
      .post(`/cases/${caseA}/members`)
      .set(bearer(as.coordinator))
      .send({ userId: colleague.id, caseRole: CaseRole.Member })
      .expect(201);
    witnessId = await createWitness(t, as.investigator, caseA);
  });
  afterAll(async () => {
    await t?.close();
  });

  const testimony = (title: string) => ({
    witnessId,
    forum: 'confidential_interview',
    originalLanguage: 'ko',
    title,
    narrative: '요덕 제15호 관리소 혁명화구역.',
  });
  const create = (user: LoggedInUser, key: string, body: object) =>
    t.http().post('/testimonies').set(bearer(user)).set('idempotency-key', key).send(body);
  const countTitled = async (title: string) =>
    (await queryOnce(t.database.url, `SELECT count(*)::int AS n FROM testimonies WHERE title = $1`, [title]))[0].n;

  it('the same key and body answers the first record again, and creates it once', async () => {
    const key = randomUUID();
    const first = await create(as.investigator, key, testimony('retried'));
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await create(as.investigator, key, testimony('retried'));
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await countTitled('retried')).toBe(1);
  });

  it('concurrent retries with one key make one record and all get its answer', async () => {
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => create(as.investigator, key, testimony('twins'))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await countTitled('twins')).toBe(1);
  });

  it('the same key with another body is refused with 409 and creates nothing', async () => {
    const key = randomUUID();
    expect((await create(as.investigator, key, testimony('original'))).status).toBe(201);
    const other = await create(as.investigator, key, testimony('something else'));
    expect(other.status).toBe(409);
    expect(other.body.type).toBe('urn:sillok:problem:conflict');
    expect(await countTitled('something else')).toBe(0);
  });

  it('keys belong to one user and one route', async () => {
    const key = randomUUID();
    const mine = await create(as.investigator, key, testimony('per user'));
    const theirs = await create(colleague, key, testimony('per user'));
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    const aCase = await t.http().post('/cases').set(bearer(as.coordinator)).set('idempotency-key', key).send({
      title: 'same key, other route',
    });
    expect(aCase.status).toBe(201);
    expect(await countTitled('per user')).toBe(2);
  });

  it('a failed create stores no key: a corrected retry with the same key creates the record', async () => {
    const key = randomUUID();
    const refused = await create(as.investigator, key, { ...testimony('fixed later'), witnessId: randomUUID() });
    expect(refused.status).toBe(404);
    const fixed = await create(as.investigator, key, testimony('fixed later'));
    expect(fixed.status).toBe(201);
    expect(await countTitled('fixed later')).toBe(1);
  });

  it('refuses a malformed key with 400', async () => {
    const res = await create(as.investigator, 'x'.repeat(201), testimony('bad key'));
    expect(res.status).toBe(400);
    expect(await countTitled('bad key')).toBe(0);
  });

  describe('keys past their 24 hours', () => {
    // A prune removes the old key: each test stores and backdates keys of its own.
    let keys: { old: string; young: string };
    let prunedKeyRecord: string;
    const backdate = (key: string, hours: number) =>
      queryOnce(
        t.database.url,
        `UPDATE idempotency_keys SET created_at = now() - make_interval(hours => $2) WHERE key = $1`,
        [key, hours],
      );
    const stored = async () =>
      (await queryOnce(t.database.url, `SELECT key FROM idempotency_keys WHERE key = ANY($1)`, [Object.values(keys)]))
        .map((r) => r.key as string)
        .sort();

    beforeEach(async () => {
      keys = { old: randomUUID(), young: randomUUID() };
      const pruned = await create(as.investigator, keys.old, testimony('pruned key'));
      expect(pruned.status).toBe(201);
      prunedKeyRecord = pruned.body.id;
      expect((await create(as.investigator, keys.young, testimony('kept key'))).status).toBe(201);
      await backdate(keys.old, 25);
      await backdate(keys.young, 23);
    });

    it('are skipped while another process prunes (one process at a time)', async () => {
      const other = new pg.Client({ connectionString: t.database.url });
      await other.connect();
      try {
        await other.query(`SELECT pg_advisory_lock($1, hashtext('idempotency:prune'))`, [0x5111_0c]);
        expect(await t.app.get(IdempotencyKeyPruner).prune()).toEqual({ ran: false });
        expect(await stored()).toEqual([keys.old, keys.young].sort());
      } finally {
        await other.end();
      }
    });

    it('are removed by the pruner; younger ones are kept and still replay', async () => {
      const outcome = await t.app.get(IdempotencyKeyPruner).prune();
      expect(outcome).toMatchObject({ ran: true });
      expect(await stored()).toEqual([keys.young]);
      const replayed = await create(as.investigator, keys.young, testimony('kept key'));
      expect(replayed.headers['idempotent-replayed']).toBe('true');
      // The record stays; only the stored answer goes.
      expect(await queryOnce(t.database.url, `SELECT id FROM testimonies WHERE id = $1`, [prunedKeyRecord])).toEqual([
        { id: prunedKeyRecord },
      ]);
    });
  });
});
