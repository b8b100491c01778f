import { ErrorCode } from './error-code.js';

/** The one map from domain error codes to HTTP statuses and RFC 9457 titles. */
export const ERROR_STATUS: Record<ErrorCode, { status: number; title: string }> = {
  [ErrorCode.Validation]: { status: 400, title: 'Invalid request' },
  [ErrorCode.Unauthenticated]: { status: 401, title: 'Authentication required' },
  [ErrorCode.Forbidden]: { status: 403, title: 'Forbidden' },
  [ErrorCode.NotFound]: { status: 404, title: 'Not found' },
  [ErrorCode.Conflict]: { status: 409, title: 'Conflict' },
  [ErrorCode.StaleVersion]: { status: 409, title: 'Stale version' },
  [ErrorCode.PayloadTooLarge]: { status: 413, title: 'Payload too large' },
  [ErrorCode.UnsupportedMediaType]: { status: 415, title: 'Unsupported media type' },
  [ErrorCode.RangeNotSatisfiable]: { status: 416, title: 'Range not satisfiable' },
  [ErrorCode.Locked]: { status: 423, title: 'Locked' },
  [ErrorCode.TooManyRequests]: { status: 429, title: 'Too many requests' },
  [ErrorCode.Internal]: { status: 500, title: 'Internal server error' },
  [ErrorCode.Unavailable]: { status: 503, title: 'Service unavailable' },
  [ErrorCode.InsufficientStorage]: { status: 507, title: 'Insufficient storage' },
};

/** The problem type URI of a code: stable, documented in the OpenAPI document. */
export function problemType(code: ErrorCode): string {
  return `urn:sillok:problem:${code}`;
}
