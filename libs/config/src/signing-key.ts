import { generateKeyPairSync } from 'node:crypto';

/** A new Ed25519 private key as base64 of its PKCS#8 DER encoding (the form signing-key settings take). */
export function generateEd25519PrivateKey(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
}
