import type { EntityManager } from 'typeorm';
import { AuditAction } from './audit-action.js';

/** An audit event in a record's chain of custody, as read from the log. */
export interface CustodyEvent {
  seq: string;
  at: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  actorUserId: string | null;
  actorRole: string | null;
  requestId: string | null;
  details: Record<string, unknown> | null;
}

/**
 * The audit log's read port for the other libs (an attachment's custody route, an export's bag):
 * every event about these records, and the derivation of every copy made from those that are
 * attachments, in chain order. The caller seals first (sealAuditChain), before any snapshot it
 * reads in, so that events still pending are part of what it reads.
 */
export async function custodyEvents(manager: EntityManager, subjectIds: string[]): Promise<CustodyEvent[]> {
  if (!subjectIds.length) return [];
  const rows = (await manager.query(
    `SELECT seq::text AS seq, occurred_at AS at, action, subject_type AS "subjectType", subject_id AS "subjectId",
            actor_user_id AS "actorUserId", actor_role AS "actorRole", request_id AS "requestId", details
       FROM audit_events
      WHERE subject_id = ANY($1::text[])
         OR (action = $2 AND subject_type = 'attachment' AND details->>'derivedFrom' = ANY($1::text[]))
      ORDER BY seq`,
    [subjectIds, AuditAction.AttachmentDerive],
  )) as Array<Omit<CustodyEvent, 'at'> & { at: Date }>;
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}
