import type { PatternDimension } from '../http/patterns.query.js';
import type { PatternRowResponse, PatternsResponse } from '../search.responses.js';

const COLUMNS: Record<PatternDimension, Array<keyof PatternRowResponse>> = {
  term: ['termId', 'termCode', 'termLabel'],
  facility: ['facilityId', 'facilityCode', 'facilityLabel'],
  year: ['year'],
  agency: ['agencyId', 'agencyCode', 'agencyLabel'],
  sex: ['witnessSex'],
};

export function patternColumns(by: PatternDimension[]): Array<keyof PatternRowResponse> {
  return [...by.flatMap((d) => COLUMNS[d]), 'tags', 'testimonies', 'witnesses', 'approximate'];
}

const csvField = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote what needs it, and defuse spreadsheet formulas (a label beginning with = + - @).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** RFC 4180 CSV with a header line, for spreadsheets and the case summary. */
export function patternsCsv(view: PatternsResponse): string {
  const columns = patternColumns(view.by);
  const lines = [columns.join(','), ...view.rows.map((row) => columns.map((c) => csvField(row[c])).join(','))];
  return lines.join('\r\n') + '\r\n';
}
