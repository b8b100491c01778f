import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SettingsError } from './settings-error.js';

/** A new Ed25519 private key as base64 of its PKCS#8 DER encoding (the form signing-key settings take). */
export function generateEd25519PrivateKey(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
}

/** An Ed25519 key pair read from a signing-key setting (AUDIT_SIGNING_KEY, EXPORT_SIGNING_KEY). */
export class Ed25519SigningKey {
  constructor(
    readonly privateKey: KeyObject,
    readonly publicKey: KeyObject,
  ) {}

  /** Fails at start, naming the setting, when the value is not a PKCS#8 DER Ed25519 private key. */
  static parse(settingName: string, value: string): { privateKey: KeyObject; publicKey: KeyObject } {
    const problem = `${settingName}: must be base64 of a PKCS#8 DER Ed25519 private key`;
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8' });
    } catch {
      throw new SettingsError([problem]);
    }
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new SettingsError([problem]);
    return { privateKey, publicKey: createPublicKey(privateKey) };
  }

  /** SubjectPublicKeyInfo PEM: what `openssl pkeyutl -verify -pubin -inkey` takes. */
  get publicKeyPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  /** SHA-256 hex of the public key's DER, naming the key something was signed with. */
  get fingerprint(): string {
    return createHash('sha256')
      .update(this.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex');
  }
}
