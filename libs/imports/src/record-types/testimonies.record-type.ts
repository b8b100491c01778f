import { AuditAction } from '@sillok/audit';
import { COUNTRY, LANGUAGE_TAG, Permission } from '@sillok/core';
import { referenceSql } from '@sillok/database';
import {
  contentFrom,
  firstRevision,
  FORUMS,
  normaliseTranslations,
  TESTIMONY_LIMITS as LIMITS,
  TESTIMONY_REFERENCE,
  type Translation,
  type TranslationInput,
} from '@sillok/testimonies';
import { boolean, date, EXTERNAL_ID, FieldProblem, matching, oneOf, text, type ImportField } from './import-field.js';
import { freshRows, ON_EXTERNAL_ID_CONFLICT, type ImportRecordType } from './import-record-type.js';

/** JSON Lines only: [{language, text, translator?, checked?}]; one per language, the last wins. */
function translations(raw: unknown): Translation[] | null {
  if (raw === undefined || raw === null) return null;
  if (!Array.isArray(raw) || raw.length > LIMITS.translations)
    throw new FieldProblem(`must be a list of at most ${LIMITS.translations} translations`);
  const checked: TranslationInput[] = [];
  for (const t of raw as Array<Record<string, unknown>>) {
    if (typeof t !== 'object' || t === null) throw new FieldProblem('each translation must be an object');
    if (typeof t.language !== 'string' || !LANGUAGE_TAG.test(t.language))
      throw new FieldProblem('each translation needs a language such as en');
    if (typeof t.text !== 'string' || t.text.length > LIMITS.narrative)
      throw new FieldProblem(`each translation needs a text of at most ${LIMITS.narrative} characters`);
    checked.push({
      language: t.language,
      text: t.text,
      translator: typeof t.translator === 'string' ? t.translator.slice(0, LIMITS.translator) : null,
      checked: t.checked === true,
    });
  }
  return normaliseTranslations(checked);
}

const FIELDS: ImportField[] = [
  EXTERNAL_ID,
  {
    column: 'witness_external_id',
    key: 'witnessExternalId',
    type: 'text',
    parse: text(200),
    required: true,
    note: 'external_id of a witness imported into the case before',
  },
  { column: 'forum', key: 'forum', type: 'text', parse: oneOf(FORUMS), required: true, note: FORUMS.join(', ') },
  { column: 'interview_date', key: 'interviewDate', type: 'date', parse: date(), note: 'YYYY-MM-DD' },
  {
    column: 'interview_city',
    key: 'interviewCity',
    type: 'text',
    parse: text(LIMITS.interviewCity),
    note: 'Seoul',
  },
  {
    column: 'interview_country',
    key: 'interviewCountry',
    type: 'text',
    parse: matching(COUNTRY, 'KR (ISO 3166-1 alpha-2)'),
    note: 'ISO 3166-1 alpha-2',
  },
  {
    column: 'original_language',
    key: 'originalLanguage',
    type: 'text',
    parse: matching(LANGUAGE_TAG, 'ko (BCP 47)'),
    required: true,
    note: 'BCP 47 (ko)',
  },
  { column: 'interpreter_used', key: 'interpreterUsed', type: 'boolean', parse: boolean(), note: 'true/false' },
  {
    column: 'interpreter_languages',
    key: 'interpreterLanguages',
    type: 'text',
    parse: text(LIMITS.interpreterLanguages),
    note: 'ko-en',
  },
  {
    column: 'title',
    key: 'title',
    type: 'text',
    parse: text(LIMITS.title),
    required: true,
    note: `up to ${LIMITS.title} characters`,
  },
  {
    column: 'summary',
    key: 'summary',
    type: 'text',
    parse: text(LIMITS.summary),
    note: `up to ${LIMITS.summary.toLocaleString('en')} characters`,
  },
  { column: 'narrative', key: 'narrative', type: 'text', parse: text(LIMITS.narrative), note: 'the full statement' },
  {
    column: 'translations',
    key: 'translations',
    type: 'jsonb',
    parse: translations,
    jsonOnly: true,
    note: 'JSON Lines only: [{language, text, translator, checked}]',
  },
];

