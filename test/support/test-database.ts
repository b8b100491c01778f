import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { databaseUrl, withAdminClient } from '../setup/test-postgres.mjs';

export interface TestDatabase {
  url: string;
  name: string;
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
  await withAdminClient(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${name}${fromTemplate ? ` TEMPLATE ${template}` : ''}`),
  );
  return {
    name,
    url: databaseUrl(adminUrl, name),
    drop: async () => {
      await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
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
