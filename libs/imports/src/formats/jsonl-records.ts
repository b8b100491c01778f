import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { SourceRecord } from './source-record.js';

/** JSON Lines: one JSON object a line (blank lines skipped), read a line at a time. */
export async function* jsonlRecords(source: AsyncIterable<Buffer | string>): AsyncGenerator<SourceRecord> {
  const lines = createInterface({ input: Readable.from(source), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (!trimmed) continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      yield { line, values: {}, problem: 'is not valid JSON' };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { line, values: {}, problem: 'must be a JSON object' };
      continue;
    }
    yield { line, values: value as Record<string, unknown> };
  }
}