/** Revision 1's SHA-256 and changed fields, by the same firstRevision as TestimonyService.create. */
function revisionColumns(row: Record<string, unknown>) {
  const fields = row as { title: string; summary: string | null; narrative: string | null };
  const first = firstRevision(contentFrom(fields, row.translations as Translation[] | null));
  // The content itself is rebuilt from the staged columns in SQL (CONTENT_SQL), so the narrative is staged once.
  return { content_sha256: first.contentSha256, changed_fields: first.changedFields };
}

// Revision 1's content as jsonb: the same value as the canonical JSON hashed above (jsonb keeps no key order).
const CONTENT_SQL = `jsonb_build_object('title', s.title, 'summary', coalesce(s.summary, ''),
  'narrative', coalesce(s.narrative, ''), 'translations', coalesce(s.translations, '[]'))`;

const JOIN_STAGED = 'JOIN import_rows s ON s.external_id = ins.external_id';

export const TESTIMONIES: ImportRecordType = {
  name: 'testimonies',
  permission: Permission.TestimonyWrite,
  fields: FIELDS,
  derived: {
    columns: [
      { column: 'content_sha256', type: 'text' },
      { column: 'changed_fields', type: 'text[]' },
    ],
    compute: revisionColumns,
  },
  checks: [
    `SELECT s.line, 'witness_external_id' AS col,
            CASE WHEN w.id IS NULL THEN 'no witness of this case has this external id'
                 ELSE 'the witness has been withdrawn' END AS reason
       FROM import_rows s LEFT JOIN witnesses w ON w.case_id = $1 AND w.external_id = s.witness_external_id
      WHERE w.id IS NULL OR w.withdrawn_at IS NOT NULL`,
  ],
  write: {
    with: `
      ins AS (
        INSERT INTO testimonies (reference, case_id, witness_id, forum, interview_date, interview_city,
                                 interview_country, original_language, interpreter_used, interpreter_languages,
                                 title, summary, narrative, external_id, created_by)
        SELECT ${referenceSql(TESTIMONY_REFERENCE)}, $1, s.witness_id, s.forum, s.interview_date, s.interview_city,
               s.interview_country, s.original_language, coalesce(s.interpreter_used, false),
               s.interpreter_languages, s.title, coalesce(s.summary, ''), coalesce(s.narrative, ''),
               s.external_id, $2
          FROM (SELECT s.*, w.id AS witness_id, nextval('${TESTIMONY_REFERENCE.sequence}') AS n
                  FROM import_rows s JOIN witnesses w ON w.case_id = $1 AND w.external_id = s.witness_external_id
                 WHERE ${freshRows('testimonies')} ORDER BY s.line) s
        ${ON_EXTERNAL_ID_CONFLICT}
        RETURNING id, reference, external_id),
      revisions AS (
        INSERT INTO testimony_revisions (testimony_id, revision, content, content_sha256, changed_fields, created_by)
        SELECT ins.id, 1, ${CONTENT_SQL}, s.content_sha256, s.changed_fields, $2 FROM ins ${JOIN_STAGED}),
      translations AS (
        INSERT INTO testimony_translations (testimony_id, language, text, translator, checked)
        SELECT ins.id, t.language, t.text, t.translator, t.checked
          FROM ins ${JOIN_STAGED},
               jsonb_to_recordset(coalesce(s.translations, '[]')) AS t(language text, text text, translator text, checked boolean))`,
    rows: `SELECT ins.id AS subject_id, ins.reference, ins.external_id, s.content_sha256 FROM ins ${JOIN_STAGED}`,
    detailColumns: { contentSha256: 'content_sha256', externalId: 'external_id', reference: 'reference' },
  },
  audit: { action: AuditAction.TestimonyCreate, subjectType: 'testimony' },
  // The testimonies written now are those of the file without a document: their per-row refresh was skipped.
  searchDocuments: `
    SELECT search_refresh_testimonies(ARRAY(
      SELECT t.id FROM import_rows s JOIN testimonies t ON t.case_id = $1 AND t.external_id = s.external_id
       WHERE NOT s.bad AND NOT EXISTS (SELECT 1 FROM search_documents d WHERE d.id = t.id)))`,
};
