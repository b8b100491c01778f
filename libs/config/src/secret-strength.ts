/**
 * Why a key's bytes cannot be a random secret, or undefined when nothing shows (issue 23.7).
 * Production refuses keys that are too short or visibly not random: an all-zero identity key,
 * `JWT_SECRET=aaa…ab` and a repeated-digit MFA key were once accepted. This cannot prove a key
 * random; it catches the keys people type or copy from examples.
 */
export function weakSecretReason(bytes: Uint8Array): string | undefined {
  if (bytes.length < MIN_SECRET_BYTES)
    return `is ${bytes.length} bytes; at least ${MIN_SECRET_BYTES} random bytes are needed`;
  if (bytes.every((b) => b === 0)) return 'is all zero bytes';
  if (bytes.every((b) => b === bytes[0])) return 'is one byte repeated';
  for (const step of [1, 255]) {
    if (bytes.every((b, i) => i === 0 || b === (bytes[i - 1] + step) % 256)) return 'is a run of consecutive bytes';
  }
  for (let period = 2; period <= MAX_PATTERN; period++) {
    if (bytes.every((b, i) => i < period || b === bytes[i - period])) return `repeats a pattern of ${period} bytes`;
  }
  const distinct = new Set(bytes).size;
  if (distinct < MIN_DISTINCT) return `uses only ${distinct} different byte values`;
  return undefined;
}

/** 256 bits: what AES-256, HMAC-SHA256 and Ed25519 seeds need. */
export const MIN_SECRET_BYTES = 32;
// Random 32 bytes (or 43 base64 characters) almost always hold 25 or more different values.
const MIN_DISTINCT = 12;
const MAX_PATTERN = 16;
