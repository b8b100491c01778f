import type { PatternDimension } from '../http/patterns.query.js';

/** One cell of the pattern table: the counts of tagged violations with these values. */
export interface PatternRow {
  termId?: string | null;
  termCode?: string | null;
  termLabel?: string | null;
  facilityId?: string | null;
  facilityCode?: string | null;
  facilityLabel?: string | null;
  /** The year of the middle of the tag's date range (README: how "circa 1997" counts). */
  year?: number | null;
  agencyId?: string | null;
  agencyCode?: string | null;
  agencyLabel?: string | null;
  witnessSex?: string | null;
  /** Tagged violations: one per tag and violation term. */
  tags: number;
  testimonies: number;
  witnesses: number;
  /** Of `tags`, those dated circa, unknown, or by a range spanning more than one year. */
  approximate: number;
}

export interface PatternsView {
  by: PatternDimension[];
  rows: PatternRow[];
}

const COLUMNS: Record<PatternDimension, Array<keyof PatternRow>> = {
  term: ['termId', 'termCode', 'termLabel'],
  facility: ['facilityId', 'facilityCode', 'facilityLabel'],
  year: ['year'],
  agency: ['agencyId', 'agencyCode', 'agencyLabel'],
  sex: ['witnessSex'],
};

export function patternColumns(by: PatternDimension[]): Array<keyof PatternRow> {
  return [...by.flatMap((d) => COLUMNS[d]), 'tags', 'testimonies', 'witnesses', 'approximate'];
}

const csvField = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote what needs it, and defuse spreadsheet formulas (a label beginning with = + - @).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** RFC 4180 CSV with a header line, for spreadsheets and the case summary. */
export function patternsCsv(view: PatternsView): string {
  const columns = patternColumns(view.by);
  const lines = [columns.join(','), ...view.rows.map((row) => columns.map((c) => csvField(row[c])).join(','))];
  return lines.join('\r\n') + '\r\n';
}
