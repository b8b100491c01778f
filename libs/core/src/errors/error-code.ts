/**
 * Every failure the domain can name. The problem-details filter maps each code to
 * an HTTP status in one place (error-status.ts); services never pick status codes.
 */
export enum ErrorCode {
  Validation = 'validation',
  NotFound = 'not-found',
  Conflict = 'conflict',
  StaleVersion = 'stale-version',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  Locked = 'locked',
  TooManyRequests = 'too-many-requests',
  PayloadTooLarge = 'payload-too-large',
  UnsupportedMediaType = 'unsupported-media-type',
  RangeNotSatisfiable = 'range-not-satisfiable',
  Unavailable = 'unavailable',
  InsufficientStorage = 'insufficient-storage',
  Internal = 'internal',
}
