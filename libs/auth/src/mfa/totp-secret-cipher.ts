import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { Settings } from '@sillok/config';

// v2: key from HKDF-SHA256 (RFC 5869). v1: one SHA-256 of the setting, still read so that
// secrets sealed before stay usable; each is sealed again as v2 when its owner next enrols.
const VERSION = 'v2';
const LEGACY_VERSION = 'v1';
const HKDF_SALT = 'sillok';
const HKDF_INFO = 'sillok/mfa/totp-secret/aes-256-gcm';

/**
 * Keeps TOTP secrets encrypted at rest (AES-256-GCM): a copy of the users table alone
 * does not let anyone mint second-factor codes. The AES key is a sub-key derived from
 * MFA_ENCRYPTION_KEY with HKDF, bound to this one use (issue 23.7).
 */
@Injectable()
export class TotpSecretCipher {
  private readonly keys: Record<string, Buffer>;

  constructor(settings: Settings) {
    const setting = settings.MFA_ENCRYPTION_KEY;
    this.keys = {
      [VERSION]: Buffer.from(hkdfSync('sha256', setting, HKDF_SALT, HKDF_INFO, 32)),
      [LEGACY_VERSION]: createHash('sha256').update(`sillok-totp:${setting}`).digest(),
    };
  }

  encrypt(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys[VERSION], iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  decrypt(stored: string): string {
    const [version, iv, tag, body] = stored.split('.');
    const key = Object.hasOwn(this.keys, version) ? this.keys[version] : undefined;
    if (!key || !iv || !tag || !body) throw new Error('unreadable TOTP secret');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
