import type { EntityManager } from 'typeorm';
import type { AuditRecorder, AuditService } from '@sillok/audit';

/** What `sillok keys:rotate` re-seals: records sealed under a key other than the current one. */
export interface ResealJob<R> {
  /** How many records are left to re-seal (for progress). */
  countStale(): Promise<number>;
  /** The next `size` of them, locked for this transaction. */
  nextBatch(manager: EntityManager, size: number): Promise<R[]>;
  /** Re-seals one under the current key and records its audit event. */
  reseal(manager: EntityManager, audit: AuditRecorder, record: R): Promise<void>;
}

/**
 * Re-seals every stale record, a batch a transaction, each record audited. Progress is reported
 * per batch; it can be interrupted and run again (it only takes what is left). Returns the count.
 */
export async function resealInBatches<R>(
  audit: AuditService,
  job: ResealJob<R>,
  onProgress: (done: number, total: number) => void,
  batchSize: number,
): Promise<number> {
  const total = await job.countStale();
  let done = 0;
  for (;;) {
    const rekeyed = await audit.transaction(async (manager, record) => {
      const batch = await job.nextBatch(manager, batchSize);
      for (const item of batch) await job.reseal(manager, record, item);
      return batch.length;
    });
    if (!rekeyed) return done;
    done += rekeyed;
    onProgress(done, total);
  }
}
