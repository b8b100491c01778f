import { describe, expect, it } from '@jest/globals';
import { relocate } from './anchor.js';

describe('relocate', () => {
  const anchor = { start: 3, end: 5, quote: '요덕' }; // '그때 요덕에서'.slice(3, 5)

  it('keeps a quote that is still in place', () => {
    expect(relocate('그때 요덕에서', anchor)).toBe(anchor);
  });

  it('moves a quote to its occurrence nearest the old position', () => {
    // occurrences at 1 (distance 2) and 11 (distance 8)
    expect(relocate('x요덕 ... ...요덕', anchor)).toEqual({ start: 1, end: 3, quote: '요덕' });
    // occurrences at 0 (distance 3) and 5 (distance 2)
    expect(relocate('요덕 ..요덕', anchor)).toEqual({ start: 5, end: 7, quote: '요덕' });
  });

  it('answers null when the quote is gone', () => {
    expect(relocate('그때 수용소에서', anchor)).toBeNull();
  });
});
