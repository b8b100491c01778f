import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PoolClient } from 'pg';
import { OCCURRED_AT_SQL_FORMAT } from './audit-chain.js';
import { AuditChainChecker, type AuditChainBreak, type StoredAuditRow } from './audit-chain.checker.js';

export interface AuditVerifyProgress {
  checked: number;
  total: number;
}

export interface AuditVerifyOptions {
  /** Rows fetched a round trip. */
  batchSize?: number;
  onProgress?: (progress: AuditVerifyProgress) => void;
}

export type AuditVerification =
  { ok: true; count: number; headSeq: number; headHash: string } | ({ ok: false; count: number } & AuditChainBreak);

const ROW_SQL = `
  SELECT seq::float8, to_char(occurred_at AT TIME ZONE 'UTC', ${OCCURRED_AT_SQL_FORMAT}), actor_user_id, actor_role,
         action, subject_type, subject_id, case_id, request_id, client_address, user_agent, reason, details,
         prev_hash, hash
    FROM audit_events WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`;

/**
 * Recomputes the chain from seq 1 to the head as it was when verification began, in
 * keyset batches (never the whole table in memory, no long-held snapshot). Rows appended
 * meanwhile are left for the next run.
 */
@Injectable()
export class AuditVerifier {
  constructor(private readonly dataSource: DataSource) {}

  async verify(options: AuditVerifyOptions = {}): Promise<AuditVerification> {
    const batchSize = options.batchSize ?? 10_000;
    const runner = this.dataSource.createQueryRunner('slave');
    // The raw pg client: array rows skip building an object per row.
    const client = (await runner.connect()) as PoolClient;
    try {
      const { rows: heads } = await client.query(`SELECT coalesce(max(seq), 0)::float8 AS head FROM audit_events`);
      const head = Number(heads[0].head);
      const checker = new AuditChainChecker();
      let after = 0;
      for (;;) {
        const { rows } = await client.query<unknown[]>({
          text: ROW_SQL,
          values: [after, head, batchSize],
          rowMode: 'array',
        });
        for (const row of rows) {
          const broken = checker.check(toStoredRow(row));
          if (broken) return { ok: false, count: checker.count, ...broken };
        }
        if (rows.length) after = rows[rows.length - 1][0] as number;
        options.onProgress?.({ checked: checker.count, total: head });
        if (rows.length < batchSize) break;
      }
      if (checker.count !== head) {
        // Rows deleted at the end of the range: the last seq read is below the head seen at the start.
        return {
          ok: false,
          count: checker.count,
          seq: checker.count + 1,
          problem: 'missing',
          detail: `seq ${checker.count + 1} to ${head} are missing`,
        };
      }
      return { ok: true, count: checker.count, headSeq: checker.count, headHash: checker.headHash };
    } finally {
      await runner.release();
    }
  }
}

function toStoredRow(row: unknown[]): StoredAuditRow {
  return {
    seq: row[0] as number,
    occurred_at: row[1] as string,
    actor_user_id: row[2] as string | null,
    actor_role: row[3] as string | null,
    action: row[4] as string,
    subject_type: row[5] as string | null,
    subject_id: row[6] as string | null,
    case_id: row[7] as string | null,
    request_id: row[8] as string | null,
    client_address: row[9] as string | null,
    user_agent: row[10] as string | null,
    reason: row[11] as string | null,
    details: row[12] as Record<string, unknown>,
    prev_hash: row[13] as string,
    hash: row[14] as string,
  };
}
