import { Ed25519SigningKey, SettingsError, type Settings } from '@sillok/config';

/** Production keeps the checkpoint key out of the API: only where `sillok audit:checkpoint` runs. */
export const NO_AUDIT_SIGNING_KEY =
  'AUDIT_SIGNING_KEY: is not set in this process; set it where `sillok audit:checkpoint` runs (never in the API)';

/** The Ed25519 key pair that signs audit checkpoints, from AUDIT_SIGNING_KEY. */
export class AuditSigningKey extends Ed25519SigningKey {
  /** Fails at start, naming the setting, when the value is not a PKCS#8 DER Ed25519 private key. */
  static fromSettings(settings: Pick<Settings, 'AUDIT_SIGNING_KEY'>): AuditSigningKey {
    if (settings.AUDIT_SIGNING_KEY === undefined) throw new SettingsError([NO_AUDIT_SIGNING_KEY]);
    const { privateKey, publicKey } = Ed25519SigningKey.parse('AUDIT_SIGNING_KEY', settings.AUDIT_SIGNING_KEY);
    return new AuditSigningKey(privateKey, publicKey);
  }
}
