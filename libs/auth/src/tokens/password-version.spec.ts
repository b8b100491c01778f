import { describe, expect, it } from '@jest/globals';
import { passwordVersion } from './password-version.js';

describe('passwordVersion', () => {
  it('is stable for one stored hash and differs for another (a new salt, even for the same password)', () => {
    const a = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdDE$aGFzaDE';
    const b = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdDI$aGFzaDE';
    expect(passwordVersion(a)).toBe(passwordVersion(a));
    expect(passwordVersion(a)).not.toBe(passwordVersion(b));
    expect(passwordVersion(a)).toMatch(/^[0-9a-f]{32}$/);
    expect(passwordVersion(a)).not.toContain('c2FsdDE');
  });
});
