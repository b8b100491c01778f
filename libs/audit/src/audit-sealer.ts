import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Chains audit events that committed without the chain lock (migration AuditChainInBatches):
 * under contention a commit leaves its events pending for the next lock holder. The API seals
 * on a schedule (AuditSealSchedule) and every reader of the log seals first, so what is read
 * holds every committed event.
 */
@Injectable()
export class AuditSealer {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Chains every committed pending event; returns how many. Outside a transaction, or in a READ
   * COMMITTED one (the database refuses an older snapshot: it would read a stale chain head).
   */
  seal(manager: EntityManager = this.dataSource.manager): Promise<number> {
    return sealAuditChain(manager);
  }

  /** Seconds the oldest committed, not yet chained event has waited (0 when none). */
  async oldestPendingAgeSeconds(): Promise<number> {
    const [{ age }] = await this.dataSource.query(`SELECT audit_pending_oldest_age() AS age`);
    return Number(age);
  }
}

/** AuditSealer.seal for code that holds a manager but not the service (a reader about to open a snapshot). */
export async function sealAuditChain(manager: EntityManager): Promise<number> {
  const [{ chained }] = await manager.query(`SELECT audit_seal() AS chained`);
  return chained;
}
