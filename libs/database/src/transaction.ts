import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { recordIdempotentAnswer } from './idempotency/idempotency-claim.js';
import { currentRequestDeadline } from './request-deadline.js';

// Every write of the API runs through here, so the round trips it opens with count: TypeORM's
// startTransaction sends START TRANSACTION and SET TRANSACTION ISOLATION LEVEL as two statements,
// and the request deadline's limits were a third. One simple-protocol message now carries them all.
const BEGIN = 'START TRANSACTION ISOLATION LEVEL READ COMMITTED';

/**
 * Runs `work` in one READ COMMITTED transaction on its own connection: everything it does through
 * `manager` commits together or not at all. When the request carries an Idempotency-Key, its
 * answer (what `work` returns) is stored in the same transaction. Under a request deadline,
 * statements end at the deadline and a request already answered 503 never commits.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const deadline = currentRequestDeadline();
  const runner = dataSource.createQueryRunner();
  let committing = false;
  try {
    await begin(runner, [BEGIN, ...(deadline?.statementLimits() ?? [])].join('; '));
    const result = await work(runner.manager);
    await recordIdempotentAnswer(runner.manager, result);
    deadline?.beginCommit();
    committing = deadline !== undefined;
    await runner.commitTransaction();
    return result;
  } catch (error) {
    // The original error is the answer even when the rollback fails too.
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    if (committing) deadline!.endCommit();
    await runner.release();
  }
}

/**
 * Opens the transaction with `sql` and leaves `runner` in the state TypeORM's own startTransaction
 * would (active, depth 1), so commit, rollback and nested savepoints work as they do there. Marked
 * active before sending, as TypeORM does: if any statement of `sql` fails, the rollback still runs
 * and the connection goes back to the pool outside a transaction.
 */
async function begin(runner: QueryRunner, sql: string): Promise<void> {
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = true;
  state.transactionDepth = 1;
  await runner.query(sql);
}
