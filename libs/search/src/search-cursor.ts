import { createHash } from 'node:crypto';
import { DomainError, UUID } from '@sillok/core';
import type { HitDensity } from './search-plan.js';
import type { CarriedCount, SearchCursor, SearchSql } from './search-statements.js';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}:\d{2}|Z)$/;
const REAL = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
const DIGEST = /^[0-9a-f]{16}$/;

/**
 * The digest a carried count is bound to: the query's tables, conditions and values, the actor's
 * cases among them. A cursor used with any other query (or by someone who sees other cases) carries
 * no count over.
 */
export function queryDigest(sql: SearchSql): string {
  const query = JSON.stringify([sql.from, sql.where, sql.narrower, sql.params.values]);
  return createHash('sha256').update(query).digest('hex').slice(0, 16);
}

/** The `next` cursor of a page: where its last hit stands in the page's order (opaque to clients). */
export function encodeCursor(cursor: SearchCursor): string {
  const parts: unknown[] =
    cursor.order === 'relevance'
      ? ['r', cursor.rank ?? '', cursor.createdAt, cursor.id]
      : ['n', cursor.createdAt, cursor.id];
  if (cursor.counted) {
    const { query, density } = cursor.counted;
    parts.push({ q: query, c: density.counted, l: density.lastBlock, b: density.blocks, d: density.documents });
  }
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** An `after` cursor back into its keys; anything that is not one of ours answers 400 naming `after`. */
export function decodeCursor(after: string): SearchCursor {
  const invalid = () =>
    DomainError.validation([{ field: 'after', reason: 'not a cursor from a previous page (next)' }]);
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parts)) throw invalid();
  const last: unknown = parts.at(-1);
  const carried = typeof last === 'object' && last !== null ? carriedCount(last) : null;
  if (carried === undefined) throw invalid();
  const keys = carried ? parts.slice(0, -1) : parts;
  if (!keys.every((p) => typeof p === 'string')) throw invalid();
  const [order, ...rest] = keys as string[];
  const [rank, createdAt, id] =
    order === 'r' && rest.length === 3 ? rest : order === 'n' && rest.length === 2 ? [null, ...rest] : [];
  if (!createdAt || !id || !TIMESTAMP.test(createdAt) || !UUID.test(id)) throw invalid();
  if (order === 'r' && !(rank && REAL.test(rank))) throw invalid();
  return { order: order === 'r' ? 'relevance' : 'newest', rank: rank ?? null, createdAt, id, counted: carried };
}

/** The carried count of a cursor's last part; undefined when it is not one. */
function carriedCount(part: object): CarriedCount | undefined {
  const { q, c, l, b, d } = part as Record<string, unknown>;
  const whole = (n: unknown, least: number): n is number => Number.isSafeInteger(n) && (n as number) >= least;
  if (typeof q !== 'string' || !DIGEST.test(q) || !whole(c, 1) || !whole(l, 0) || !whole(b, 0)) return undefined;
  if (typeof d !== 'number' || !Number.isFinite(d) || d < -1) return undefined;
  const density: HitDensity = { counted: c, lastBlock: l, blocks: b, documents: d };
  return { query: q, density };
}
