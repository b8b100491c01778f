import { INCIDENTS } from './incidents.record-type.js';
import type { ImportRecordType, RecordTypeName } from './import-record-type.js';
import { TAGS } from './tags.record-type.js';
import { TESTIMONIES } from './testimonies.record-type.js';
import { WITNESSES } from './witnesses.record-type.js';

/** Every importable record type, in the order an archive is imported (references point back). */
export const IMPORT_RECORD_TYPES: Record<RecordTypeName, ImportRecordType> = {
  witnesses: WITNESSES,
  testimonies: TESTIMONIES,
  tags: TAGS,
  incidents: INCIDENTS,
};
