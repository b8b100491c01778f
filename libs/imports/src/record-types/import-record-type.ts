import type { AuditAction } from '@sillok/audit';
import type { Permission } from '@sillok/core';
import type { ReferenceSequence } from '@sillok/database';
import type { ImportField } from './import-field.js';

export const RECORD_TYPES = ['witnesses', 'testimonies', 'tags', 'incidents'] as const;
export type RecordTypeName = (typeof RECORD_TYPES)[number];

/** A problem a row has, by staging column (the service names it as the file does). */
export interface RowProblem {
  line: number;
  column: string;
  reason: string;
}

/**
 * What one kind of record needs to be imported. All SQL runs against the staging table
 * `import_rows s` (a column per field, plus `line` and `bad`) and the resolved names in
 * `import_terms (scheme, name, term_id)`, with $1 the case id and $2 the importing user.
 */
export interface ImportRecordType {
  name: RecordTypeName;
  /** What the importing user needs in the case, besides import.create. */
  permission: Permission;
  fields: ImportField[];
  /** Checks across fields of one row, after each field parsed. */
  checkRow?: (row: Record<string, unknown>) => Array<{ column: string; reason: string }>;
  /** Columns computed from the parsed row (a content hash), staged beside the fields. */
  derived?: {
    columns: Array<{ column: string; type: ImportField['type'] }>;
    compute: (row: Record<string, unknown>) => Record<string, unknown>;
  };
  /** Locks taken before the checks (the testimonies that tags are anchored in). */
  lock?: string;
  /** Queries returning (line, col, reason) for rows the database refuses (unknown references). */
  checks: string[];
  /** How the new records are written, for AuditService.recordPerRow: see AuditPerRow. */
  write: { with?: string; rows: string; detailColumns: Record<string, string> };
  audit: { action: AuditAction; subjectType: string };
  /**
   * Writes the search documents of the records just written, set-based ($1 the case id), for a
   * type whose per-row refresh the import skips (staging/batch-write.ts).
   */
  searchDocuments?: string;
}

/** Rows still to write: valid, and not already imported into this case under their external id. */
export function freshRows(table: string): string {
  return `NOT s.bad AND NOT EXISTS (SELECT 1 FROM ${table} x WHERE x.case_id = $1 AND x.external_id = s.external_id)`;
}

/** Keeps a concurrent import of the same record from failing: the first one wins. */
export const ON_EXTERNAL_ID_CONFLICT = 'ON CONFLICT (case_id, external_id) WHERE external_id IS NOT NULL DO NOTHING';

/** The fresh rows, in file order, each drawing its number `n` for a reference (referenceSql) from its sequence. */
export function numberedFreshRows(table: string, { sequence }: ReferenceSequence): string {
  return `(SELECT s.*, nextval('${sequence}') AS n FROM import_rows s WHERE ${freshRows(table)} ORDER BY s.line) s`;
}
