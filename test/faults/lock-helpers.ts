import pg from 'pg';
import { queryOnce } from '../support/test-database.js';

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * Holds a lock on `table` from a connection of the test's own, as a long migration or a stuck
 * transaction would: with SHARE inserts wait until release(), with ACCESS EXCLUSIVE reads too.
 */
export async function holdLock(
  url: string,
  table: string,
  mode: 'SHARE' | 'ACCESS EXCLUSIVE' = 'SHARE',
): Promise<HeldLock> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined); // the database may be dropped under it at the end
  await client.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${table} IN ${mode} MODE`);
  return {
    release: async () => {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}

/** Backends of this database waiting for a lock right now. */
export async function waitingOnLocks(url: string): Promise<number> {
  const [{ waiting }] = await queryOnce(
    url,
    `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return waiting;
}

export async function waitUntil(what: string, condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
