import { Ed25519SigningKey, type Settings } from '@sillok/config';

/** The Ed25519 key pair that signs exported bags, from EXPORT_SIGNING_KEY (never the audit key). */
export class ExportSigningKey extends Ed25519SigningKey {
  static fromSettings(settings: Pick<Settings, 'EXPORT_SIGNING_KEY'>): ExportSigningKey {
    const { privateKey, publicKey } = Ed25519SigningKey.parse('EXPORT_SIGNING_KEY', settings.EXPORT_SIGNING_KEY);
    return new ExportSigningKey(privateKey, publicKey);
  }
}
