import { GENESIS_HASH, auditRowHash, type AuditHashedFields } from './audit-chain.js';

/**
 * missing: a seq is absent; relinked: prev_hash is not the previous row's hash; changed: the
 * row's hash does not match it; backdated: its time is earlier than the row before (the
 * database stamps rows at commit and never lets time run backwards, so only a row written
 * around the chaining trigger can be); checkpoint: the chain disagrees with a signed checkpoint.
 */
export type AuditChainProblem = 'missing' | 'relinked' | 'changed' | 'backdated' | 'checkpoint';

/** The first row at which the chain stops being what was written. */
export interface AuditChainBreak {
  seq: number;
  problem: AuditChainProblem;
  detail: string;
}

export type StoredAuditRow = AuditHashedFields & { hash: string };

/**
 * Walks the chain one row at a time, in seq order, keeping only the previous row's seq and
 * hash. Checks, in this order: no seq is skipped (missing: a deleted row); prev_hash is the
 * previous row's hash (relinked: a row moved, swapped or re-hashed before it); the row's
 * own hash matches its fields (changed: an edited row); its time is not earlier than the
 * previous row's (backdated: a row forged with a valid hash but dated in the past).
 */
export class AuditChainChecker {
  private lastSeq = 0;
  private lastHash = GENESIS_HASH;
  private lastOccurredAt = '';

  get count(): number {
    return this.lastSeq;
  }

  get headHash(): string {
    return this.lastHash;
  }

  check(row: StoredAuditRow): AuditChainBreak | undefined {
    const expected = this.lastSeq + 1;
    if (row.seq !== expected) {
      const gap = row.seq > expected ? `seq ${expected} to ${row.seq - 1} are missing` : `seq ${row.seq} repeats`;
      return { seq: expected, problem: 'missing', detail: gap };
    }
    if (row.prev_hash !== this.lastHash) {
      const previous = expected === 1 ? 'the genesis hash' : `the hash of seq ${expected - 1}`;
      return { seq: row.seq, problem: 'relinked', detail: `prev_hash is not ${previous}` };
    }
    const { hash, ...fields } = row;
    if (auditRowHash(fields) !== hash) {
      return { seq: row.seq, problem: 'changed', detail: 'the stored hash does not match the row' };
    }
    // Fixed-width UTC strings (OCCURRED_AT_SQL_FORMAT) order as the times they name.
    if (row.occurred_at < this.lastOccurredAt) {
      const detail = `occurred_at ${row.occurred_at} is earlier than ${this.lastOccurredAt} of seq ${row.seq - 1}`;
      return { seq: row.seq, problem: 'backdated', detail };
    }
    this.lastSeq = row.seq;
    this.lastHash = hash;
    this.lastOccurredAt = row.occurred_at;
    return undefined;
  }
}
