import { DomainError } from './domain-error.js';

/** A stale optimistic-lock version: 409 with the version the caller should re-read. */
export function assertVersion(current: { version: number }, expected: number, what: string): void {
  if (current.version !== expected) {
    throw DomainError.staleVersion(
      `${what} was changed by someone else (now version ${current.version})`,
      current.version,
    );
  }
}
