import { describe, expect, it } from '@jest/globals';
import { GENESIS_HASH, auditRowHash, type AuditHashedFields } from './audit-chain.js';
import { AuditChainChecker, type StoredAuditRow } from './audit-chain.checker.js';

function chain(
  length: number,
  subject = 'c',
  timeOf = (_seq: number) => '2026-11-27T21:15:03.123456Z',
): StoredAuditRow[] {
  const rows: StoredAuditRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const fields: AuditHashedFields = {
      seq,
      occurred_at: timeOf(seq),
      actor_user_id: null,
      actor_role: null,
      action: 'case.update',
      subject_type: 'case',
      subject_id: `${subject}${seq}`,
      case_id: null,
      request_id: null,
      client_address: null,
      user_agent: null,
      reason: null,
      details: { fields: ['title'] },
      prev_hash: prev,
    };
    prev = auditRowHash(fields);
    rows.push({ ...fields, hash: prev });
  }
  return rows;
}

function firstBreak(rows: StoredAuditRow[]) {
  const checker = new AuditChainChecker();
  for (const row of rows) {
    const broken = checker.check(row);
    if (broken) return { ...broken, count: checker.count };
  }
  return { count: checker.count, headHash: checker.headHash };
}

describe('AuditChainChecker', () => {
  it('accepts an intact chain and ends at its head', () => {
    const rows = chain(5);
    expect(firstBreak(rows)).toEqual({ count: 5, headHash: rows[4].hash });
  });

  it('names a changed row', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], actor_role: 'admin' };
    expect(firstBreak(rows)).toMatchObject({ seq: 3, problem: 'changed', count: 2 });
  });

  it('names the first missing seq, at the start, in the middle, and a repeated seq', () => {
    expect(firstBreak(chain(5).slice(1))).toMatchObject({
      seq: 1,
      problem: 'missing',
      detail: 'seq 1 to 1 are missing',
    });
    const rows = chain(6);
    expect(firstBreak([...rows.slice(0, 2), ...rows.slice(4)])).toMatchObject({
      seq: 3,
      problem: 'missing',
      detail: 'seq 3 to 4 are missing',
    });
    expect(firstBreak([rows[0], rows[1], rows[1]])).toMatchObject({
      seq: 3,
      problem: 'missing',
      detail: 'seq 2 repeats',
    });
  });

  it('names a row that does not link to the one before', () => {
    const rows = chain(4);
    const other = chain(4, 'other');
    // Valid on its own (its hash matches), but it belongs to another chain.
    expect(firstBreak([rows[0], other[1]])).toMatchObject({ seq: 2, problem: 'relinked' });
    expect(firstBreak([{ ...rows[0], prev_hash: 'f'.repeat(64) }])).toMatchObject({
      seq: 1,
      problem: 'relinked',
      detail: 'prev_hash is not the genesis hash',
    });
  });

  it('names a row with a valid hash and link but a time earlier than the row before (a backdated forgery)', () => {
    const times = ['2026-11-27T21:15:03.123456Z', '2026-11-27T21:15:03.123457Z', '2026-03-02T09:14:00.000000Z'];
    const rows = chain(3, 'c', (seq) => times[seq - 1]);
    expect(firstBreak(rows)).toMatchObject({
      seq: 3,
      problem: 'backdated',
      count: 2,
      detail: 'occurred_at 2026-03-02T09:14:00.000000Z is earlier than 2026-11-27T21:15:03.123457Z of seq 2',
    });
    // Equal times (one commit's rows share its time) are in order.
    expect(firstBreak(chain(3))).toMatchObject({ count: 3 });
  });
});
