import { StringDecoder } from 'node:string_decoder';
import { DomainError } from '@sillok/core';
import type { SourceRecord } from './source-record.js';

/**
 * RFC 4180 CSV read a chunk at a time: quoted fields may hold commas, quotes ("") and line
 * breaks; CRLF or LF ends a record; a UTF-8 byte-order mark is skipped. The first record is the
 * header. Yields each further record keyed by header name, with the line it starts on, so
 * memory holds one record at a time whatever the file size.
 */
export async function* csvRecords(source: AsyncIterable<Buffer | string>): AsyncGenerator<SourceRecord> {
  const decoder = new StringDecoder('utf8');
  let header: string[] | null = null;
  let fields: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let afterQuote = false; // a quote just closed (or was the first of "")
  let line = 1;
  let recordLine = 1;
  let first = true;
  const pending: SourceRecord[] = [];

  const endRecord = () => {
    fields.push(field);
    field = '';
    const values = fields;
    fields = [];
    if (values.length === 1 && values[0] === '') return; // a blank line
    if (!header) {
      header = values.map((name) => name.trim());
      return;
    }
    if (values.length !== header.length) {
      pending.push({
        line: recordLine,
        values: {},
        problem: `has ${values.length} fields, the header has ${header.length}`,
      });
      return;
    }
    const record: Record<string, string> = {};
    header.forEach((name, i) => (record[name] = values[i]));
    pending.push({ line: recordLine, values: record });
  };

  const consume = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (first) {
        first = false;
        if (c === '\uFEFF') continue;
      }
      if (quoted) {
        if (c === '"') {
          quoted = false;
          afterQuote = true;
        } else {
          if (c === '\n') line++;
          field += c;
        }
        continue;
      }
      if (c === '"') {
        if (afterQuote)
          field += '"'; // "" inside a quoted field
        else if (field !== '') throw csvError(line, 'a quote inside an unquoted field');
        quoted = true;
        afterQuote = false;
        continue;
      }
      afterQuote = false;
      if (c === ',') {
        fields.push(field);
        field = '';
      } else if (c === '\n') {
        if (field.endsWith('\r')) field = field.slice(0, -1);
        endRecord();
        line++;
        recordLine = line;
      } else {
        field += c;
      }
    }
  };

  for await (const chunk of source) {
    consume(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    yield* pending.splice(0);
  }
  consume(decoder.end());
  if (quoted) throw csvError(recordLine, 'a quoted field is not closed');
  if (field !== '' || fields.length) {
    if (field.endsWith('\r')) field = field.slice(0, -1);
    endRecord();
  }
  yield* pending.splice(0);
  if (!header) throw DomainError.validation([{ field: 'file', reason: 'the CSV file has no header line' }]);
}

function csvError(line: number, what: string): DomainError {
  return DomainError.validation([{ field: 'file', reason: `line ${line}: ${what}` }]);
}
