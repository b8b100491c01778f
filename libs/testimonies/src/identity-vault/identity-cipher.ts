import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { IdentityKeyRing } from './identity-key-ring.js';

export interface SealedRecord {
  keyId: string;
  nonce: Buffer;
  /** AES-256-GCM ciphertext followed by its 16-byte authentication tag. */
  ciphertext: Buffer;
}

/** A sealed record that cannot be opened: a wrong key, a tampered row, or a row moved to another owner. */
export class IdentityDecryptionError extends Error {
  constructor(owner: string, keyId: string) {
    super(`the identity record of ${owner} cannot be decrypted with key "${keyId}": wrong key or tampered data`);
    this.name = 'IdentityDecryptionError';
  }
}

const TAG_LENGTH = 16;

/**
 * AES-256-GCM with a random 96-bit nonce per record. The owner's id is the additional
 * authenticated data, so a ciphertext copied onto another witness fails to open
 * instead of showing one person's identity as another's.
 */
export function sealRecord(ring: IdentityKeyRing, owner: string, value: unknown): SealedRecord {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.key(ring.currentKeyId), nonce);
  cipher.setAAD(Buffer.from(owner, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { keyId: ring.currentKeyId, nonce, ciphertext: Buffer.concat([body, cipher.getAuthTag()]) };
}

export function openRecord<T>(ring: IdentityKeyRing, owner: string, sealed: SealedRecord): T {
  const decipher = createDecipheriv('aes-256-gcm', ring.key(sealed.keyId), sealed.nonce);
  decipher.setAAD(Buffer.from(owner, 'utf8'));
  decipher.setAuthTag(sealed.ciphertext.subarray(sealed.ciphertext.length - TAG_LENGTH));
  try {
    const body = sealed.ciphertext.subarray(0, sealed.ciphertext.length - TAG_LENGTH);
    return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as T;
  } catch {
    throw new IdentityDecryptionError(owner, sealed.keyId);
  }
}

/** The same value sealed again under the ring's current key (key rotation). */
export function resealRecord(ring: IdentityKeyRing, owner: string, sealed: SealedRecord): SealedRecord {
  return sealRecord(ring, owner, openRecord(ring, owner, sealed));
}
