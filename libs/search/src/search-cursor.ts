import { DomainError, UUID } from '@sillok/core';
import type { SearchCursor } from './search-statements.js';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}:\d{2}|Z)$/;
const REAL = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** The `next` cursor of a page: where its last hit stands in the page's order (opaque to clients). */
export function encodeCursor(cursor: SearchCursor): string {
  const parts =
    cursor.order === 'relevance'
      ? ['r', cursor.rank ?? '', cursor.createdAt, cursor.id]
      : ['n', cursor.createdAt, cursor.id];
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
  if (!Array.isArray(parts) || !parts.every((p) => typeof p === 'string')) throw invalid();
  const [order, ...keys] = parts as string[];
  const [rank, createdAt, id] =
    order === 'r' && keys.length === 3 ? keys : order === 'n' && keys.length === 2 ? [null, ...keys] : [];
  if (!createdAt || !id || !TIMESTAMP.test(createdAt) || !UUID.test(id)) throw invalid();
  if (order === 'r' && !(rank && REAL.test(rank))) throw invalid();
  return { order: order === 'r' ? 'relevance' : 'newest', rank: rank ?? null, createdAt, id };
}
