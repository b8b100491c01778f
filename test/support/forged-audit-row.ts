import { randomUUID } from 'node:crypto';
import { auditRowHash, type AuditHashedFields } from '@sillok/audit';

/**
 * The row issue 23.4's forger writes with the (public) hash scheme: a `witness.identity.read`
 * attributed to someone else, dated in March, linked after `head` with a correct hash, as an
 * INSERT statement. Whether it gets in, and whether verification sees it, is what tests check.
 */
export function forgedIdentityReadInsert(head: { seq: number; hash: string }): string {
  const fields: AuditHashedFields = {
    seq: head.seq + 1,
    occurred_at: '2026-03-02T09:14:00.000000Z',
    actor_user_id: randomUUID(),
    actor_role: 'investigator',
    action: 'witness.identity.read',
    subject_type: 'witness',
    subject_id: randomUUID(),
    case_id: randomUUID(),
    request_id: null,
    client_address: null,
    user_agent: null,
    reason: 'follow-up interview',
    details: {},
    prev_hash: head.hash,
  };
  return `INSERT INTO audit_events (seq, occurred_at, actor_user_id, actor_role, action, subject_type, subject_id,
      case_id, reason, details, prev_hash, hash)
    VALUES (${fields.seq}, '${fields.occurred_at}', '${fields.actor_user_id}', '${fields.actor_role}', '${fields.action}',
      '${fields.subject_type}', '${fields.subject_id}', '${fields.case_id}', '${fields.reason}', '{}',
      '${fields.prev_hash}', '${auditRowHash(fields)}')`;
}
