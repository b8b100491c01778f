import { describe, expect, it } from '@jest/globals';
import { exceedsJsonDepth, reservedKeyPath } from './json-body.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('exceedsJsonDepth', () => {
  it('counts arrays and objects alike', () => {
    expect(exceedsJsonDepth(bytes('[[{"a":[1]}]]'), 4)).toBe(false);
    expect(exceedsJsonDepth(bytes('[[{"a":[1]}]]'), 3)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonDepth(bytes(JSON.stringify({ a: '[[[[{{{{', b: 'say \\"[[[[' })), 1)).toBe(false);
    expect(exceedsJsonDepth(bytes('{"a":"\\"","b":[[1]]}'), 2)).toBe(true);
  });

  it('counts depth, not the number of containers', () => {
    expect(exceedsJsonDepth(bytes(JSON.stringify(Array.from({ length: 1000 }, () => [{}]))), 3)).toBe(false);
  });

  it('refuses the depths that overflowed the transformer', () => {
    expect(exceedsJsonDepth(bytes('['.repeat(2000) + ']'.repeat(2000)), 32)).toBe(true);
  });
});

describe('reservedKeyPath', () => {
  it('names the path of a constructor or __proto__ key at any depth', () => {
    expect(reservedKeyPath(JSON.parse('{"email":{"constructor":[]}}'), '')).toBe('email.constructor');
    expect(reservedKeyPath(JSON.parse('{"a":[{"b":1},{"__proto__":{"x":1}}]}'), '')).toBe('a.1.__proto__');
  });

  it('passes ordinary bodies, and values that merely say constructor', () => {
    expect(reservedKeyPath({ title: 'constructor', items: [{ prototype: 1 }] }, '')).toBeUndefined();
    expect(reservedKeyPath(null, '')).toBeUndefined();
  });
});
