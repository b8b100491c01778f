import { StringDecoder } from 'node:string_decoder';
import { DomainError } from '@sillok/core';
import type { SourceRecord } from './source-record.js';

// The characters that end a run of plain field text.
const SPECIAL = /[",\n]/g;

/**
 * RFC 4180 CSV read a chunk at a time: quoted fields may hold commas, quotes ("") and line
 * breaks; CRLF or LF ends a record; a UTF-8 byte-order mark is skipped. The first record is the
 * header. Yields each further record keyed by header name, with the line it starts on, so
 * memory holds one record at a time whatever the file size.
 */
export async function* csvRecords(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
): AsyncGenerator<SourceRecord> {
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

  // Scans from one special character to the next and copies the runs between them whole:
  // narratives are long, and a character at a time would dominate the import's time.
  const consume = (text: string) => {
    let i = 0;
    if (first && text.length) {
      first = false;
      if (text[0] === '\uFEFF') i = 1;
    }
    while (i < text.length) {
      if (quoted) {
        const close = text.indexOf('"', i);
        const end = close === -1 ? text.length : close;
        for (let n = text.indexOf('\n', i); n !== -1 && n < end; n = text.indexOf('\n', n + 1)) line++;
        field += text.slice(i, end);
        if (close === -1) return;
        quoted = false;
        afterQuote = true;
        i = close + 1;
        continue;
      }
      const c = text[i];
      if (c === '"') {
        if (afterQuote)
          field += '"'; // "" inside a quoted field
        else if (field !== '') throw csvError(line, 'a quote inside an unquoted field');
        quoted = true;
        afterQuote = false;
        i++;
        continue;
      }
      afterQuote = false;
      if (c === ',') {
        fields.push(field);
        field = '';
        i++;
      } else if (c === '\n') {
        if (field.endsWith('\r')) field = field.slice(0, -1);
        endRecord();
        line++;
        recordLine = line;
        i++;
      } else {
        SPECIAL.lastIndex = i;
        const next = SPECIAL.exec(text);
        const end = next ? next.index : text.length;
        field += text.slice(i, end);
        i = end;
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
