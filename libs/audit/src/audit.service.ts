import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '@sillok/database';
import { AUDIT_CHAIN_LOCK_KEY, GENESIS_HASH, OCCURRED_AT_SQL_FORMAT, auditRowHash } from './audit-chain.js';
import type { AuditEventInput } from './audit-event.input.js';
import { prepareAuditEvent, type PreparedAuditEvent } from './audit-event.prepare.js';

/** Collects an event to be written when the surrounding AuditService.transaction commits. */
export type AuditRecorder = (event: AuditEventInput) => void;

const COLUMNS = [
  'seq',
  'occurred_at',
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
  'details',
  'prev_hash',
  'hash',
] as const;
const CASTS: Partial<Record<(typeof COLUMNS)[number], string>> = {
  occurred_at: '::timestamptz',
  actor_user_id: '::uuid',
  case_id: '::uuid',
  details: '::jsonb',
};
// 15 parameters a row; PostgreSQL allows 65535 parameters a statement.
const ROWS_PER_INSERT = 1000;

/**
 * Writes audit events into the hash chain in the same transaction as the change they
 * describe. Writers serialise on a transaction-scoped advisory lock that is taken as the
 * last step of the transaction and released by its commit or rollback, so the chain
 * stays one unbroken line however many requests write at once.
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

  /** Writes events inside a transaction the caller already holds (READ COMMITTED); call it last. */
  async record(manager: EntityManager, ...events: AuditEventInput[]): Promise<void> {
    await this.append(manager, events.map(prepareAuditEvent));
  }

  /** One event in its own transaction (failed logins, refused access, reads with no other write). */
  async recordNow(event: AuditEventInput): Promise<void> {
    await this.transaction(async (_manager, audit) => audit(event));
  }

  private async append(manager: EntityManager, events: PreparedAuditEvent[]): Promise<void> {
    if (!events.length) return;
    if (!manager.queryRunner?.isTransactionActive) {
      // Outside a transaction the advisory lock would end with its own statement.
      throw new Error('audit events must be written inside a transaction');
    }
    const [{ isolation }] = await manager.query(
      `SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY}), current_setting('transaction_isolation') AS isolation`,
    );
    if (isolation !== 'read committed') {
      // A snapshot older than the lock would read a stale head (the insert would then fail on seq).
      throw new Error(`audit events need a READ COMMITTED transaction, not ${isolation}`);
    }
    // A new statement after the lock: its snapshot sees the head the previous holder committed.
    const [head] = await manager.query(
      `SELECT h.seq, h.hash, to_char(clock_timestamp() AT TIME ZONE 'UTC', ${OCCURRED_AT_SQL_FORMAT}) AS now
         FROM (SELECT 1) AS one
         LEFT JOIN LATERAL (SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1) AS h ON true`,
    );
    let seq = head.seq === null ? 0 : Number(head.seq);
    let prevHash: string = head.hash ?? GENESIS_HASH;
    const rows = events.map((event) => {
      seq += 1;
      const fields = { ...event, seq, occurred_at: head.now as string, prev_hash: prevHash };
      prevHash = auditRowHash(fields);
      return { ...fields, hash: prevHash };
    });
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      await insertRows(manager, rows.slice(start, start + ROWS_PER_INSERT));
    }
  }
}

async function insertRows(manager: EntityManager, rows: Array<Record<(typeof COLUMNS)[number], unknown>>) {
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const placeholders = COLUMNS.map((column) => {
      values.push(column === 'details' ? JSON.stringify(row.details) : row[column]);
      return `$${values.length}${CASTS[column] ?? ''}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  await manager.query(`INSERT INTO audit_events (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, values);
}
