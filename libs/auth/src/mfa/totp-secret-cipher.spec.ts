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
