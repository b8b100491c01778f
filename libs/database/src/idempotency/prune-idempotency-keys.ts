import type { DataSource } from 'typeorm';
import { whileHoldingAdvisoryLock, type LockedRun } from '../advisory-lock.js';
import { IDEMPOTENCY_TTL_HOURS } from './idempotency-claim.js';

// Small enough that one batch never holds many row locks for long.
const BATCH = 5000;

/**
 * Deletes the stored answers older than IDEMPOTENCY_TTL_HOURS (no retry can replay them any
 * more; they are a cache of answers, not records), in batches. One process at a time across
 * every API process on the database: the others get { ran: false } at once.
 */
export function pruneExpiredIdempotencyKeys(dataSource: DataSource): Promise<LockedRun<number>> {
  return whileHoldingAdvisoryLock(dataSource, 'idempotency:prune', async () => {
    let removed = 0;
    for (;;) {
      const [{ count }] = (await dataSource.query(
        `WITH gone AS (
           DELETE FROM idempotency_keys WHERE ctid IN (
             SELECT ctid FROM idempotency_keys
              WHERE created_at <= now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS}) LIMIT ${BATCH})
           RETURNING 1)
         SELECT count(*)::int AS count FROM gone`,
      )) as Array<{ count: number }>;
      removed += count;
      if (count < BATCH) return removed;
    }
  });
}
