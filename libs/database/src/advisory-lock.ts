import type { DataSource } from 'typeorm';

export type LockedRun<T> = { ran: true; result: T } | { ran: false };

// The first key of the two-key advisory lock form; the audit chain uses the one-key form.
const SILLOK_LOCK_SPACE = 0x5111_0c;

/**
 * Runs `work` only if no other process (another API behind the load balancer, a CLI command)
 * runs the job `name` now: a session advisory lock held on its own connection for the run.
 * Returns { ran: false } at once when another holds it. The lock goes with the connection
 * if the process dies.
 */
export async function whileHoldingAdvisoryLock<T>(
  dataSource: DataSource,
  name: string,
  work: () => Promise<T>,
): Promise<LockedRun<T>> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked`, [
      SILLOK_LOCK_SPACE,
      name,
    ]);
    if (!locked) return { ran: false };
    try {
      return { ran: true, result: await work() };
    } finally {
      await runner.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [SILLOK_LOCK_SPACE, name]);
    }
  } finally {
    await runner.release();
  }
}
