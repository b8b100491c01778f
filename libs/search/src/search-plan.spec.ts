import { describe, expect, it } from '@jest/globals';
import {
  densityOf,
  estimatedHits,
  pastCountPlan,
  SORTED_READ_MARGIN,
  WALK_DOCUMENT_COST,
  type HitDensity,
} from './search-plan.js';

// A million documents in 100,000 blocks; 1,001 hits counted.
const table = { counted: 1001, blocks: 100_000, documents: 1_000_000 };

describe('estimatedHits', () => {
  it('scales the hits counted by how far into the table the count reached', () => {
    expect(estimatedHits({ ...table, lastBlock: 999 })).toBe(100_100);
    expect(estimatedHits({ ...table, lastBlock: 49_999 })).toBe(2002);
  });

  it('is never fewer than were counted, when the table grew past its statistics or is all hits', () => {
    expect(estimatedHits({ ...table, lastBlock: 99_999 })).toBe(1001);
    expect(estimatedHits({ ...table, lastBlock: 150_000 })).toBe(1001);
    expect(estimatedHits({ ...table, blocks: 0, lastBlock: 0 })).toBe(1001);
  });

  it('rounds to a whole number of hits', () => {
    expect(estimatedHits({ counted: 10, lastBlock: 2, blocks: 10, documents: 100 })).toBe(33);
  });
});

describe('pastCountPlan', () => {
  const at = (lastBlock: number, rest: Partial<HitDensity> = {}) => ({ ...table, lastBlock, ...rest });

  it('walks the newest-first index when hits are dense: a page costs few documents', () => {
    // 100,100 hits: a page of 20 walks about 200 documents.
    expect(pastCountPlan(at(999), 20)).toEqual({ kind: 'walk' });
  });

  it('sorts the hits when they are sparse: the walk would pass more documents than there are hits', () => {
    // 2,002 hits: a page of 20 would walk about 10,000 documents.
    expect(pastCountPlan(at(49_999), 20)).toEqual({ kind: 'sorted', readAtMost: 2002 * SORTED_READ_MARGIN });
  });

  it('weighs a walked document at WALK_DOCUMENT_COST hits, walking exactly at the break-even point', () => {
    // hits h with 20 * 1,000,000 / h * cost = h: h = sqrt(20,000,000 * cost).
    const breakEven = Math.sqrt(20 * 1_000_000 * WALK_DOCUMENT_COST);
    const density = (hits: number): HitDensity => ({
      counted: hits,
      lastBlock: 99_999,
      blocks: 100_000,
      documents: 1_000_000,
    });
    expect(pastCountPlan(density(Math.ceil(breakEven)), 20).kind).toBe('walk');
    expect(pastCountPlan(density(Math.floor(breakEven) - 1), 20).kind).toBe('sorted');
    expect(pastCountPlan({ counted: 20_000, lastBlock: 99_999, blocks: 100_000, documents: 1_000_000 }, 20)).toEqual({
      kind: 'walk',
    });
  });

  it('deeper pages walk further, so the same hits sort sooner', () => {
    const hits = { counted: 10_000, lastBlock: 99_999, blocks: 100_000, documents: 1_000_000 };
    expect(pastCountPlan(hits, 20).kind).toBe('walk');
    expect(pastCountPlan(hits, 1000).kind).toBe('sorted');
  });

  it('walks when the table has no statistics yet (nothing says how far a walk goes)', () => {
    expect(pastCountPlan(at(49_999, { documents: -1 }), 20)).toEqual({ kind: 'walk' });
    expect(pastCountPlan(at(49_999, { documents: 0 }), 20)).toEqual({ kind: 'walk' });
  });
});

describe('densityOf', () => {
  it('reads the bounded row, a missing total as none counted', () => {
    expect(densityOf({ total: 1001, last_block: 7, blocks: 9, documents: 90 })).toEqual({
      counted: 1001,
      lastBlock: 7,
      blocks: 9,
      documents: 90,
    });
    expect(densityOf({ total: null, last_block: 0, blocks: 0, documents: -1 }).counted).toBe(0);
  });
});
