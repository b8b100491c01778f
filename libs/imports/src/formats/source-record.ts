/** One record of an import file: where it starts, and its values by field name. */
export interface SourceRecord {
  line: number;
  values: Record<string, unknown>;
  /** Set when the record itself cannot be read (wrong field count, bad JSON). */
  problem?: string;
}

export const IMPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
