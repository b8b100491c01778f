import type { DataSource, EntityManager } from 'typeorm';
import { recordIdempotentAnswer } from './idempotency/idempotency-claim.js';
import { currentRequestDeadline } from './request-deadline.js';

/**
 * Runs `work` in one transaction on its own connection: everything it does through
 * `manager` commits together or not at all. When the request carries an Idempotency-Key,
 * its answer (what `work` returns) is stored in the same transaction. Under a request
 * deadline, statements end at the deadline and a request already answered 503 never commits.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const deadline = currentRequestDeadline();
  let committing = false;
  try {
    return await dataSource.transaction('READ COMMITTED', async (manager) => {
      await deadline?.limitStatements(manager);
      const result = await work(manager);
      await recordIdempotentAnswer(manager, result);
      // TypeORM sends COMMIT as soon as this callback returns.
      deadline?.beginCommit();
      committing = deadline !== undefined;
      return result;
    });
  } finally {
    if (committing) deadline!.endCommit();
  }
}
