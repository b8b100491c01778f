import type { TaxonomyTermEntity } from './taxonomy-term.entity.js';
import type { TermOrigin, TermStatus } from './taxonomy-schemes.js';

/** A term as the API and other libraries see it (entities never leave the service). */
export interface TermView {
  id: string;
  scheme: string;
  code: string;
  labelEn: string;
  labelKo: string | null;
  parentId: string | null;
  aliases: string[];
  notes: string | null;
  attributes: Record<string, unknown>;
  /** Where a facility is, approximately (attributes.coordinates, seeded by migration); null elsewhere. */
  coordinates: TermCoordinates | null;
  status: TermStatus;
  deprecatedReason: string | null;
  deprecatedAt: string | null;
  origin: TermOrigin;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const COORDINATE_PRECISIONS = ['exact', 'district', 'county', 'province'] as const;

export interface TermCoordinates {
  latitude: number;
  longitude: number;
  /** How far to trust the point: a county's is the county, not the place itself. */
  precision: (typeof COORDINATE_PRECISIONS)[number];
  /** Why the point is where it is. */
  basis: string | null;
}

/** attributes.coordinates when it is a point on the globe with a known precision, else null. */
export function coordinatesOf(attributes: Record<string, unknown>): TermCoordinates | null {
  const c = attributes.coordinates as Partial<TermCoordinates> | undefined;
  if (!c || typeof c !== 'object') return null;
  const { latitude, longitude, precision, basis } = c;
  if (typeof latitude !== 'number' || Math.abs(latitude) > 90) return null;
  if (typeof longitude !== 'number' || Math.abs(longitude) > 180) return null;
  if (!COORDINATE_PRECISIONS.includes(precision as TermCoordinates['precision'])) return null;
  return { latitude, longitude, precision: precision!, basis: typeof basis === 'string' ? basis : null };
}

export interface TermTreeNode extends TermView {
  children: TermTreeNode[];
}

export interface SchemeView {
  scheme: string;
  title: string;
  /** Whether coordinators may add terms (closed lists change by migration only). */
  localTerms: boolean;
  termCount: number;
  activeTermCount: number;
}

/** Which name of the term matched: its code, a label or an alias, as written. */
export interface LookupMatched {
  field: 'code' | 'labelEn' | 'labelKo' | 'alias';
  text: string;
}

export interface LookupMatch {
  /** 'exact': the normalised name equals the query's; 'suggestion': only similar (trigram). */
  kind: 'exact' | 'suggestion';
  scheme: string;
  term: TermView;
  matched: LookupMatched;
  /** Trigram similarity of the normalised names, 1 for an exact match. */
  similarity: number;
}

export interface LookupResult {
  query: string;
  /** The query as normalised for matching (taxonomy_search_key). */
  key: string;
  matches: LookupMatch[];
  suggestions: LookupMatch[];
}

export function toTermView(term: TaxonomyTermEntity): TermView {
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
export function buildTermTree(terms: TermView[]): TermTreeNode[] {
  const nodes = new Map(terms.map((t) => [t.id, { ...t, children: [] as TermTreeNode[] }]));
  const roots: TermTreeNode[] = [];
  for (const node of [...nodes.values()].sort(compareCodes)) {
    if (node.parentId === null) roots.push(node);
    else nodes.get(node.parentId)?.children.push(node);
  }
  return roots;
}
