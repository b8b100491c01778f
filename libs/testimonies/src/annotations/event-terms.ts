import type { EntityManager } from 'typeorm';
import type { TaxonomyScheme, TaxonomyService } from '@sillok/taxonomy';

/** A term-id field of a request, the scheme its ids must belong to, and the ids it holds. */
export interface TermField {
  field: string;
  scheme: TaxonomyScheme;
  ids: Array<string | null | undefined> | string | null | undefined;
  /** The ids the record holds now: kept even if deprecated since (choosing one anew is refused). */
  current?: Array<string | null> | string | null;
}

const list = (ids: TermField['ids'] | TermField['current']): string[] =>
  (Array.isArray(ids) ? ids : [ids]).filter((id): id is string => typeof id === 'string');

/** The term ids an event carries (tags and incidents alike), and those it holds now. */
export interface EventTermIds {
  violationTermIds?: string[] | null;
  actTermIds?: string[] | null;
  facilityTermId?: string | null;
  agencyTermIds?: string[] | null;
}

/** The term fields of an event and their schemes: what happened, the legal act, where, and by whom. */
export function eventTermFields(dto: EventTermIds, current: EventTermIds | null | undefined): TermField[] {
  return [
    {
      field: 'violationTermIds',
      scheme: 'coi-violation',
      ids: dto.violationTermIds,
      current: current?.violationTermIds,
    },
    { field: 'actTermIds', scheme: 'rome-art7', ids: dto.actTermIds, current: current?.actTermIds },
    { field: 'facilityTermId', scheme: 'facility', ids: dto.facilityTermId, current: current?.facilityTermId },
    { field: 'agencyTermIds', scheme: 'agency', ids: dto.agencyTermIds, current: current?.agencyTermIds },
  ];
}

/** Checks every given term field by scheme, in one query: 400 naming the first bad field. */
export async function requireTermFields(
  taxonomy: TaxonomyService,
  manager: EntityManager,
  fields: TermField[],
): Promise<void> {
  const groups = fields.flatMap((f) => {
    if (f.ids === undefined) return [];
    const current = new Set(list(f.current));
    const ids = list(f.ids);
    const fresh = ids.filter((id) => !current.has(id));
    const kept = ids.filter((id) => current.has(id));
    return [
      ...(fresh.length ? [{ ids: fresh, scheme: f.scheme, field: f.field }] : []),
      ...(kept.length ? [{ ids: kept, scheme: f.scheme, field: f.field, allowDeprecated: true }] : []),
    ];
  });
  if (groups.length) await taxonomy.requireTermGroups(groups, manager);
}
