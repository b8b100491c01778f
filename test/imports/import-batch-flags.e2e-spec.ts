/* eslint-disable no-restricted-syntax -- this file checks which events stay pending and which are chained, so it reads the raw tables on purpose */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { insertCaseWithWitness, insertTestimony, type SqlCaseFixture, type SqlRows } from '../support/sql-fixtures.js';
import { migratedDatabaseConnection } from '../support/test-database.js';

/**
 * The transaction-local flags a bulk import sets (libs/imports/src/staging/batch-write.ts): rows
 * written under them queue no per-row deferred trigger, so the writer must do that work itself,
 * set-based; rows written without them are refreshed and chained at commit as ever.
 */
describe('import batch flags (SearchRefreshInBatches, AuditChainOncePerBatch)', () => {
  const client = migratedDatabaseConnection();
  const query: SqlRows = async (sql, params = []) => (await client().query(sql, params)).rows;
  let fixture: SqlCaseFixture;
  let n = 0;
  const testimony = () =>
    insertTestimony(query, fixture, {
      number: ++n,
      language: 'ko',
      title: '제목',
      narrative: '요덕수용소에서 고문을 받았다',
    });
  const documentOf = async (id: string) =>
    (await query(`SELECT document::text FROM search_documents WHERE id = $1`, [id]))[0]?.document ?? null;
  const pendingEvent = (action: string) =>
    query(`INSERT INTO audit_pending (action, details_canonical) VALUES ($1, '{}')`, [action]);
  const where = async (action: string) => ({
    pending: Number((await query(`SELECT count(*) FROM audit_pending WHERE action = $1`, [action]))[0].count),
    chained: Number((await query(`SELECT count(*) FROM audit_events WHERE action = $1`, [action]))[0].count),
  });

  beforeAll(async () => {
    fixture = await insertCaseWithWitness(query, 'flags@example.org');
  });

  it('a testimony written with sillok.search_refresh = batch gets its document only from search_refresh_testimonies', async () => {
    await query('BEGIN');
    const plain = await testimony();
    await query(`SELECT set_config('sillok.search_refresh', 'batch', true)`);
    const skipped = await testimony();
    const refreshed = await testimony();
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
