import { randomBytes } from 'node:crypto';
import { hashOpaqueToken } from '../tokens/opaque-token.js';

export const RECOVERY_CODE_COUNT = 10;

/** Ten codes like `7f3a-09c2-b1e4-5d60` (64 random bits each), shown once at enrolment. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    (randomBytes(8).toString('hex').match(/.{4}/g) ?? []).join('-'),
  );
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export function hashRecoveryCode(code: string): string {
  return hashOpaqueToken(code.toLowerCase().replace(/[\s-]/g, ''));
}

export function looksLikeTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code.trim());
}
