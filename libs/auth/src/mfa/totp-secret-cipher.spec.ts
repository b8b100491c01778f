import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { Settings } from '@sillok/config';
import { hashRecoveryCode, looksLikeTotpCode, newRecoveryCodes } from './recovery-codes.js';
import { TotpSecretCipher } from './totp-secret-cipher.js';

const cipher = (key: string) => new TotpSecretCipher({ MFA_ENCRYPTION_KEY: key } as Settings);

describe('TOTP secret at rest', () => {
  it('round-trips, with a fresh nonce each time', () => {
    const c = cipher('k'.repeat(40));
    const a = c.encrypt('JBSWY3DPEHPK3PXP');
    const b = c.encrypt('JBSWY3DPEHPK3PXP');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(c.decrypt(a)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a tampered value and another key', () => {
    const stored = cipher('k'.repeat(40)).encrypt('JBSWY3DPEHPK3PXP');
    const parts = stored.split('.');
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith('AA') ? 'BB' : 'AA');
    expect(() => cipher('k'.repeat(40)).decrypt(parts.join('.'))).toThrow();
    expect(() => cipher('x'.repeat(40)).decrypt(stored)).toThrow();
  });
});

describe('TOTP secret key derivation', () => {
  it('seals with an HKDF sub-key (v2) and still opens what the single SHA-256 key sealed (v1)', () => {
    const setting = 'k'.repeat(44);
    const sealed = cipher(setting).encrypt('JBSWY3DPEHPK3PXP');
    expect(sealed.startsWith('v2.')).toBe(true);
    // A v1 value as the previous release wrote it: AES-256-GCM under sha256("sillok-totp:" + setting).
    const iv = randomBytes(12);
    const legacy = createCipheriv('aes-256-gcm', createHash('sha256').update(`sillok-totp:${setting}`).digest(), iv);
    const body = Buffer.concat([legacy.update('JBSWY3DPEHPK3PXP', 'utf8'), legacy.final()]);
    const v1 = ['v1', iv.toString('base64url'), legacy.getAuthTag().toString('base64url'), body.toString('base64url')];
    expect(cipher(setting).decrypt(v1.join('.'))).toBe('JBSWY3DPEHPK3PXP');
    // The v2 key is not the v1 key: a v2 value relabelled v1 does not open.
    expect(() => cipher(setting).decrypt(sealed.replace(/^v2\./, 'v1.'))).toThrow();
    expect(() => cipher(setting).decrypt(sealed.replace(/^v2\./, 'constructor.'))).toThrow('unreadable TOTP secret');
  });
});

describe('recovery codes', () => {
  it('are ten distinct grouped codes, matched regardless of case, spaces and dashes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
    expect(hashRecoveryCode(codes[0].toUpperCase().replace(/-/g, ' '))).toBe(hashRecoveryCode(codes[0]));
    expect(looksLikeTotpCode(codes[0])).toBe(false);
    expect(looksLikeTotpCode(' 123456 ')).toBe(true);
  });
});
