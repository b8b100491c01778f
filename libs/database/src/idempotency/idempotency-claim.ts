import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../query-rows.js';

/** A create sent with an Idempotency-Key, being served now. */
export interface IdempotencyClaim {
  userId: string;
  /** Method and path: the same key may be used on another route. */
  route: string;
  key: string;
  requestSha256: string;
  /** Set once the answer is stored: only the request's first transaction records it. */
  recorded?: boolean;
}

/** Another request with the same key committed first; the caller replays its answer. */
export class IdempotencyRaceError extends Error {
  constructor() {
    super('a request with the same Idempotency-Key committed first');
    this.name = 'IdempotencyRaceError';
  }
}

/** How long an answer can be replayed. */
export const IDEMPOTENCY_TTL_HOURS = 24;

const scope = new AsyncLocalStorage<IdempotencyClaim>();

/** Runs a request's work with its claim in scope, for inTransaction to record its answer. */
export function withIdempotencyClaim<T>(claim: IdempotencyClaim, work: () => Promise<T>): Promise<T> {
  return scope.run(claim, work);
}

/**
 * Stores the answer of the request in scope inside the transaction that made the record,
 * so the key exists exactly when the create committed. A no-op without a claim.
 */
export async function recordIdempotentAnswer(manager: EntityManager, answer: unknown): Promise<void> {
  const claim = scope.getStore();
  if (!claim || claim.recorded) return;
  const stored = await queryRows(
    manager,
    `INSERT INTO idempotency_keys (user_id, route, key, request_sha256, response_status, response_body)
     VALUES ($1, $2, $3, $4, 201, $5)
     ON CONFLICT (user_id, route, key) DO UPDATE
       SET request_sha256 = EXCLUDED.request_sha256, response_body = EXCLUDED.response_body, created_at = now()
       WHERE idempotency_keys.created_at <= now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})
     RETURNING 1`,
    [claim.userId, claim.route, claim.key, claim.requestSha256, JSON.stringify(answer ?? null)],
  );
  // A live row of the same key: a concurrent twin committed first. Rolling this one back
  // leaves exactly one record.
  if (!stored.length) throw new IdempotencyRaceError();
  claim.recorded = true;
}

export interface StoredAnswer {
  requestSha256: string;
  status: number;
  body: unknown;
}

/** The answer stored for the claim's user, route and key within the TTL, if any. */
export async function findIdempotentAnswer(
  manager: EntityManager,
  claim: IdempotencyClaim,
): Promise<StoredAnswer | undefined> {
  const [row] = await queryRows<{ request_sha256: string; response_status: number; response_body: unknown }>(
    manager,
    `SELECT request_sha256, response_status, response_body FROM idempotency_keys
      WHERE user_id = $1 AND route = $2 AND key = $3
        AND created_at > now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`,
    [claim.userId, claim.route, claim.key],
  );
  return row && { requestSha256: row.request_sha256, status: row.response_status, body: row.response_body };
}
