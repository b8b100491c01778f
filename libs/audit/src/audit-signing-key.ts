import { Ed25519SigningKey, type Settings } from '@sillok/config';

/** The Ed25519 key pair that signs audit checkpoints, from AUDIT_SIGNING_KEY. */
export class AuditSigningKey extends Ed25519SigningKey {
  /** Fails at start, naming the setting, when the value is not a PKCS#8 DER Ed25519 private key. */
  static fromSettings(settings: Pick<Settings, 'AUDIT_SIGNING_KEY'>): AuditSigningKey {
    const { privateKey, publicKey } = Ed25519SigningKey.parse('AUDIT_SIGNING_KEY', settings.AUDIT_SIGNING_KEY);
    return new AuditSigningKey(privateKey, publicKey);
  }
}
