import { describe, expect, it } from '@jest/globals';
import { patternsCsv } from './patterns.view.js';

describe('patterns CSV', () => {
  it('writes the columns of the dimensions, quotes what needs it and defuses formulas', () => {
    const csv = patternsCsv({
      by: ['facility', 'year'],
      rows: [
        {
          facilityId: null,
          facilityCode: null,
          facilityLabel: null,
          year: null,
          tags: 2,
          testimonies: 1,
          witnesses: 1,
          approximate: 0,
        },
        {
          facilityId: 'f',
          facilityCode: '=HYPERLINK("x")',
          facilityLabel: 'Camp 15, "Yodok"',
          year: 1997,
          tags: 1,
          testimonies: 1,
          witnesses: 1,
          approximate: 1,
        },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'facilityId,facilityCode,facilityLabel,year,tags,testimonies,witnesses,approximate',
      ',,,,2,1,1,0',
      `f,"'=HYPERLINK(""x"")","Camp 15, ""Yodok""",1997,1,1,1,1`,
      '',
    ]);
  });
});
