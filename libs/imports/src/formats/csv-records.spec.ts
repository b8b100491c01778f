import { describe, expect, it } from '@jest/globals';
import { csvRecords } from './csv-records.js';
import type { SourceRecord } from './source-record.js';

async function read(chunks: Array<string | Buffer>): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of csvRecords(chunks)) records.push(record);
  return records;
}

describe('csvRecords', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers records by their first line', async () => {
    const records = await read(['id,text\r\n', 'a,"one, ""two""\nthree"\r\n', 'b,plain\n']);
    expect(records).toEqual([
      { line: 2, values: { id: 'a', text: 'one, "two"\nthree' } },
      { line: 4, values: { id: 'b', text: 'plain' } },
    ]);
  });

  it('skips a byte-order mark and blank lines, and reads a last record without a line break', async () => {
    expect(await read(['\uFEFFid\n\nx\n\ny'])).toEqual([
      { line: 3, values: { id: 'x' } },
      { line: 5, values: { id: 'y' } },
    ]);
  });

  it('decodes a multi-byte character split across chunks', async () => {
    const bytes = Buffer.from('id,name\n1,요덕\n', 'utf8');
    const split = bytes.indexOf(Buffer.from('요', 'utf8')) + 1;
    expect(await read([bytes.subarray(0, split), bytes.subarray(split)])).toEqual([
      { line: 2, values: { id: '1', name: '요덕' } },
    ]);
  });

  it('reports a record with the wrong number of fields, and refuses an unclosed quote', async () => {
    expect(await read(['a,b\n1\n'])).toEqual([{ line: 2, values: {}, problem: 'has 1 fields, the header has 2' }]);
    await expect(read(['a\n"open\n'])).rejects.toThrow('line 2: a quoted field is not closed');
  });
});
