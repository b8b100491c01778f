import type { ImportRecordType } from '../record-types/import-record-type.js';
import type { StagingType } from '../record-types/import-field.js';

export interface StagingColumn {
  column: string;
  type: StagingType;
}

/** The staged columns of a record type: its fields, then what is derived from them. */
export function stagingColumns(recordType: ImportRecordType): StagingColumn[] {
  return [...recordType.fields.map(({ column, type }) => ({ column, type })), ...(recordType.derived?.columns ?? [])];
}

/**
 * The transaction's scratch tables: `import_rows` holds every row that parsed (a temporary
 * table: never WAL-logged, gone at commit or rollback), `import_terms` the vocabulary terms
 * its free-text names resolved to.
 */
export function createStagingSql(columns: StagingColumn[]): string[] {
  return [
    `CREATE TEMP TABLE import_rows (line integer NOT NULL, bad boolean NOT NULL DEFAULT false,
       ${columns.map((c) => `${c.column} ${c.type}`).join(', ')}) ON COMMIT DROP`,
    `CREATE TEMP TABLE import_terms (scheme text NOT NULL, name text NOT NULL, term_id uuid NOT NULL) ON COMMIT DROP`,
  ];
}

export function copyIntoStagingSql(columns: StagingColumn[]): string {
  return `COPY import_rows (line, bad, ${columns.map((c) => c.column).join(', ')}) FROM STDIN`;
}

/** After the rows are in: indexes for the joins by external id and line, fresh statistics for the planner. */
export const AFTER_STAGING_SQL = [
  'CREATE INDEX ON import_rows (external_id)',
  'CREATE INDEX ON import_rows (line)',
  'ANALYZE import_rows',
];
