import { AuditAction, type CustodyEvent } from '@sillok/audit';
import type { BagIdentifiers } from './bag-identifiers.js';

export interface CustodyPolicy {
  /** The bag hides words (or whole records): nothing computed from the hidden content may go out. */
  redacted: boolean;
  ids: BagIdentifiers;
}

/**
 * Detail keys that name what happened and never carry content: field names, statuses, scopes,
 * revision numbers. Whatever is not listed (hashes, sizes, before/after values, notes) stays
 * out of a redacted bag, since a hash or a length of hidden text lets anyone test guesses of it.
 */
const SAFE_DETAILS = new Set([
  'reference',
  'fields',
  'changed',
  'revision',
  'from',
  'to',
  'kind',
  'language',
  'scopes',
  'version',
  'withdrawal',
  'derivation',
  'caseRole',
  'relation',
  'assessment',
  'ownerType',
]);

/** Detail keys holding the id of another record: kept, as this bag names that record. */
const ID_DETAILS = new Set([
  'tagId',
  'sourceId',
  'linkId',
  'testimonyId',
  'otherTestimonyId',
  'otherIncidentId',
  'annotationId',
  'witnessId',
  'ownerId',
  'derivedFrom',
  'exportId',
]);

/**
 * One line of a bag's custody log. The audit row's own hash is not shown: a recipient lacks the
 * previous row and the other fields it covers, so could not recompute it, and in a redacted bag it
 * would be one more function of hidden content. `auditSeq` lets the publisher find the row in
 * its own verified chain (left out where ids are pseudonymous: a global counter links bags).
 */
export function custodyEntry(row: CustodyEvent, policy: CustodyPolicy): Record<string, unknown> {
  const { ids } = policy;
  return {
    ...(ids.pseudonymous ? {} : { auditSeq: row.seq }),
    at: row.at,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: ids.of(row.subjectId),
    actorUserId: ids.of(row.actorUserId),
    actorRole: row.actorRole,
    ...(ids.pseudonymous ? {} : { requestId: row.requestId }),
    details: custodyDetails(row, policy),
  };
}

function custodyDetails(row: CustodyEvent, { redacted, ids }: CustodyPolicy): Record<string, unknown> {
  const details = row.details ?? {};
  // Which earlier export an item went into is custody; to whom it went is not this recipient's business.
  if (row.action === (AuditAction.AttachmentExport as string)) return { exportId: ids.of(asId(details.exportId)) };
  const whitelist = redacted || ids.pseudonymous;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (ID_DETAILS.has(key)) out[key] = ids.of(asId(value));
    else if (!whitelist || SAFE_DETAILS.has(key)) out[key] = value;
  }
  return out;
}

const asId = (value: unknown): string | null => (typeof value === 'string' ? value : null);
