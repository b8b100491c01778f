import pg from 'pg';
import { describeDatabaseUrl } from './database-url.js';

export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message || cause.name : String(cause);
    super(`cannot reach the database at ${describeDatabaseUrl(url)}: ${reason}`);
    this.name = 'DatabaseUnreachableError';
  }
}

/** Connects once, briefly, so a wrong URL fails with one clear line instead of retries. */
export async function assertDatabaseReachable(url: string, timeoutMs = 5000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new DatabaseUnreachableError(url, error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
