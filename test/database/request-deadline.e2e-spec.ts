import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { inTransaction, RequestDeadline, RequestDeadlineExceeded, withRequestDeadline } from '@sillok/database';
import { createEmptyDatabase, queryOnce, type TestDatabase } from '../support/test-database.js';

// The request deadline at the transaction: real PostgreSQL, no app boot.
describe('a request deadline and its transaction', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createEmptyDatabase();
    await queryOnce(database.url, `CREATE TABLE notes (body text NOT NULL)`);
    dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const notes = async () => (await queryOnce(database.url, `SELECT body FROM notes ORDER BY body`)).map((r) => r.body);

  it('a transaction whose request was answered 503 meanwhile rolls back instead of committing', async () => {
    const deadline = new RequestDeadline(Date.now() + 3_600_000);
    const write = withRequestDeadline(deadline, () =>
      inTransaction(dataSource, async (manager) => {
        await manager.query(`INSERT INTO notes VALUES ('expired')`);
        // The deadline passes (the API answers 503) while the work is still running.
        expect(deadline.expire(() => undefined)).toBe(true);
        return 'done';
      }),
    );
    await expect(write).rejects.toBeInstanceOf(RequestDeadlineExceeded);
    expect(await notes()).toEqual([]);
  });

  it('a statement still running at the deadline is cancelled and its transaction rolls back', async () => {
    const deadline = new RequestDeadline(Date.now() + 300);
    const write = withRequestDeadline(deadline, () =>
      inTransaction(dataSource, async (manager) => {
        await manager.query(`INSERT INTO notes VALUES ('slow')`);
        await manager.query(`SELECT pg_sleep(30)`);
      }),
    );
    await expect(write).rejects.toMatchObject({ driverError: { code: '57014' } });
    expect(await notes()).toEqual([]);
  });

  it('commits within the deadline, and the statement limit ends with the transaction', async () => {
    const deadline = new RequestDeadline(Date.now() + 3_600_000, 120_000);
    const limit = await withRequestDeadline(deadline, () =>
      inTransaction(dataSource, async (manager) => {
        await manager.query(`INSERT INTO notes VALUES ('kept')`);
        return (await manager.query(`SHOW statement_timeout`))[0].statement_timeout;
      }),
    );
    expect(limit).toBe('2min'); // the configured cap, never raised by a longer deadline
    expect(await notes()).toEqual(['kept']);
    expect((await dataSource.query(`SHOW statement_timeout`))[0].statement_timeout).toBe('0');
  });
});
