import type { TaxonomyTermEntity } from './taxonomy-term.entity.js';
import type { TermCoordinatesResponse, TermResponse, TermTreeNodeResponse } from './taxonomy.responses.js';

export const COORDINATE_PRECISIONS = ['exact', 'district', 'county', 'province'] as const;

/** attributes.coordinates when it is a point on the globe with a known precision, else null. */
export function coordinatesOf(attributes: Record<string, unknown>): TermCoordinatesResponse | null {
  const c = attributes.coordinates as Partial<TermCoordinatesResponse> | undefined;
  if (!c || typeof c !== 'object') return null;
  const { latitude, longitude, precision, basis } = c;
  if (typeof latitude !== 'number' || Math.abs(latitude) > 90) return null;
  if (typeof longitude !== 'number' || Math.abs(longitude) > 180) return null;
  if (!COORDINATE_PRECISIONS.includes(precision as TermCoordinatesResponse['precision'])) return null;
  return { latitude, longitude, precision: precision!, basis: typeof basis === 'string' ? basis : null };
}

export function toTermView(term: TaxonomyTermEntity): TermResponse {
  return {
    id: term.id,
    scheme: term.scheme,
    code: term.code,
    labelEn: term.labelEn,
    labelKo: term.labelKo,
    parentId: term.parentId,
    aliases: term.aliases,
    notes: term.notes,
    attributes: term.attributes,
    coordinates: coordinatesOf(term.attributes),
    status: term.status,
    deprecatedReason: term.deprecatedReason,
    deprecatedAt: term.deprecatedAt ? term.deprecatedAt.toISOString() : null,
    origin: term.origin,
    createdBy: term.createdBy,
    createdAt: term.createdAt.toISOString(),
    updatedAt: term.updatedAt.toISOString(),
    version: term.version,
  };
}

/** Codes in reading order: E.2 before E.10, 7.1.a before 7.1.b. */
export function compareCodes(a: { code: string }, b: { code: string }): number {
  return a.code.localeCompare(b.code, 'en', { numeric: true });
}

/**
 * Nests terms under their parents. A hidden (filtered out) term hides its subtree: deprecating
 * a term with active children is refused, so only deprecated terms can sit below a hidden one.
 */
export function buildTermTree(terms: TermResponse[]): TermTreeNodeResponse[] {
  const nodes = new Map(terms.map((t) => [t.id, { ...t, children: [] as TermTreeNodeResponse[] }]));
  const roots: TermTreeNodeResponse[] = [];
  for (const node of [...nodes.values()].sort(compareCodes)) {
    if (node.parentId === null) roots.push(node);
    else nodes.get(node.parentId)?.children.push(node);
  }
  return roots;
}
