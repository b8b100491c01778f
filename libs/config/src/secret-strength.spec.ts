import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { weakSecretReason } from './secret-strength.js';

const text = (s: string) => Buffer.from(s, 'utf8');

describe('weakSecretReason', () => {
  it('accepts random keys and their base64 text', () => {
    for (let i = 0; i < 200; i++) {
      expect(weakSecretReason(randomBytes(32))).toBeUndefined();
      expect(weakSecretReason(text(randomBytes(32).toString('base64url')))).toBeUndefined();
    }
  });

  it('refuses the keys issue 23 found accepted: all-zero, aaa…ab, repeated digits', () => {
    expect(weakSecretReason(Buffer.alloc(32))).toBe('is all zero bytes');
    expect(weakSecretReason(text('a'.repeat(47) + 'b'))).toBe('uses only 2 different byte values');
    expect(weakSecretReason(text('1111111111222222222233333333334444444444'))).toMatch(/different byte values/);
    expect(weakSecretReason(text('12341234123412341234123412341234'))).toBe('repeats a pattern of 4 bytes');
  });

  it('refuses short, single-byte and sequential keys', () => {
    expect(weakSecretReason(randomBytes(31))).toBe('is 31 bytes; at least 32 random bytes are needed');
    expect(weakSecretReason(Buffer.alloc(32, 7))).toBe('is one byte repeated');
    expect(weakSecretReason(Buffer.from(Array.from({ length: 32 }, (_, i) => i + 100)))).toBe(
      'is a run of consecutive bytes',
    );
    expect(weakSecretReason(Buffer.from(Array.from({ length: 32 }, (_, i) => (300 - i) % 256)))).toBe(
      'is a run of consecutive bytes',
    );
  });
});
