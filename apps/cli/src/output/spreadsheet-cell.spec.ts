import { describe, expect, it } from '@jest/globals';
import { csvCell } from './spreadsheet-cell.js';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://example.com","x")', `"'=HYPERLINK(""http://example.com"",""x"")"`],
    ['+1+1', `"'+1+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
  ])('neutralises a formula-like cell %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('leaves ordinary text, numbers and empty cells as they are, quoted', () => {
    expect(csvCell('C-2')).toBe('"C-2"');
    expect(csvCell('must be a whole number from 1900 to 2100')).toBe('"must be a whole number from 1900 to 2100"');
    expect(csvCell(3)).toBe('"3"');
    expect(csvCell(-3)).toBe('"-3"');
    expect(csvCell(null)).toBe('""');
  });
});
