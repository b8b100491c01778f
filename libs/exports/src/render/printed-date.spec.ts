import { describe, expect, it } from '@jest/globals';
import { printedDate } from './printed-date.js';

describe('printedDate', () => {
  it('prints calendar dates at the precision recorded', () => {
    expect(printedDate('1997-03-12', null, 'exact')).toBe('1997-03-12');
    expect(printedDate('1997-03-01', null, 'month')).toBe('1997-03');
    expect(printedDate('1997-01-01', '1999-12-31', 'year')).toBe('1997 – 1999');
    expect(printedDate('1997-01-01', null, 'circa')).toBe('circa 1997');
    expect(printedDate(null, '2001-05-02', null)).toBe('2001-05-02');
  });

  it('never prints a time, and nothing for no date', () => {
    expect(printedDate('1997-03-12T00:00:00.000Z', null, null)).toBe('1997-03-12');
    expect(printedDate('1997-01-01', '1997-06-30', 'year')).toBe('1997');
    expect(printedDate(null, null, 'circa')).toBe('');
  });
});
