import { randomBytes } from 'node:crypto';

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * The keys of the identity vault, from the setting IDENTITY_ENCRYPTION_KEYS:
 * `id:base64key[,id:base64key...]`. The first key encrypts; every listed key decrypts,
 * so a new key can be put first and `sillok keys:rotate` re-encrypts what the old ones sealed.
 */
export class IdentityKeyRing {
  private constructor(
    readonly currentKeyId: string,
    private readonly keys: ReadonlyMap<string, Buffer>,
  ) {}

  static parse(setting: string): IdentityKeyRing {
    const keys = new Map<string, Buffer>();
    for (const entry of setting
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const separator = entry.indexOf(':');
      const id = entry.slice(0, separator);
      if (separator < 1 || !KEY_ID.test(id))
        throw new Error('IDENTITY_ENCRYPTION_KEYS: each entry must be id:base64key');
      const key = Buffer.from(entry.slice(separator + 1), 'base64');
      if (key.length !== 32)
        throw new Error(`IDENTITY_ENCRYPTION_KEYS: key "${id}" must be 32 bytes (base64 of 32 random bytes)`);
      if (keys.has(id)) throw new Error(`IDENTITY_ENCRYPTION_KEYS: key id "${id}" is listed twice`);
      keys.set(id, key);
    }
    const [current] = keys.keys();
    if (!current) throw new Error('IDENTITY_ENCRYPTION_KEYS: no key given');
    return new IdentityKeyRing(current, keys);
  }

  /** A fresh setting value with one new key, for development installs and documentation. */
  static generateSetting(id = 'k1'): string {
    return `${id}:${randomBytes(32).toString('base64')}`;
  }

  has(id: string): boolean {
    return this.keys.has(id);
  }

  key(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new Error(`identity key "${id}" is not configured in IDENTITY_ENCRYPTION_KEYS`);
    return key;
  }
}
