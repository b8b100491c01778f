import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@sillok/core';
import { assertValidListPrefix, assertValidObjectKey, isValidObjectKey, newObjectKey } from './object-key.js';

describe('object keys', () => {
  it('are random, dated by UTC month, and valid', () => {
    const key = newObjectKey(new Date('2026-01-31T23:30:00-05:00'));
    expect(key).toMatch(/^objects\/2026\/02\/[0-9a-f-]{36}$/);
    expect(isValidObjectKey(key)).toBe(true);
    expect(newObjectKey()).not.toBe(newObjectKey());
  });

  it('refuse anything else', () => {
    for (const key of [
      'objects/2026/02/..',
      'objects/2026/02/a/../b',
      'objects/2026/00/x',
      5,
      null,
      'OBJECTS/2026/02/x',
    ]) {
      expect(isValidObjectKey(key)).toBe(false);
      expect(() => assertValidObjectKey(key)).toThrow(DomainError);
    }
  });

  it('accept only leading parts of keys as list prefixes', () => {
    for (const prefix of ['', 'objects/', 'objects/2026/', 'objects/2026/02/', 'objects/2026/02/0b6f']) {
      expect(() => assertValidListPrefix(prefix)).not.toThrow();
    }
    for (const prefix of ['../', 'objects/../', 'objects/2026/13/', 'x']) {
      expect(() => assertValidListPrefix(prefix)).toThrow(DomainError);
    }
  });
});
