import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource, type Logger } from 'typeorm';
import { inTransaction, RequestDeadline, withRequestDeadline } from '@sillok/database';
import { createEmptyDatabase, queryOnce, type TestDatabase } from '../support/test-database.js';

// inTransaction opens its transaction itself, in one message: real PostgreSQL, no app boot.
describe('inTransaction', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const sent: string[] = [];
  const logger: Logger = {
    logQuery: (query) => void sent.push(query),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };

  beforeAll(async () => {
    database = await createEmptyDatabase();
    await queryOnce(database.url, `CREATE TABLE notes (body text NOT NULL)`);
    // One connection, whose default isolation is not the one inTransaction asks for.
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      extra: { max: 1, options: '-c default_transaction_isolation=serializable' },
      logging: true,
      logger,
    }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const notes = async () => (await queryOnce(database.url, `SELECT body FROM notes ORDER BY body`)).map((r) => r.body);

  it('opens READ COMMITTED with its deadline limits in one statement, and commits', async () => {
    sent.length = 0;
    const deadline = new RequestDeadline(Date.now() + 3_600_000, 120_000);
    const settings = await withRequestDeadline(deadline, () =>
      inTransaction(dataSource, async (manager) => {
        await manager.query(`INSERT INTO notes VALUES ('kept')`);
        return (
          await manager.query(`SELECT current_setting('transaction_isolation') AS isolation,
                                            current_setting('statement_timeout') AS statement,
                                            current_setting('lock_timeout') AS lock`)
        )[0];
      }),
    );
    expect(settings).toEqual({ isolation: 'read committed', statement: '2min', lock: '2min' });
    expect(sent[0]).toBe(
      'START TRANSACTION ISOLATION LEVEL READ COMMITTED; SET LOCAL statement_timeout = 120000; SET LOCAL lock_timeout = 120000',
    );
    expect(sent.filter((q) => /^(START|SET|BEGIN)/.test(q))).toHaveLength(1);
    expect(sent.at(-1)).toBe('COMMIT');
    expect(await notes()).toContain('kept');
    const after = (await dataSource.query(`SELECT current_setting('transaction_isolation') AS isolation`))[0];
    expect(after.isolation).toBe('serializable');
  });

  it('rolls back on an error and gives the connection back outside any transaction', async () => {
    const failing = inTransaction(dataSource, async (manager) => {
      await manager.query(`INSERT INTO notes VALUES ('rolled back')`);
      await manager.query(`SELECT 1/0`);
    });
    await expect(failing).rejects.toMatchObject({ driverError: { code: '22012' } });
    expect(await notes()).not.toContain('rolled back');
    // The pool's one connection: a transaction left open would show an older now().
    const [{ fresh }] = await dataSource.query(`SELECT now() = statement_timestamp() AS fresh`);
    expect(fresh).toBe(true);
  });

  it('a nested transaction is a savepoint: its failure undoes only its own work', async () => {
    await inTransaction(dataSource, async (manager) => {
      await manager.query(`INSERT INTO notes VALUES ('outer')`);
      await manager
        .transaction(async (inner) => {
          await inner.query(`INSERT INTO notes VALUES ('inner')`);
          throw new Error('inner fails');
        })
        .catch(() => undefined);
    });
    const kept = await notes();
    expect(kept).toContain('outer');
    expect(kept).not.toContain('inner');
  });
});
