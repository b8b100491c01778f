import { beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { insertCaseWithWitness, insertTestimony, type SqlCaseFixture, type SqlRows } from '../support/sql-fixtures.js';
import { migratedDatabaseConnection } from '../support/test-database.js';

/**
 * The refresh of a document that exists computes its phrase pairs once (SearchRefreshUpdateFirst):
 * an upsert computed them for the row it proposed and again for the row it updated. Counted with
 * PostgreSQL's own per-transaction function statistics.
 */
describe('search document refresh (SearchRefreshUpdateFirst)', () => {
  const client = migratedDatabaseConnection();
  const query: SqlRows = async (sql, params = []) => (await client().query(sql, params)).rows;
  let n = 0;

  // The session's calls not yet flushed to the statistics (it flushes at most once a second, so
  // the count can include earlier transactions': the difference is this transaction's).
  const pendingCalls = async (): Promise<number> =>
    (
      await query(
        `SELECT coalesce(pg_stat_get_xact_function_calls('search_phrase_pairs(tsvector)'::regprocedure), 0)::int AS calls`,
      )
    )[0].calls as number;

  /** Runs `work` in a transaction whose deferred refreshes fire before the calls are counted; commits. */
  async function pairsComputedBy(work: () => Promise<void>): Promise<number> {
    await query('BEGIN');
    await query(`SET LOCAL track_functions = 'all'`);
    const before = await pendingCalls();
    await work();
    await query('SET CONSTRAINTS ALL IMMEDIATE');
    const calls = (await pendingCalls()) - before;
    await query('COMMIT');
    return calls;
  }

  let fixture: SqlCaseFixture;
  beforeAll(async () => {
    fixture = await insertCaseWithWitness(query, 'refresh@example.org');
  });
  const testimony = (narrative: string): Promise<string> =>
    insertTestimony(query, fixture, { number: ++n, language: 'en', title: 'title', narrative });
  const documentHas = async (id: string, phrase: string): Promise<boolean> =>
    (
      await query(
        `SELECT d.document @@ phraseto_tsquery('english', $2) AND d.phrase_pairs = search_phrase_pairs(d.document) AS has
           FROM search_documents d WHERE d.id = $1`,
        [id, phrase],
      )
    )[0]?.has ?? false;

  it('computes the pairs once when a testimony is created and once when it is edited', async () => {
    let id = '';
    expect(
      await pairsComputedBy(async () => {
        id = await testimony('the guards beat prisoners at dawn');
      }),
    ).toBe(1);
    expect(await documentHas(id, 'guards beat')).toBe(true);

    expect(
      await pairsComputedBy(async () => {
        await query(`UPDATE testimonies SET narrative = 'the guards starved prisoners at dusk' WHERE id = $1`, [id]);
      }),
    ).toBe(1);
    expect(await documentHas(id, 'starved prisoners')).toBe(true);
    expect(await documentHas(id, 'guards beat')).toBe(false);
  });

  it('computes the pairs once per document when an import refreshes documents that exist and new ones', async () => {
    const existing = await testimony('forced labour in the mine');
    let fresh = '';
    let refreshed = 0;
    const calls = await pairsComputedBy(async () => {
      await query(`SELECT set_config('sillok.search_refresh', 'batch', true)`);
      await query(`UPDATE testimonies SET narrative = 'forced labour in the fields' WHERE id = $1`, [existing]);
      fresh = await testimony('public execution in the square');
      [{ n: refreshed }] = await query(`SELECT search_refresh_testimonies($1) AS n`, [[existing, fresh]]);
    });
    expect({ calls, refreshed }).toEqual({ calls: 2, refreshed: 2 });
    expect(await documentHas(existing, 'labour in the fields')).toBe(true);
    expect(await documentHas(fresh, 'public execution')).toBe(true);
  });

  it('computes the pairs once when an incident is edited', async () => {
    const [{ id }] = await query(
      `INSERT INTO incidents (reference, case_id, title, description, created_by)
       VALUES ('I-000001', $1, 'incident', 'a transfer between camps', $2) RETURNING id`,
      [fixture.caseId, fixture.userId],
    );
    expect(
      await pairsComputedBy(async () => {
        await query(`UPDATE incidents SET description = 'a transfer to the mines' WHERE id = $1`, [id]);
      }),
    ).toBe(1);
    expect(await documentHas(id, 'transfer to the mines')).toBe(true);
  });

  it('indexes a record once when two transactions refresh it at the same time', async () => {
    const id = await testimony('a record two imports refresh at once');
    await query(`DELETE FROM search_documents WHERE id = $1`, [id]); // derived data: as if never refreshed
    const other = new pg.Client({ connectionString: client.url() });
    await other.connect();
    try {
      await query('BEGIN');
      expect((await query(`SELECT search_refresh_testimonies($1) AS n`, [[id]]))[0].n).toBe(1);
      // The second insert waits for the first transaction's, then updates the document it committed.
      await other.query('BEGIN');
      let secondDone = false;
      const second = other.query(`SELECT search_refresh_testimonies($1) AS n`, [[id]]).finally(() => {
        secondDone = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(secondDone).toBe(false);
      await query('COMMIT');
      expect((await second).rows[0].n).toBe(1);
      await other.query('COMMIT');
    } finally {
      await other.end();
    }
    expect(await documentHas(id, 'two imports refresh')).toBe(true);
    expect((await query(`SELECT count(*)::int AS n FROM search_documents WHERE id = $1`, [id]))[0].n).toBe(1);
  });
});
