import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '@sillok/database';
import { canonicalJson } from './canonical-json.js';
import type { AuditEventInput } from './audit-event.input.js';
import { prepareAuditEvent, type PreparedAuditEvent } from './audit-event.prepare.js';
import { recordPerRow, type AuditPerRow } from './audit-per-row.js';

/** Collects an event to be written when the surrounding AuditService.transaction commits. */
export type AuditRecorder = (event: AuditEventInput) => void;

// The event's fields as stored; seq, occurred_at, prev_hash and hash are added at commit.
const COLUMNS = [
  'actor_user_id',
  'actor_role',
  'action',
  'subject_type',
  'subject_id',
  'case_id',
  'request_id',
  'client_address',
  'user_agent',
  'reason',
  'details_canonical',
] as const;
const CASTS: Partial<Record<(typeof COLUMNS)[number], string>> = { actor_user_id: '::uuid', case_id: '::uuid' };
// 11 parameters a row; PostgreSQL allows 65535 parameters a statement.
const ROWS_PER_INSERT = 5000;

/**
 * Writes audit events in the same transaction as the change they describe. The rows join
 * the hash chain at commit: a deferred trigger (migration ChainAuditEventsAtCommit) takes a
 * transaction-scoped advisory lock, reads the chain head, and appends the rows with seq and
 * hash, so the lock is held only for the trigger and the commit itself, and many writers at
 * once still form one unbroken chain. A transaction that rolls back leaves no audit row.
 */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one READ COMMITTED transaction; events given to `audit(...)` are written
   * at its end. The change and its audit rows commit or roll back together.
   */
  transaction<T>(work: (manager: EntityManager, audit: AuditRecorder) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, async (manager) => {
      const pending: PreparedAuditEvent[] = [];
      const result = await work(manager, (event) => {
        pending.push(prepareAuditEvent(event));
      });
      await this.append(manager, pending);
      return result;
    });
  }

  /**
   * Writes events inside a transaction the caller already holds (READ COMMITTED). They join the
   * chain when that transaction commits, so where in the transaction this is called does not matter.
   */
  async record(manager: EntityManager, ...events: AuditEventInput[]): Promise<void> {
    await this.append(manager, events.map(prepareAuditEvent));
  }

  /**
   * Bulk writes (imports): runs a data-modifying statement and writes one event per row it
   * returns, in the same statement and transaction; see AuditPerRow. Returns the row count.
   */
  recordPerRow(manager: EntityManager, spec: AuditPerRow): Promise<number> {
    return recordPerRow(manager, spec);
  }

  /** One event in its own transaction (failed logins, refused access, reads with no other write). */
  async recordNow(event: AuditEventInput): Promise<void> {
    await this.transaction(async (_manager, audit) => audit(event));
  }

  private async append(manager: EntityManager, events: PreparedAuditEvent[]): Promise<void> {
    if (!events.length) return;
    if (!manager.queryRunner?.isTransactionActive) {
      // The events must commit (or roll back) with the change they describe.
      throw new Error('audit events must be written inside a transaction');
    }
    for (let start = 0; start < events.length; start += ROWS_PER_INSERT) {
      await insertPending(manager, events.slice(start, start + ROWS_PER_INSERT));
    }
  }
}

async function insertPending(manager: EntityManager, events: PreparedAuditEvent[]): Promise<void> {
  const values: unknown[] = [];
  const tuples = events.map((event) => {
    const row = { ...event, details_canonical: canonicalJson(event.details) };
    const placeholders = COLUMNS.map((column) => {
      values.push(row[column]);
      return `$${values.length}${CASTS[column] ?? ''}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  await manager.query(`INSERT INTO audit_pending (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, values);
}
