/* eslint-disable no-restricted-syntax -- this file checks which events stay pending and which are chained, so it reads the raw tables on purpose */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * The transaction-local flags a bulk import sets (libs/imports/src/staging/batch-write.ts): rows
 * written under them queue no per-row deferred trigger, so the writer must do that work itself,
 * set-based; rows written without them are refreshed and chained at commit as ever.
 */
describe('import batch flags (SearchRefreshInBatches, AuditChainOncePerBatch)', () => {
  let database: TestDatabase;
  let client: pg.Client;
  let caseId: string;
  let witnessId: string;
  let userId: string;
  let n = 0;
  const query = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows;
  const insertTestimony = async () => {
    n++;
    const [{ id }] = await query(
      `INSERT INTO testimonies (reference, case_id, witness_id, forum, original_language, title, narrative, created_by)
       VALUES ($1, $2, $3, 'other', 'ko', '제목', '요덕수용소에서 고문을 받았다', $4) RETURNING id`,
      [`T-${String(n).padStart(6, '0')}`, caseId, witnessId, userId],
    );
    return id as string;
  };
  const documentOf = async (id: string) =>
    (await query(`SELECT document::text FROM search_documents WHERE id = $1`, [id]))[0]?.document ?? null;
  const pendingEvent = (action: string) =>
    query(`INSERT INTO audit_pending (action, details_canonical) VALUES ($1, '{}')`, [action]);
  const where = async (action: string) => ({
    pending: Number((await query(`SELECT count(*) FROM audit_pending WHERE action = $1`, [action]))[0].count),
    chained: Number((await query(`SELECT count(*) FROM audit_events WHERE action = $1`, [action]))[0].count),
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    [{ id: userId }] = await query(
      `INSERT INTO users (email, display_name, role, password_hash) VALUES ('flags@example.org', 'f', 'coordinator', 'x')
       RETURNING id`,
    );
    [{ id: caseId }] = await query(
      `INSERT INTO cases (reference, title, created_by) VALUES ('CASE-2026-0001', 'flags', $1) RETURNING id`,
      [userId],
    );
    [{ id: witnessId }] = await query(
      `INSERT INTO witnesses (case_id, pseudonym, created_by) VALUES ($1, 'W-000001', $2) RETURNING id`,
      [caseId, userId],
    );
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('a testimony written with sillok.search_refresh = batch gets its document only from search_refresh_testimonies', async () => {
    await query('BEGIN');
    const plain = await insertTestimony();
    await query(`SELECT set_config('sillok.search_refresh', 'batch', true)`);
    const skipped = await insertTestimony();
    const refreshed = await insertTestimony();
    await query(`SELECT set_config('sillok.search_refresh', '', true)`);
    expect((await query(`SELECT search_refresh_testimonies($1) AS n`, [[refreshed]]))[0].n).toBe(1);
    await query('COMMIT');
    expect(await documentOf(plain)).toContain("'고문'");
    expect(await documentOf(skipped)).toBeNull();
    expect(await documentOf(refreshed)).toBe(await documentOf(plain));
  });

  it('audit events written with sillok.audit_chain = batch wait for the next commit trigger or seal', async () => {
    await query('BEGIN');
    await query(`SELECT set_config('sillok.audit_chain', 'batch', true)`);
    await pendingEvent('test.batch');
    await pendingEvent('test.batch');
    await query('COMMIT');
    expect(await where('test.batch')).toEqual({ pending: 2, chained: 0 });

    await query('BEGIN');
    await query(`SELECT set_config('sillok.audit_chain', 'batch', true)`);
    await pendingEvent('test.batch2');
    await query(`SELECT set_config('sillok.audit_chain', '', true)`);
    await pendingEvent('test.last');
    await query('COMMIT');
    // The last event's trigger chained everything pending: its own transaction's and the earlier one's.
    expect(await where('test.batch')).toEqual({ pending: 0, chained: 2 });
    expect(await where('test.batch2')).toEqual({ pending: 0, chained: 1 });
    expect(await where('test.last')).toEqual({ pending: 0, chained: 1 });
  });
});
