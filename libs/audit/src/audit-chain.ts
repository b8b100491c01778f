import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** prev_hash of the first row (seq 1). */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * pg_advisory_xact_lock key that serialises writers of the chain head (taken by the commit
 * trigger of migration ChainAuditEventsAtCommit). Nothing else may lock this number.
 */
export const AUDIT_CHAIN_LOCK_KEY = 7_450_170_001;

/** What an event says, as stored: column names, uuids lower case, absent values null. */
export interface AuditEventFields {
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  case_id: string | null;
  request_id: string | null;
  client_address: string | null;
  user_agent: string | null;
  reason: string | null;
  /** The stored jsonb value (an object). */
  details: Record<string, unknown>;
}

/**
 * Every stored field of an audit row except `hash`, in the form the hash covers:
 * - keys are the column names;
 * - `seq` is a JSON number;
 * - `occurred_at` is UTC with exactly six fractional digits: `2026-11-27T21:15:03.123456Z`
 *   (`to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);
 * - uuids are lower case (as PostgreSQL prints them); absent values are JSON null.
 */
export interface AuditHashedFields extends AuditEventFields {
  seq: number;
  occurred_at: string;
  prev_hash: string;
}

/** The SQL expression that prints occurred_at the way the hash covers it. */
export const OCCURRED_AT_SQL_FORMAT = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/**
 * hash = lower-case hex SHA-256 of the UTF-8 bytes of the RFC 8785 (JCS) canonical JSON of
 * the fields above; prev_hash is the previous row's hash (GENESIS_HASH for seq 1).
 * README "Audit trail" shows how to recompute it without Sillok.
 */
export function auditRowHash(fields: AuditHashedFields): string {
  return hash('sha256', canonicalAuditRow(fields), 'hex');
}

/**
 * canonicalJson(fields), written out with the top-level keys in their (fixed) sorted order:
 * the verifier runs this for every row, and skipping the generic key sort doubles its rate.
 * A unit test keeps it byte-equal to canonicalJson. The commit trigger (migration
 * ChainAuditEventsAtCommit) builds the same string in SQL: change neither alone.
 */
export function canonicalAuditRow(f: AuditHashedFields): string {
  const s = JSON.stringify;
  return (
    `{"action":${s(f.action)},"actor_role":${s(f.actor_role)},"actor_user_id":${s(f.actor_user_id)}` +
    `,"case_id":${s(f.case_id)},"client_address":${s(f.client_address)},"details":${canonicalJson(f.details)}` +
    `,"occurred_at":${s(f.occurred_at)},"prev_hash":${s(f.prev_hash)},"reason":${s(f.reason)}` +
    `,"request_id":${s(f.request_id)},"seq":${s(f.seq)},"subject_id":${s(f.subject_id)}` +
    `,"subject_type":${s(f.subject_type)},"user_agent":${s(f.user_agent)}}`
  );
}
