import type { TaxonomyTermEntity } from '@sillok/taxonomy';
import type { ExportedEvent, TermRef } from './case-file.js';

/** Term ids resolved to what a reader outside Sillok can use: scheme, code and labels. */
export class TermLookup {
  private readonly terms: Map<string, TermRef>;

  constructor(rows: TaxonomyTermEntity[]) {
    this.terms = new Map(
      rows.map((row) => [row.id, { scheme: row.scheme, code: row.code, label: row.labelEn, labelKo: row.labelKo }]),
    );
  }

  one(id: string | null): TermRef | null {
    return id === null ? null : (this.terms.get(id) ?? null);
  }

  many(ids: string[]): TermRef[] {
    return ids.map((id) => this.terms.get(id)).filter((term): term is TermRef => term !== undefined);
  }

  /** Every term id the rows refer to, to load them in one query. */
  static idsOf(rows: EventRow[]): string[] {
    const ids = new Set<string>();
    for (const row of rows) {
      for (const id of [...row.violationTermIds, ...row.actTermIds, ...row.agencyTermIds]) ids.add(id);
      if (row.facilityTermId) ids.add(row.facilityTermId);
    }
    return [...ids];
  }

  /** The event columns of a tag or an incident with their terms resolved; `place` as the caller redacts it. */
  event(row: EventRow, place: string | null): ExportedEvent {
    return {
      violations: this.many(row.violationTermIds),
      acts: this.many(row.actTermIds),
      facility: this.one(row.facilityTermId),
      place,
      dateFrom: row.dateFrom,
      dateTo: row.dateTo,
      datePrecision: row.datePrecision,
      agencies: this.many(row.agencyTermIds),
    };
  }
}

interface EventRow {
  violationTermIds: string[];
  actTermIds: string[];
  agencyTermIds: string[];
  facilityTermId: string | null;
  dateFrom: string | null;
  dateTo: string | null;
  datePrecision: string | null;
}
