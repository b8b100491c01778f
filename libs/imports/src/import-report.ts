import type { ImportFormat } from './formats/source-record.js';
import type { RecordTypeName } from './record-types/import-record-type.js';

/** A row that cannot be imported: the line it starts on, the field as the file names it, and why. */
export interface InvalidRow {
  line: number;
  externalId: string | null;
  field: string;
  reason: string;
}

/** A free-text vocabulary name that matched no term; a facility name is kept as the place text. */
export interface UnmatchedName {
  field: string;
  scheme: string;
  name: string;
  rows: number;
}

/** What an import did, or (written: false) why it wrote nothing. */
export interface ImportReport {
  importId: string;
  caseId: string;
  type: RecordTypeName;
  format: ImportFormat;
  /** Records read from the file. */
  rows: number;
  /** New records written (each with its audit event). */
  created: number;
  /** Valid rows already imported into this case under the same external id: left as they are. */
  unchanged: number;
  /** Rows not written because they are invalid (only with skipInvalid; otherwise nothing is written). */
  rejected: number;
  written: boolean;
  invalid: InvalidRow[];
  unmatchedNames: UnmatchedName[];
}
