// Shared by the jest global setup (plain ESM) and the test helpers (TypeScript, via test-postgres.d.mts).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const DEFAULT_TEST_SERVER = 'postgres://root@127.0.0.1:5432/postgres';

/**
 * The PostgreSQL server the tests use: TEST_DATABASE_URL, else the machine's server
 * on 127.0.0.1:5432, else an embedded one started for this run.
 */
export async function testServer() {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_SERVER;
  if (await reachable(url)) return { adminUrl: url };
  if (process.env.TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is set but the server is unreachable');
  const { startEmbeddedPostgres } = await import('../../dist/libs/database/src/index.js');
  const { createLogger } = await import('../../dist/libs/core/src/index.js');
  const embedded = await startEmbeddedPostgres({
    dataDir: join(tmpdir(), `sillok-test-postgres-${process.getuid?.() ?? 'user'}`, 'postgres'),
    port: 54339,
    database: 'postgres',
    logger: createLogger({ level: 'warn', destination: process.stderr }),
  });
  return { adminUrl: embedded.url, embedded };
}

async function reachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A URL for another database on the same server. */
export function databaseUrl(adminUrl, database) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient(adminUrl, work) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
