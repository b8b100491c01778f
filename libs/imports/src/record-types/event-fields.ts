import { DATE_PRECISIONS } from '@sillok/testimonies';
import { date, list, oneOf, text, type ImportField } from './import-field.js';

const name = text(300);

/** What happened, where and when, by whom: the fields tags and incidents share, with names for terms. */
export const EVENT_FIELDS: ImportField[] = [
  {
    column: 'violations',
    key: 'violations',
    type: 'text[]',
    parse: list(name, 50),
    scheme: 'coi-violation',
    note: 'COI violation codes or names (E.2, "Forced labour"); `;` between several',
  },
  {
    column: 'acts',
    key: 'acts',
    type: 'text[]',
    parse: list(name, 20),
    scheme: 'rome-art7',
    note: 'Rome Statute art. 7 acts, codes or names (7.1.e, "Imprisonment")',
  },
  {
    column: 'facility',
    key: 'facility',
    type: 'text',
    parse: name,
    scheme: 'facility',
    note: 'facility name in any spelling (Yodok, 요덕, Camp 15); an unknown name is kept as place_text and listed',
  },
  { column: 'place_text', key: 'placeText', type: 'text', parse: text(500), note: 'a place not in the gazetteer' },
  { column: 'date_from', key: 'dateFrom', type: 'date', parse: date(), note: 'YYYY-MM-DD' },
  { column: 'date_to', key: 'dateTo', type: 'date', parse: date(), note: 'YYYY-MM-DD, not before date_from' },
  {
    column: 'date_precision',
    key: 'datePrecision',
    type: 'text',
    parse: oneOf(DATE_PRECISIONS),
    note: DATE_PRECISIONS.join(', '),
  },
  {
    column: 'agencies',
    key: 'agencies',
    type: 'text[]',
    parse: list(name, 20),
    scheme: 'agency',
    note: 'perpetrator agencies, codes or names; `;` between several',
  },
];

/** Target columns and their values from staging, for the event fields (same order). */
export const EVENT_COLUMNS =
  'violation_term_ids, act_term_ids, facility_term_id, place_text, date_from, date_to, date_precision, agency_term_ids';

export const EVENT_VALUES = [
  termIds('violations', 'coi-violation'),
  termIds('acts', 'rome-art7'),
  termId('facility', 'facility'),
  // A facility name that matched no term is kept as the place, so nothing of the archive is lost.
  `coalesce(s.place_text, CASE WHEN ${termId('facility', 'facility')} IS NULL THEN s.facility END)`,
  's.date_from',
  's.date_to',
  's.date_precision',
  termIds('agencies', 'agency'),
].join(', ');

export function termIds(column: string, scheme: string): string {
  return `ARRAY(SELECT m.term_id FROM unnest(coalesce(s.${column}, '{}')) WITH ORDINALITY v(name, i)
    JOIN import_terms m ON m.scheme = '${scheme}' AND m.name = v.name ORDER BY v.i)`;
}

export function termId(column: string, scheme: string): string {
  return `(SELECT m.term_id FROM import_terms m WHERE m.scheme = '${scheme}' AND m.name = s.${column})`;
}

/** A date range must not end before it begins. */
export function checkDateOrder(row: Record<string, unknown>): Array<{ column: string; reason: string }> {
  const from = row.date_from as string | null;
  const to = row.date_to as string | null;
  return from && to && to < from ? [{ column: 'date_to', reason: 'must not be before date_from' }] : [];
}
