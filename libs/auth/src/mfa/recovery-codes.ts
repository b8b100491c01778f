import { createHmac, randomBytes } from 'node:crypto';
import { hashOpaqueToken } from '../tokens/opaque-token.js';

export const RECOVERY_CODE_COUNT = 10;

/** Ten codes like `7f3a-09c2-b1e4-5d60` (64 random bits each), shown once at enrolment. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    (randomBytes(8).toString('hex').match(/.{4}/g) ?? []).join('-'),
  );
}

/**
 * The unkeyed digest (SHA-256 of the code as typed back: case, spaces and dashes do not
 * matter). Stored alone before issue 23.8: 64 random bits, unsalted, so a stolen table could be
 * searched for every user's codes at once. Now only the input of sealRecoveryCode.
 */
export function hashRecoveryCode(code: string): string {
  return hashOpaqueToken(code.toLowerCase().replace(/[\s-]/g, ''));
}

/** Stored form: `hmac:` + HMAC-SHA256 under a server-side key of the digest; a stolen table alone tests nothing. */
export const SEALED_RECOVERY_CODE_PREFIX = 'hmac:';

export function sealRecoveryCode(key: Uint8Array, code: string): string {
  return sealRecoveryDigest(key, hashRecoveryCode(code));
}

/** Seals a digest stored before: an old row is upgraded without knowing its code. */
export function sealRecoveryDigest(key: Uint8Array, digest: string): string {
  return SEALED_RECOVERY_CODE_PREFIX + createHmac('sha256', key).update(digest).digest('hex');
}

export function looksLikeTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code.trim());
}
