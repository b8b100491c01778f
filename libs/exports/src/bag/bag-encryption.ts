import { createCipheriv, createDecipheriv, randomBytes, type CipherGCM, type DecipherGCM } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * AES-256-GCM over a whole stored bag, under a key drawn for that one export. The export id is
 * the additional authenticated data, so a stored bag moved under another record fails to open.
 */
export interface BagKey {
  key: Buffer;
  iv: Buffer;
}

export function newBagKey(): BagKey {
  return { key: randomBytes(32), iv: randomBytes(12) };
}

/** The bag's bytes encrypted as they stream; an error of the bag stops the ciphertext too. */
export function encryptBag(bag: Readable, { key, iv }: BagKey, exportId: string): CipherGCM {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(exportId, 'utf8'));
  bag.on('error', (error) => cipher.destroy(error));
  return bag.pipe(cipher);
}

/** The stored ciphertext decrypted as it streams; a wrong key or changed byte ends it with an error. */
export function decryptBag(stored: Readable, { key, iv }: BagKey, authTag: Buffer, exportId: string): DecipherGCM {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(exportId, 'utf8'));
  decipher.setAuthTag(authTag);
  stored.on('error', (error) => decipher.destroy(error));
  return stored.pipe(decipher);
}
