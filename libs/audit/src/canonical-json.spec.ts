import { describe, expect, it } from '@jest/globals';
import { canonicalJson, toJsonValue } from './canonical-json.js';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'x' }], c: true } })).toBe(
      '{"a":{"c":true,"d":[3,{"y":"x","z":null}]},"b":1}',
    );
  });

  it('writes numbers and strings as ECMAScript does (the RFC 8785 vectors)', () => {
    expect(canonicalJson([1e21, 1e-7, 0.1, -0, 333333333.3333333])).toBe('[1e+21,1e-7,0.1,0,333333333.3333333]');
    expect(canonicalJson('€\u000f\n"\\')).toBe('"€\\u000f\\n\\"\\\\"');
  });

  it('sorts keys by UTF-16 code units', () => {
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, '1': 4, ö: 5 })).toBe(
      '{"\\r":2,"1":4,"ö":5,"€":1,"😀":3}',
    );
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow('non-finite');
  });

  it('shapes values as jsonb gives them back', () => {
    expect(toJsonValue({ at: new Date('2026-01-01T00:00:00Z'), gone: undefined, n: Number.NaN })).toEqual({
      at: '2026-01-01T00:00:00.000Z',
      n: null,
    });
  });
});
