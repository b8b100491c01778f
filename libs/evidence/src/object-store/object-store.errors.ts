import { DomainError, ErrorCode } from '@sillok/core';
import type { ByteRange } from './object-store.port.js';

/** exists() from stat(): true when stat answers, false on NotFound, any other failure thrown. */
export async function existsByStat(stat: () => Promise<unknown>): Promise<boolean> {
  try {
    await stat();
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.NotFound) return false;
    throw error;
  }
}

export function objectNotFound(): DomainError {
  return DomainError.notFound('object');
}

/** The store cannot be reached or refused to work: the caller answers 503 and may retry later. */
export function storeUnavailable(cause: unknown): DomainError {
  const error = new DomainError(ErrorCode.Unavailable, 'the object store is unavailable');
  error.cause = cause;
  return error;
}

/**
 * The store's disk (or quota) is full: 507 naming the cause, so an operator knows what to free and a
 * client knows a retry will not help until they do (the same answer as a full local disk).
 */
export function storeFull(cause: unknown): DomainError {
  const error = new DomainError(
    ErrorCode.InsufficientStorage,
    'the object store is full: no space left for new objects',
  );
  error.cause = cause;
  return error;
}

export function sizeMismatch(expected: number, actual: number): DomainError {
  return DomainError.validation([{ field: 'size', reason: `declared ${expected} bytes but received ${actual}` }]);
}

export function assertValidRange(range: ByteRange | undefined): void {
  if (!range) return;
  const { start, end } = range;
  const bad =
    !Number.isSafeInteger(start) || start < 0 || (end !== undefined && (!Number.isSafeInteger(end) || end < start));
  if (bad) throw DomainError.validation([{ field: 'range', reason: 'must be 0 <= start <= end' }]);
}

/** A range past the end of the object (HTTP answers 416 to these; the download path checks size first). */
export function assertRangeWithin(range: ByteRange | undefined, size: number): void {
  if (range && range.start >= size && !(range.start === 0 && size === 0)) {
    throw DomainError.validation([{ field: 'range', reason: `starts at or after the end (${size} bytes)` }]);
  }
}

/** Network-level failures: the store is down or unreachable rather than refusing this request. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
]);

export function isNetworkError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /socket hang up|Retryable HTTP status|Request failed after/.test(message);
}
