import { createHash, randomBytes } from 'node:crypto';

/** A 256-bit random token (refresh tokens, MFA challenges), URL-safe. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored: SHA-256 is enough for high-entropy random tokens (no guessing to slow down). */
export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
