import { randomBytes } from 'node:crypto';
import { DomainError } from '@sillok/core';
import { COMMON_PASSWORDS } from './common-passwords.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Why a password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, email: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const lowered = password.trim().toLowerCase();
  const mail = email.trim().toLowerCase();
  if (lowered === mail || lowered === mail.split('@')[0]) return 'must not be the email address';
  if (COMMON_PASSWORDS.has(lowered)) return 'is one of the most common passwords';
  if (new Set(lowered).size < 4) return 'must not repeat a few characters';
  return undefined;
}

/** Throws a validation error naming `field` when the password is refused. */
export function assertAcceptablePassword(password: string, email: string, field = 'password'): void {
  const problem = passwordProblem(password, email);
  if (problem) throw DomainError.validation([{ field, reason: `${field} ${problem}` }]);
}

/** A one-time password for a new or reset account: 20 random characters, shown once. */
export function generateTemporaryPassword(): string {
  return randomBytes(15).toString('base64url');
}
