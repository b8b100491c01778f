import { ErrorCode } from './error-code.js';

/** One invalid field: a dotted path (`translations.0.language`) and the reason. */
export interface FieldError {
  field: string;
  reason: string;
}

/**
 * A failure the caller can act on. `detail` is shown to the client, so it must never
 * carry secrets or witness identities; `extensions` become extra problem members.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'DomainError';
  }

  static validation(errors: FieldError[]): DomainError {
    const detail = errors.map((e) => `${e.field}: ${e.reason}`).join('; ');
    return new DomainError(ErrorCode.Validation, detail, { errors });
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `${what} not found`);
  }

  /** An update based on an old version (optimistic locking): the caller re-reads and retries. */
  static staleVersion(detail: string, currentVersion: number): DomainError {
    return new DomainError(ErrorCode.StaleVersion, detail, { currentVersion });
  }
}
