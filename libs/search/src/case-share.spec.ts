import { describe, expect, it } from '@jest/globals';
import { caseCondition, casesShare, ROW_CHECK_SHARE, type CaseStatistics } from './case-share.js';

const stats = (common: Array<[string, number]>, distinct: number, documents = 1000): CaseStatistics => ({
  common: new Map(common),
  distinct,
  documents,
});

describe('casesShare', () => {
  it('adds the shares of the common cases the caller is in', () => {
    const s = stats(
      [
        ['a', 0.5],
        ['b', 0.3],
        ['c', 0.2],
      ],
      3,
    );
    expect(casesShare(s, ['a'])).toBeCloseTo(0.5);
    expect(casesShare(s, ['a', 'c'])).toBeCloseTo(0.7);
    expect(casesShare(s, [])).toBe(0);
  });

  it('gives a case outside the common ones an even part of what they leave', () => {
    // 10 distinct cases, 2 common holding 0.6: the other 8 share 0.4, 0.05 each.
    const s = stats(
      [
        ['a', 0.4],
        ['b', 0.2],
      ],
      10,
    );
    expect(casesShare(s, ['x'])).toBeCloseTo(0.05);
    expect(casesShare(s, ['a', 'x', 'y'])).toBeCloseTo(0.5);
  });

  it('reads a negative distinct count as a share of the documents', () => {
    // -0.01 of 1,000 documents: 10 cases, none common, each 0.1.
    expect(casesShare(stats([], -0.01), ['x'])).toBeCloseTo(0.1);
  });

  it('is 0 for an unknown case when the common ones are all the cases, and never past 1', () => {
    const s = stats(
      [
        ['a', 0.6],
        ['b', 0.6],
      ],
      2,
    );
    expect(casesShare(s, ['x'])).toBe(0);
    expect(casesShare(s, ['a', 'b'])).toBe(1);
    // Common shares past 1 (rounding) leave nothing for the others, not a negative share.
    expect(casesShare(stats([['a', 1.2]], 3), ['x'])).toBe(0);
  });

  it('is 0 without statistics (a table never analyzed): the index form', () => {
    expect(casesShare(null, ['a'])).toBe(0);
  });
});

describe('caseCondition', () => {
  it('checks the case on the row from ROW_CHECK_SHARE up, in the index below it', () => {
    expect(caseCondition(ROW_CHECK_SHARE, '$1')).toBe('d.case_id = ANY($1::uuid[])');
    expect(caseCondition(1, '$2')).toBe('d.case_id = ANY($2::uuid[])');
    expect(caseCondition(ROW_CHECK_SHARE - 0.001, '$1')).toBe('ARRAY[d.case_id] && $1::uuid[]');
    expect(caseCondition(0, '$3')).toBe('ARRAY[d.case_id] && $3::uuid[]');
  });
});
