import { describe, expect, it } from '@jest/globals';
import { IdentityKeyRing } from './identity-key-ring.js';
import { IdentityDecryptionError, openRecord, sealRecord } from './identity-cipher.js';

const identity = { legalName: '김철수', familyInDprk: [{ relation: 'mother', place: '함경북도 회령' }] };

describe('identity cipher', () => {
  const ring = IdentityKeyRing.parse(IdentityKeyRing.generateSetting('k1'));

  it('round-trips a record and leaves no plaintext in the ciphertext', () => {
    const sealed = sealRecord(ring, 'witness-1', identity);
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext.toString('utf8')).not.toContain('김철수');
    expect(openRecord(ring, 'witness-1', sealed)).toEqual(identity);
  });

  it('uses a fresh nonce every time', () => {
    const a = sealRecord(ring, 'witness-1', identity);
    const b = sealRecord(ring, 'witness-1', identity);
    expect(a.nonce.equals(b.nonce)).toBe(false);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
  });

  it('fails loudly with a wrong key, a tampered byte, or another owner', () => {
    const sealed = sealRecord(ring, 'witness-1', identity);
    const otherRing = IdentityKeyRing.parse(IdentityKeyRing.generateSetting('k1'));
    expect(() => openRecord(otherRing, 'witness-1', sealed)).toThrow(IdentityDecryptionError);
    const tampered = { ...sealed, ciphertext: Buffer.from(sealed.ciphertext) };
    tampered.ciphertext[0] ^= 1;
    expect(() => openRecord(ring, 'witness-1', tampered)).toThrow(IdentityDecryptionError);
    expect(() => openRecord(ring, 'witness-2', sealed)).toThrow(IdentityDecryptionError);
  });

  it('decrypts with an older key after rotation, encrypts with the first', () => {
    const old = sealRecord(ring, 'w', identity);
    const rotated = IdentityKeyRing.parse(
      `${IdentityKeyRing.generateSetting('k2')},k1:${ring.key('k1').toString('base64')}`,
    );
    expect(rotated.currentKeyId).toBe('k2');
    expect(openRecord(rotated, 'w', old)).toEqual(identity);
    expect(sealRecord(rotated, 'w', identity).keyId).toBe('k2');
  });

  it('refuses malformed key settings with the reason', () => {
    expect(() => IdentityKeyRing.parse('')).toThrow(/no key given/);
    expect(() => IdentityKeyRing.parse('k1:c2hvcnQ=')).toThrow(/must be 32 bytes/);
    expect(() => IdentityKeyRing.parse('bad id:AAAA')).toThrow(/id:base64key/);
    const one = IdentityKeyRing.generateSetting('k1');
    expect(() => IdentityKeyRing.parse(`${one},${one}`)).toThrow(/listed twice/);
    expect(() => ring.key('k9')).toThrow(/"k9" is not configured/);
  });
});
