/* eslint-disable no-restricted-syntax -- this file works on the raw audit_events table on purpose (tampering, grants, the sealer itself) */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { OCCURRED_AT_SQL_FORMAT } from '@sillok/audit';
import { grantApplicationRole } from '@sillok/database';
import { forgedIdentityReadInsert } from '../support/forged-audit-row.js';
import { createTestDatabase, queryOnce, type TestDatabase } from '../support/test-database.js';

/**
 * Issue 23.4: with the API's database credentials one could insert a `witness.identity.read`
 * row attributed to someone else, dated months back, with a correctly computed hash, and
 * `audit:verify` said "chain OK". The database now sets the time and the order, and the
 * API's role appends only through audit_pending.
 */
describe('the audit trail cannot be backdated', () => {
  let database: TestDatabase;
  const role = `sillok_app_${randomBytes(4).toString('hex')}`;
  const asRole = () => {
    const url = new URL(database.url);
    url.username = role;
    return url.toString();
  };

  /** Runs statements in one transaction on its own connection, as the API's pool would. */
  async function inTransactionAs(url: string, ...statements: string[]): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('BEGIN');
      for (const sql of statements) await client.query(sql);
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  }

  async function head(): Promise<{ seq: number; hash: string; occurred_at: string }> {
    const [row] = await queryOnce(
      database.url,
      `SELECT seq::int AS seq, hash, to_char(occurred_at AT TIME ZONE 'UTC', ${OCCURRED_AT_SQL_FORMAT}) AS occurred_at
         FROM audit_events ORDER BY seq DESC LIMIT 1`,
    );
    return row as { seq: number; hash: string; occurred_at: string };
  }

  const forgedIdentityRead = async () => forgedIdentityReadInsert(await head());

  const pendingEvent = (action: string) =>
    `INSERT INTO audit_pending (action, details_canonical) VALUES ('${action}', '{}')`;

  beforeAll(async () => {
    database = await createTestDatabase();
    await queryOnce(database.url, `CREATE ROLE ${role} LOGIN`);
    await grantApplicationRole(database.url, role);
    await inTransactionAs(database.url, pendingEvent('case.create'), pendingEvent('case.update'));
  });
  afterAll(async () => {
    await queryOnce(database.url, `DROP OWNED BY ${role}`).catch(() => undefined);
    await database.drop();
    await queryOnce(database.url.replace(/\/[^/]*$/, '/postgres'), `DROP ROLE IF EXISTS ${role}`).catch(
      () => undefined,
    );
  });

  it("refuses the forged row inserted straight into audit_events with the API role's credentials", async () => {
    const count = async () => (await queryOnce(database.url, `SELECT count(*)::int AS n FROM audit_events`))[0].n;
    // The other tests append rows: what counts is that this attempt added none.
    const before = await count();
    await expect(queryOnce(asRole(), await forgedIdentityRead())).rejects.toThrow(/permission denied/);
    expect(await count()).toBe(before);
  });

  it('refuses it even from the schema owner (an API that runs as the owner), while the triggers are on', async () => {
    await expect(queryOnce(database.url, await forgedIdentityRead())).rejects.toThrow(
      /audit_events takes rows only from audit_pending/,
    );
  });

  it('gives a row appended through audit_pending the next seq and the database time, never earlier than its predecessor', async () => {
    const before = await head();
    const [{ now }] = await queryOnce(
      database.url,
      `SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', ${OCCURRED_AT_SQL_FORMAT}) AS now`,
    );
    await inTransactionAs(asRole(), pendingEvent('case.update'));
    const after = await head();
    expect(after.seq).toBe(before.seq + 1);
    // Database clock against database clock: the row is stamped at its commit, not when a client says.
    expect(after.occurred_at >= now && after.occurred_at >= before.occurred_at).toBe(true);
  });

  it('never lets the API role plant an event in another transaction or drop one of its own before commit', async () => {
    const before = await head();
    // A txid given by the client is replaced by the inserting transaction's own.
    await inTransactionAs(
      asRole(),
      `INSERT INTO audit_pending (txid, action, details_canonical) VALUES (txid_current() + 1000, 'case.update', '{}')`,
    );
    expect((await head()).seq).toBe(before.seq + 1);
    expect(await queryOnce(database.url, `SELECT count(*)::int AS n FROM audit_pending`)).toEqual([{ n: 0 }]);
    // An identity read whose audit row the reader deletes before commit would leave no trace.
    await expect(
      inTransactionAs(asRole(), pendingEvent('witness.identity.read'), `DELETE FROM audit_pending`),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inTransactionAs(asRole(), pendingEvent('witness.identity.read'), `UPDATE audit_pending SET action = 'x'`),
    ).rejects.toThrow(/permission denied/);
    // Nor skip the chaining by claiming it has already been done.
    await inTransactionAs(
      asRole(),
      `SELECT set_config('sillok.audit_chained_upto', '9223372036854775807', true)`,
      pendingEvent('witness.identity.read'),
    );
    expect(await head()).toMatchObject({ seq: before.seq + 2 });
    // Bulk imports append with INSERT ... RETURNING 1 (AuditService.recordPerRow): INSERT alone allows it.
    await inTransactionAs(asRole(), `${pendingEvent('witness.create')} RETURNING 1`);
    expect(await head()).toMatchObject({ seq: before.seq + 3 });
  });
});
