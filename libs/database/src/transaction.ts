import type { DataSource, EntityManager } from 'typeorm';
import { recordIdempotentAnswer } from './idempotency/idempotency-claim.js';

/**
 * Runs `work` in one transaction on its own connection: everything it does through
 * `manager` commits together or not at all. When the request carries an Idempotency-Key,
 * its answer (what `work` returns) is stored in the same transaction.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction('READ COMMITTED', async (manager) => {
    const result = await work(manager);
    await recordIdempotentAnswer(manager, result);
    return result;
  });
}
