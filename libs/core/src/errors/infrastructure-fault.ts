import { DomainError } from './domain-error.js';
import { ErrorCode } from './error-code.js';

/** Seconds a client should wait before retrying after a 503 (sent as Retry-After). */
export const RETRY_AFTER_SECONDS = 5;

// SQLSTATE: class 08 (connection exception), 57P01-57P03 (admin shutdown, crash shutdown,
// cannot connect now), 53300 (too many connections), 57014 (statement timeout or cancel), 55P03
// (lock timeout: a lock held past the statement limit).
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300|57014|55P03)$/;
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
// node-postgres and its pool raise these without a code.
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end)/;
// ENOSPC/EDQUOT from the disk, 53100 (disk_full) from PostgreSQL.
const NO_SPACE = new Set(['ENOSPC', 'EDQUOT', '53100']);

/**
 * A failure of the infrastructure rather than of the request or the code: the database is
 * unreachable, restarting or too slow (503, worth retrying), or storage is full (507).
 * Anything else is undefined, so real bugs stay 500.
 */
export function infrastructureFault(error: unknown): DomainError | undefined {
  for (const cause of causesOf(error)) {
    if (NO_SPACE.has(cause.code ?? ''))
      return new DomainError(
        ErrorCode.InsufficientStorage,
        'the server has no space left to store this; an administrator must free space or add storage',
      );
    if (
      UNAVAILABLE_SQLSTATE.test(cause.code ?? '') ||
      UNAVAILABLE_ERRNO.has(cause.code ?? '') ||
      UNAVAILABLE_MESSAGE.test(cause.message ?? '')
    )
      return new DomainError(ErrorCode.Unavailable, `the database is unavailable; retry in ${RETRY_AFTER_SECONDS} s`);
  }
  return undefined;
}

interface Cause {
  code?: string;
  message?: string;
}

/** The error, TypeORM's driverError, and `cause` links: where the driver's own error is found. */
function causesOf(error: unknown): Cause[] {
  const found: Cause[] = [];
  const queue: unknown[] = [error];
  while (queue.length && found.length < 8) {
    const next = queue.shift();
    if (!next || typeof next !== 'object') continue;
    const { code, message, driverError, cause, errors } = next as Cause & {
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    found.push({ code: typeof code === 'string' ? code : undefined, message });
    queue.push(driverError, cause);
    // AggregateError: a connection to localhost tries ::1 and 127.0.0.1.
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return found;
}
