import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { SettingsError, type Settings } from '@sillok/config';

/** The Ed25519 key pair that signs audit checkpoints, from AUDIT_SIGNING_KEY. */
export class AuditSigningKey {
  private constructor(
    readonly privateKey: KeyObject,
    readonly publicKey: KeyObject,
  ) {}

  /** Fails at start, naming the setting, when the value is not a PKCS#8 DER Ed25519 private key. */
  static fromSettings(settings: Pick<Settings, 'AUDIT_SIGNING_KEY'>): AuditSigningKey {
    const problem = 'AUDIT_SIGNING_KEY: must be base64 of a PKCS#8 DER Ed25519 private key';
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey({
        key: Buffer.from(settings.AUDIT_SIGNING_KEY, 'base64'),
        format: 'der',
        type: 'pkcs8',
      });
    } catch {
      throw new SettingsError([problem]);
    }
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new SettingsError([problem]);
    return new AuditSigningKey(privateKey, createPublicKey(privateKey));
  }

  /** SubjectPublicKeyInfo PEM: what `openssl pkeyutl -verify -pubin -inkey` takes. */
  get publicKeyPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  /** SHA-256 hex of the public key's DER, naming the key a checkpoint was signed with. */
  get fingerprint(): string {
    return createHash('sha256')
      .update(this.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex');
  }
}
