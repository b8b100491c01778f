import type { ExportedIncident, TermRef, WithheldItem } from '../collect/case-file.js';
import { toCsv } from './csv.js';

export const termList = (terms: TermRef[]) => terms.map((t) => `${t.code} ${t.label}`).join('; ');

export function incidentsCsv(incidents: ExportedIncident[]): string {
  return toCsv(
    [
      'reference',
      'title',
      'status',
      'violations',
      'acts',
      'facility',
      'place',
      'date_from',
      'date_to',
      'date_precision',
      'agencies',
      'sources',
      // Last, so the earlier columns keep their places; empty where the profile sends no person names.
      'perpetrators',
      'victims',
    ],
    incidents.map((i) => [
      i.reference,
      i.title,
      i.status,
      termList(i.violations),
      termList(i.acts),
      i.facility ? `${i.facility.code} ${i.facility.label}` : null,
      i.place,
      i.dateFrom,
      i.dateTo,
      i.datePrecision,
      termList(i.agencies),
      i.sources.map((s) => (s.withheld ? `${s.testimony} (withheld)` : s.testimony)).join('; '),
      i.perpetratorNames?.join('; ') ?? null,
      i.victims?.join('; ') ?? null,
    ]),
  );
}

export function withheldCsv(items: WithheldItem[]): string {
  return toCsv(
    // id (as this bag names it) and file name last, so the first four columns keep their places.
    ['kind', 'reference', 'pseudonym', 'reason', 'id', 'name'],
    items.map((item) => [item.kind, item.reference, item.pseudonym, item.reason, item.id, item.name ?? '']),
  );
}
