import { afterAll, beforeAll } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { databaseUrl, withAdminClient } from '../setup/test-postgres.mjs';

export interface TestDatabase {
  url: string;
  name: string;
  /** Ends every connection to it; the database itself is dropped by the run's teardown. */
  drop(): Promise<void>;
}

/** A fresh, fully migrated database of its own, cloned from the run's template. */
export function createTestDatabase(): Promise<TestDatabase> {
  return newDatabase({ fromTemplate: true });
}

/** An empty database (no migrations), for tests of the migrations themselves. */
export function createEmptyDatabase(): Promise<TestDatabase> {
  return newDatabase({ fromTemplate: false });
}

async function newDatabase({ fromTemplate }: { fromTemplate: boolean }): Promise<TestDatabase> {
  const adminUrl = process.env.SILLOK_TEST_ADMIN_URL;
  const template = process.env.SILLOK_TEST_TEMPLATE;
  if (!adminUrl || !template) throw new Error('the jest global setup did not run (use npm test)');
  // Named after the run's setup pid, so the teardown (or the next run) can drop leftovers.
  const name = `sillok_t_${template.split('_')[2]}_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`CREATE DATABASE ${name}${fromTemplate ? ` TEMPLATE ${template}` : ''}`);
    // Tests never survive a PostgreSQL crash, so their commits need not wait for the WAL flush.
    await client.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  });
  return {
    name,
    url: databaseUrl(adminUrl, name),
    // DROP DATABASE forces an immediate checkpoint that syncs every dirty file of the server, which
    // stalls every test file running beside it (seconds on a busy machine). So on a shared server a
    // finished file's database only loses its connections here and the run's teardown drops them all;
    // on the run's own cluster (no sync: SILLOK_TEST_DROP_AT_ONCE) it is dropped at once.
    drop: async () => {
      await withAdminClient(adminUrl, (client) =>
        process.env.SILLOK_TEST_DROP_AT_ONCE
          ? client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
          : client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]),
      );
    },
  };
}

/** One statement on its own connection (tests reading or tampering with rows as the database sees them). */
export async function queryOnce(url: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult['rows']> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Inside a describe: a fresh migrated database and one connection to it, opened before the
 * describe's tests and closed after them. Returns the connection's getter (hooks registered later
 * in the describe run after this one's, so they may use it), with the database's URL for more connections.
 */
export function migratedDatabaseConnection(): (() => pg.Client) & { url(): string } {
  let database: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });
  return Object.assign(() => client, { url: () => database.url });
}
