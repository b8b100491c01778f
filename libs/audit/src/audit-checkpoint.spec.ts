import { describe, expect, it } from '@jest/globals';
import { generateEd25519PrivateKey } from '@sillok/config';
import { checkpointSignatureValid, parseCheckpoint, signCheckpoint } from './audit-checkpoint.js';
import { AuditSigningKey } from './audit-signing-key.js';

const key = AuditSigningKey.fromSettings({ AUDIT_SIGNING_KEY: generateEd25519PrivateKey() });
const statement = { headSeq: 42, headHash: 'a'.repeat(64), time: '2026-11-27T21:15:03.123456Z' };

describe('audit checkpoints', () => {
  it('sign the canonical statement and survive a round trip through JSON', () => {
    const checkpoint = signCheckpoint(statement, key.privateKey, key.fingerprint);
    const parsed = parseCheckpoint(JSON.stringify(checkpoint, null, 2));
    expect(parsed).toEqual(checkpoint);
    expect(checkpointSignatureValid(parsed, key.publicKey)).toBe(true);
    expect(checkpoint.publicKeyFingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fail verification when the statement, the signature or the key differs', () => {
    const checkpoint = signCheckpoint(statement, key.privateKey, key.fingerprint);
    const other = AuditSigningKey.fromSettings({ AUDIT_SIGNING_KEY: generateEd25519PrivateKey() });
    expect(checkpointSignatureValid({ ...checkpoint, statement: { ...statement, headSeq: 43 } }, key.publicKey)).toBe(
      false,
    );
    expect(checkpointSignatureValid({ ...checkpoint, signature: 'AAAA' }, key.publicKey)).toBe(false);
    expect(checkpointSignatureValid(checkpoint, other.publicKey)).toBe(false);
  });

  it.each([
    ['not JSON', '{', 'checkpoint: is not JSON'],
    ['no statement', '{"signature":"x"}', 'checkpoint: must be a signed Sillok audit checkpoint'],
    [
      'a bad hash',
      JSON.stringify({ statement: { ...statement, headHash: 'xyz' }, signature: 'x' }),
      'must be a signed',
    ],
    [
      'a negative seq',
      JSON.stringify({ statement: { ...statement, headSeq: -1 }, signature: 'x' }),
      'must be a signed',
    ],
  ])('refuse %s', (_what, text, message) => {
    expect(() => parseCheckpoint(text)).toThrow(message);
  });

  it('refuse a signing key that is not Ed25519', () => {
    expect(() => AuditSigningKey.fromSettings({ AUDIT_SIGNING_KEY: 'bm90IGEga2V5' })).toThrow(
      'AUDIT_SIGNING_KEY: must be base64 of a PKCS#8 DER Ed25519 private key',
    );
  });
});
