import { AuditAction } from '@sillok/audit';
import { Permission } from '@sillok/core';
import { ANNOTATION_LIMITS, VICTIM_KINDS } from '@sillok/testimonies';
import { checkDateOrder, EVENT_COLUMNS, EVENT_FIELDS, EVENT_VALUES, termId } from './event-fields.js';
import { EXTERNAL_ID, oneOf, text, type ImportField } from './import-field.js';
import { freshRows, ON_EXTERNAL_ID_CONFLICT, type ImportRecordType } from './import-record-type.js';

const FIELDS: ImportField[] = [
  EXTERNAL_ID,
  {
    column: 'testimony_external_id',
    key: 'testimonyExternalId',
    type: 'text',
    parse: text(200),
    required: true,
    note: 'external_id of a testimony imported into the case before',
  },
  {
    column: 'quote',
    key: 'quote',
    type: 'text',
    parse: text(ANNOTATION_LIMITS.quote),
    note: 'the tagged passage, exactly as in the narrative (its first occurrence); empty: the whole testimony',
  },
  ...EVENT_FIELDS,
  { column: 'victim_kind', key: 'victimKind', type: 'text', parse: oneOf(VICTIM_KINDS), note: VICTIM_KINDS.join(', ') },
  {
    column: 'victim_name',
    key: 'victimName',
    type: 'text',
    parse: text(ANNOTATION_LIMITS.victimName),
    note: 'with victim_kind named_person; identifying, never logged',
  },
  {
    column: 'victim_description',
    key: 'victimDescription',
    type: 'text',
    parse: text(ANNOTATION_LIMITS.victimDescription),
    note: 'an unnamed victim',
  },
  {
    column: 'source_connection',
    key: 'sourceConnection',
    type: 'text',
    parse: text(300),
    scheme: 'source-connection',
    note: 'HURIDOCS source connection, code or name',
  },
  {
    column: 'reliability',
    key: 'reliability',
    type: 'text',
    parse: text(300),
    scheme: 'reliability',
    note: 'HURIDOCS reliability, code or name',
  },
  { column: 'note', key: 'note', type: 'text', parse: text(ANNOTATION_LIMITS.note), note: 'free text' },
];

// Offsets are JavaScript string indices (UTF-16 code units): PostgreSQL counts code points, so
// every character outside the Basic Multilingual Plane before (or in) the quote counts twice.
const ASTRAL = `'[\\U00010000-\\U0010FFFF]'`;
const POSITION = 'strpos(t.narrative, s.quote)';
const START = `(${POSITION} - 1 + regexp_count(left(t.narrative, ${POSITION} - 1), ${ASTRAL}))`;
const END = `(${START} + length(s.quote) + regexp_count(s.quote, ${ASTRAL}))`;
const TESTIMONY_OF_ROW = 't.case_id = $1 AND t.external_id = s.testimony_external_id';

export const TAGS: ImportRecordType = {
  name: 'tags',
  permission: Permission.TestimonyWrite,
  fields: FIELDS,
  checkRow: (row) => [
    ...checkDateOrder(row),
    ...(row.victim_name && row.victim_kind !== 'named_person'
      ? [{ column: 'victim_name', reason: 'a name goes with victim_kind named_person' }]
      : []),
  ],
  // As AnnotationService does: a tag is anchored in the text as it stands, so hold it still.
  lock: `SELECT count(*) FROM (SELECT t.id FROM testimonies t
           WHERE t.case_id = $1 AND t.external_id IN (SELECT testimony_external_id FROM import_rows)
           ORDER BY t.id FOR UPDATE) locked`,
  checks: [
    `SELECT s.line, CASE WHEN t.id IS NULL OR t.withdrawn_at IS NOT NULL THEN 'testimony_external_id' ELSE 'quote' END
              AS col,
            CASE WHEN t.id IS NULL THEN 'no testimony of this case has this external id'
                 WHEN t.withdrawn_at IS NOT NULL THEN 'the testimony has been withdrawn'
                 ELSE 'is not in the narrative of the testimony' END AS reason
       FROM import_rows s LEFT JOIN testimonies t ON ${TESTIMONY_OF_ROW}
      WHERE t.id IS NULL OR t.withdrawn_at IS NOT NULL OR (s.quote IS NOT NULL AND ${POSITION} = 0)`,
  ],
  write: {
    rows: `
      INSERT INTO testimony_annotations (case_id, testimony_id, kind, range_start, range_end, quote, anchored_revision,
                                         ${EVENT_COLUMNS}, victim_kind, victim_name, victim_description,
                                         source_connection_term_id, reliability_term_id, note, external_id, created_by)
      SELECT $1, t.id, 'tag', CASE WHEN s.quote IS NOT NULL THEN ${START} END,
             CASE WHEN s.quote IS NOT NULL THEN ${END} END, s.quote, t.revision, ${EVENT_VALUES},
             s.victim_kind, s.victim_name, s.victim_description, ${termId('source_connection', 'source-connection')},
             ${termId('reliability', 'reliability')}, coalesce(s.note, ''), s.external_id, $2
        FROM import_rows s JOIN testimonies t ON ${TESTIMONY_OF_ROW}
       WHERE ${freshRows('testimony_annotations')}
       ORDER BY s.line
      ${ON_EXTERNAL_ID_CONFLICT}
      RETURNING testimony_id AS subject_id, id AS tag_id, external_id`,
    detailColumns: { externalId: 'external_id', tagId: 'tag_id' },
  },
  audit: { action: AuditAction.TestimonyTagCreate, subjectType: 'testimony' },
};
