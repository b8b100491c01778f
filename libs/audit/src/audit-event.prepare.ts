import { auditRequestId, DomainError, isUuid, requestContext } from '@sillok/core';
import { ACTIONS_REQUIRING_REASON, AuditAction } from './audit-action.js';
import type { AuditEventFields } from './audit-chain.js';
import type { AuditEventInput } from './audit-event.input.js';
import { toJsonValue } from './canonical-json.js';

const KNOWN_ACTIONS = new Set<string>(Object.values(AuditAction));

/** An event with its defaults filled in, in the exact form it is stored and hashed; seq, time and hashes come later. */
export type PreparedAuditEvent = AuditEventFields;

/**
 * Fills in actor, request id, client address and user agent from the request context
 * (at the moment the event is described), and normalises values the way PostgreSQL will
 * give them back (lower-case uuids, jsonb-shaped details) so the hash computed now is
 * the hash the verifier recomputes later. Throws on an event that must not be written.
 */
export function prepareAuditEvent(event: AuditEventInput): PreparedAuditEvent {
  if (!KNOWN_ACTIONS.has(event.action)) throw new TypeError(`unknown audit action "${String(event.action)}"`);
  const reason = event.reason?.trim() || null;
  if (!reason && ACTIONS_REQUIRING_REASON.has(event.action)) {
    throw DomainError.validation([{ field: 'reason', reason: `is required to ${event.action}` }]);
  }
  const details = toJsonValue(event.details ?? {});
  if (typeof details !== 'object' || details === null || Array.isArray(details)) {
    throw new TypeError('audit details must be an object');
  }
  const context = requestContext.current();
  const actor = event.actor ?? context?.actor;
  return {
    actor_user_id: uuidOrNull(actor?.userId, 'actor.userId'),
    actor_role: actor?.role ?? null,
    action: event.action,
    subject_type: event.subjectType ?? null,
    subject_id: event.subjectId ?? null,
    case_id: uuidOrNull(event.caseId, 'caseId'),
    request_id: context ? auditRequestId(context) : null,
    client_address: context?.clientAddress ?? null,
    user_agent: context?.userAgent ?? null,
    reason,
    details,
  };
}

function uuidOrNull(value: string | null | undefined, name: string): string | null {
  if (value === null || value === undefined) return null;
  if (!isUuid(value)) throw new TypeError(`audit ${name} must be a uuid`);
  return value.toLowerCase();
}
