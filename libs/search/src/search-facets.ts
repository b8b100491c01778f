import type { FacetsResponse, FacetValueResponse } from './search.responses.js';

/** The facets a search counts: the fields of its answer's facets. */
export type FacetName = keyof FacetsResponse;

const SCALAR_FACETS: Array<[FacetName, string]> = [
  ['kind', 'kind'],
  ['case', 'case_id::text'],
  ['forum', 'forum'],
  ['language', 'language'],
  ['status', 'status'],
  ['witnessSex', 'witness_sex'],
  ['witnessBirthDecade', 'witness_birth_decade::text'],
];

// Each term facet is one vocabulary, and a term's facet is known by its scheme: every write path
// (tags, incidents, sources, imports) checks that a field's ids are terms of its scheme, and a
// term never changes scheme. A term of another scheme would be left out of the facets.
const TERM_FACETS: Array<[FacetName, string, string]> = [
  ['violation', 'violation_term_ids', 'coi-violation'],
  ['act', 'act_term_ids', 'rome-art7'],
  ['facility', 'facility_term_ids', 'facility'],
  ['agency', 'agency_term_ids', 'agency'],
  ['sourceConnection', 'source_connection_term_ids', 'source-connection'],
  ['reliability', 'reliability_term_ids', 'reliability'],
];

export const FACET_NAMES: FacetName[] = [...SCALAR_FACETS, ...TERM_FACETS].map(([name]) => name);

export function emptyFacets(): FacetsResponse {
  return Object.fromEntries(FACET_NAMES.map((name) => [name, []])) as unknown as FacetsResponse;
}

const SCALAR_COLUMNS = SCALAR_FACETS.map(([, column]) => column.replace('::text', ''));

/** What each hit carries for its facets (columns of `d`, search_documents): the scalars and all its term ids. */
export function facetHitColumns(): string {
  return `${SCALAR_COLUMNS.map((c) => `d.${c}`).join(', ')},
          ${TERM_FACETS.map(([, column]) => `d.${column}`).join(' || ')} AS term_ids`;
}

/**
 * CTEs over a CTE named `hits` (carrying facetHitColumns) that end in `facet_rows`: one row per
 * value of each facet (FacetRow). Per-hit work is what costs at a million documents, so each hit is
 * read once and unnested once: the scalar facets are grouping sets of one aggregate, and the term
 * facets one unnest of all the hit's term ids together, each id's facet known by its vocabulary.
 */
export function facetRowsCtes(): string {
  const sets = SCALAR_COLUMNS.map((c) => `(${c})`).join(', ');
  const facetOfSet = SCALAR_FACETS.map(
    // GROUPING() has the bit of every column outside the set: all but this one.
    ([name], i) => `WHEN ${(1 << SCALAR_COLUMNS.length) - 1 - (1 << (SCALAR_COLUMNS.length - 1 - i))} THEN '${name}'`,
  ).join(' ');
  const facetOfScheme = TERM_FACETS.map(([name, , scheme]) => `WHEN '${scheme}' THEN '${name}'`).join(' ');
  return `scalar_counts AS (
             SELECT CASE GROUPING(${SCALAR_COLUMNS.join(', ')}) ${facetOfSet} END AS facet,
                    coalesce(${SCALAR_FACETS.map(([, column]) => column).join(', ')}) AS value, count(*) AS n
               FROM hits GROUP BY GROUPING SETS (${sets})),
           term_counts AS (SELECT v AS term_id, count(*) AS n FROM hits, unnest(hits.term_ids) AS v GROUP BY v),
           facet_rows AS (
             SELECT facet, value, n, NULL AS code, NULL AS label FROM scalar_counts WHERE value IS NOT NULL
             UNION ALL
             SELECT CASE t.scheme ${facetOfScheme} END, t.id::text, c.n, t.code, t.label_en
               FROM term_counts c JOIN taxonomy_terms t ON t.id = c.term_id
              WHERE t.scheme IN (${TERM_FACETS.map(([, , scheme]) => `'${scheme}'`).join(', ')}))`;
}

/** A row of facet_rows: one value of one facet and its count. */
export interface FacetRow {
  facet: FacetName;
  value: string;
  n: string;
  code: string | null;
  label: string | null;
}

/** The rows of the facet statement, as facets. */
export function facetsOf(rows: FacetRow[]): FacetsResponse {
  const facets = emptyFacets();
  for (const row of rows) {
    const value: FacetValueResponse = { value: row.value, count: Number(row.n) };
    if (row.code !== null) Object.assign(value, { code: row.code, label: row.label });
    facets[row.facet].push(value);
  }
  return facets;
}
