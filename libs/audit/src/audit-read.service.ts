import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, requestContext, type Actor } from '@sillok/core';
import { OCCURRED_AT_SQL_FORMAT } from './audit-chain.js';
import { AUDIT_CASE_SCOPE, type AuditCaseScope } from './audit-case-scope.js';
import type { StoredAuditRow } from './audit-chain.checker.js';
import type { AuditEventFilter } from './audit-event.filter.js';
import { AuditAction } from './audit-action.js';
import { AuditVerifier, type AuditVerification } from './audit-verifier.service.js';
import { sealAuditChain } from './audit-sealer.js';
import type {
  AuditEventPageResponse,
  AuditEventResponse,
  LatestAuditCheckpointResponse,
} from './http/audit.responses.js';

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 500;

const SELECT_EVENTS = `
  SELECT seq::float8 AS seq, to_char(occurred_at AT TIME ZONE 'UTC', ${OCCURRED_AT_SQL_FORMAT}) AS occurred_at,
         actor_user_id, actor_role, action, subject_type, subject_id, case_id, request_id, client_address,
         user_agent, reason, details, prev_hash, hash
    FROM audit_events`;

/** Reading the audit log over HTTP: the signed-in actor's view of it, and verification on demand. */
@Injectable()
export class AuditReadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly verifier: AuditVerifier,
    @Inject(AUDIT_CASE_SCOPE) private readonly caseScope: AuditCaseScope,
  ) {}

  /** Verifies the whole chain for the signed-in actor and records that they did. */
  async verify(): Promise<AuditVerification> {
    currentActor();
    return this.verifier.verifyAudited();
  }

  /**
   * The newest checkpoint the chain records (`audit.checkpoint`, written by `sillok audit:checkpoint`),
   * with its signed statement, and whether the chain still holds the hash it signed.
   */
  async latestCheckpoint(): Promise<LatestAuditCheckpointResponse> {
    currentActor();
    await sealAuditChain(this.dataSource.manager);
    const [row]: StoredAuditRow[] = await this.dataSource.query(
      `${SELECT_EVENTS} WHERE action = $1 ORDER BY seq DESC LIMIT 1`,
      [AuditAction.AuditCheckpoint],
    );
    if (!row) return { checkpoint: null };
    const details = row.details as {
      headSeq: number;
      headHash: string;
      publicKeyFingerprint: string;
      time?: string;
      signature?: string;
    };
    const [atHead] = await this.dataSource.query(`SELECT hash FROM audit_events WHERE seq = $1`, [details.headSeq]);
    const signed =
      details.time && details.signature
        ? {
            statement: { headSeq: details.headSeq, headHash: details.headHash, time: details.time },
            algorithm: 'Ed25519' as const,
            signature: details.signature,
            publicKeyFingerprint: details.publicKeyFingerprint,
          }
        : null;
    return {
      checkpoint: {
        seq: row.seq,
        recordedAt: row.occurred_at,
        actor: { userId: row.actor_user_id, role: row.actor_role },
        headSeq: details.headSeq,
        headHash: details.headHash,
        publicKeyFingerprint: details.publicKeyFingerprint,
        signed,
        matchesChain: atHead?.hash === details.headHash,
      },
    };
  }

  async list(filter: AuditEventFilter): Promise<AuditEventPageResponse> {
    const visible = await this.caseScope.visibleCaseIds(currentActor());
    if (filter.from && filter.to && Date.parse(filter.from) > Date.parse(filter.to)) {
      throw DomainError.validation([{ field: 'to', reason: 'must not be before from' }]);
    }
    const limit = Math.min(Math.max(filter.limit ?? AUDIT_PAGE_DEFAULT, 1), AUDIT_PAGE_MAX);
    await sealAuditChain(this.dataSource.manager);
    const values: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      where.push(sql.replace('?', `$${values.length}`));
    };
    if (visible !== 'all') add('case_id = ANY(?::uuid[])', visible);
    if (filter.caseId) add('case_id = ?', filter.caseId);
    if (filter.subjectType) add('subject_type = ?', filter.subjectType);
    if (filter.subjectId) add('subject_id = ?', filter.subjectId);
    if (filter.actorUserId) add('actor_user_id = ?', filter.actorUserId);
    if (filter.action) add('action = ?', filter.action);
    if (filter.from) add('occurred_at >= ?::timestamptz', filter.from);
    if (filter.to) add('occurred_at < ?::timestamptz', filter.to);
    if (filter.cursor) add('seq < ?::bigint', filter.cursor);
    values.push(limit + 1);
    const rows: StoredAuditRow[] = await this.dataSource.query(
      `${SELECT_EVENTS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY seq DESC LIMIT $${values.length}`,
      values,
    );
    const items = rows.slice(0, limit).map(toView);
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].seq) : null };
  }
}

function currentActor(): Actor {
  const actor = requestContext.current()?.actor;
  if (!actor) throw new DomainError(ErrorCode.Unauthenticated, 'sign in to read the audit log');
  return actor;
}

function toView(row: StoredAuditRow): AuditEventResponse {
  return {
    seq: row.seq,
    occurredAt: row.occurred_at,
    actor: { userId: row.actor_user_id, role: row.actor_role },
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    caseId: row.case_id,
    requestId: row.request_id,
    clientAddress: row.client_address,
    userAgent: row.user_agent,
    reason: row.reason,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
