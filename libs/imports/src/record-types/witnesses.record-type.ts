import { AuditAction } from '@sillok/audit';
import { COUNTRY, LANGUAGE_TAG, Permission } from '@sillok/core';
import { referenceSql } from '@sillok/database';
import { WITNESS_LIMITS, WITNESS_PSEUDONYM, WITNESS_SEXES } from '@sillok/testimonies';
import { boolean, EXTERNAL_ID, integer, list, matching, oneOf, text, type ImportField } from './import-field.js';
import { numberedFreshRows, ON_EXTERNAL_ID_CONFLICT, type ImportRecordType } from './import-record-type.js';

// Non-identifying attributes only: identities go through the identity vault, never a file import.
const FIELDS: ImportField[] = [
  EXTERNAL_ID,
  { column: 'sex', key: 'sex', type: 'text', parse: oneOf(WITNESS_SEXES), note: WITNESS_SEXES.join(', ') },
  { column: 'birth_year', key: 'birthYear', type: 'integer', parse: integer(1900, 2100), note: '1900-2100' },
  {
    column: 'age_range',
    key: 'ageRange',
    type: 'text',
    parse: matching(/^\d{1,3}-\d{1,3}$|^\d{1,3}\+$/, '40-49 or 80+'),
    note: '40-49 or 80+',
  },
  {
    column: 'province_of_origin',
    key: 'provinceOfOrigin',
    type: 'text',
    parse: text(WITNESS_LIMITS.provinceOfOrigin),
    note: 'North Hamgyong',
  },
  { column: 'left_dprk_year', key: 'leftDprkYear', type: 'integer', parse: integer(1945, 2100), note: 'year' },
  { column: 'arrival_year', key: 'arrivalYear', type: 'integer', parse: integer(1945, 2100), note: 'year' },
  {
    column: 'current_country',
    key: 'currentCountry',
    type: 'text',
    parse: matching(COUNTRY, 'KR (ISO 3166-1 alpha-2)'),
    note: 'ISO 3166-1 alpha-2 (KR)',
  },
  {
    column: 'languages',
    key: 'languages',
    type: 'text[]',
    parse: list(matching(LANGUAGE_TAG, 'ko or en (BCP 47)'), WITNESS_LIMITS.languages),
    note: 'BCP 47 tags, `;` between several (ko;en)',
  },
  { column: 'reprisal_risk', key: 'reprisalRisk', type: 'boolean', parse: boolean(), note: 'true/false' },
  {
    column: 'reprisal_risk_note',
    key: 'reprisalRiskNote',
    type: 'text',
    parse: text(WITNESS_LIMITS.reprisalRiskNote),
    note: 'why the witness or their family is at risk; no names',
  },
];

export const WITNESSES: ImportRecordType = {
  name: 'witnesses',
  permission: Permission.WitnessWrite,
  fields: FIELDS,
  checks: [],
  write: {
    rows: `
      INSERT INTO witnesses (case_id, pseudonym, sex, birth_year, age_range, province_of_origin, left_dprk_year,
                             arrival_year, current_country, languages, reprisal_risk, reprisal_risk_note,
                             external_id, created_by)
      SELECT $1, ${referenceSql(WITNESS_PSEUDONYM)}, coalesce(s.sex, 'unknown'), s.birth_year, s.age_range, s.province_of_origin,
             s.left_dprk_year, s.arrival_year, s.current_country, coalesce(s.languages, '{}'),
             coalesce(s.reprisal_risk, false), s.reprisal_risk_note, s.external_id, $2
        FROM ${numberedFreshRows('witnesses', WITNESS_PSEUDONYM)}
      ${ON_EXTERNAL_ID_CONFLICT}
      RETURNING id AS subject_id, pseudonym, external_id`,
    detailColumns: { externalId: 'external_id', pseudonym: 'pseudonym' },
  },
  audit: { action: AuditAction.WitnessCreate, subjectType: 'witness' },
};
