import { describe, expect, it } from '@jest/globals';
import { patternGrid, type PatternRow } from './pattern-grid.js';

const row = ({
  termId,
  facilityId,
  year,
  tags,
  approximate = 0,
}: {
  termId: string;
  facilityId: string | null;
  year: number | null;
  tags: number;
  approximate?: number;
}): PatternRow => ({
  termId,
  termCode: termId.toUpperCase(),
  termLabel: `label ${termId}`,
  facilityId,
  facilityCode: facilityId,
  facilityLabel: facilityId,
  year,
  tags,
  testimonies: tags,
  witnesses: tags,
  approximate,
});

describe('patternGrid', () => {
  const rows = [
    row({ termId: 'e2', facilityId: 'yodok', year: 1997, tags: 3, approximate: 1 }),
    row({ termId: 'e2', facilityId: 'kaechon', year: 1997, tags: 2 }),
    row({ termId: 'e2', facilityId: 'yodok', year: 2000, tags: 1 }),
    row({ termId: 'd1', facilityId: 'kaechon', year: 1999, tags: 7, approximate: 2 }),
    row({ termId: 'd1', facilityId: null, year: null, tags: 1 }),
  ];

  it('sums violations over facilities, by year without gaps, a "no date" column last, most tags first', () => {
    const grid = patternGrid(rows, 'term');
    expect(grid.years).toEqual([1997, 1998, 1999, 2000, null]);
    expect(grid.rows.map((r) => [r.id, r.total])).toEqual([
      ['d1', 8],
      ['e2', 6],
    ]);
    expect(grid.rows[1].cells).toEqual([
      { tags: 5, approximate: 1 },
      undefined,
      undefined,
      { tags: 1, approximate: 0 },
      undefined,
    ]);
    expect(grid.rows[0].cells[2]).toEqual({ tags: 7, approximate: 2 });
    expect(grid.rows[0].cells[4]).toEqual({ tags: 1, approximate: 0 });
    expect(grid.max).toBe(7);
  });

  it('sums facilities over violations, tags without a facility in a row of their own', () => {
    const grid = patternGrid(rows, 'facility');
    expect(grid.rows.map((r) => [r.id, r.total])).toEqual([
      ['kaechon', 9],
      ['yodok', 4],
      [null, 1],
    ]);
    expect(grid.rows[0].cells[0]).toEqual({ tags: 2, approximate: 0 });
  });

  it('has no column and no row when nothing is counted', () => {
    expect(patternGrid([], 'term')).toEqual({ years: [], rows: [], max: 0 });
  });
});
