import type { EntityManager } from 'typeorm';
import { hitsSql } from './search-statements.js';
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

/**
 * The one statement that counts the matches by every facet (the benchmark runs it bare for its
 * baseline). Per-hit work is what costs at a million documents, so each hit is read once and
 * unnested once: the scalar facets are grouping sets of one aggregate, and the term facets one
 * unnest of all the hit's term ids together, each id's facet known by its vocabulary.
 * With `hitsAtMost`, only that many hits are counted (the first the indexes give): the counts are
 * exact when the query has no more hits, and otherwise each is a lower bound.
 */
export function facetStatement(
  from: string,
  where: string[],
  values: unknown[],
  hitsAtMost?: number,
  narrower?: string[] | null,
): { text: string; values: unknown[] } {
  const scalars = SCALAR_FACETS.map(([, column]) => column.replace('::text', ''));
  const sets = scalars.map((c) => `(${c})`).join(', ');
  const facetOfSet = SCALAR_FACETS.map(
    // GROUPING() has the bit of every column outside the set: all but this one.
    ([name], i) => `WHEN ${(1 << scalars.length) - 1 - (1 << (scalars.length - 1 - i))} THEN '${name}'`,
  ).join(' ');
  const facetOfScheme = TERM_FACETS.map(([name, , scheme]) => `WHEN '${scheme}' THEN '${name}'`).join(' ');
  return {
    text: `WITH hits AS MATERIALIZED (
             ${hitsSql(
               `${scalars.map((c) => `d.${c}`).join(', ')},
                ${TERM_FACETS.map(([, column]) => `d.${column}`).join(' || ')} AS term_ids`,
               from,
               where,
               hitsAtMost,
               narrower,
             )}),
           scalar_counts AS (
             SELECT CASE GROUPING(${scalars.join(', ')}) ${facetOfSet} END AS facet,
                    coalesce(${SCALAR_FACETS.map(([, column]) => column).join(', ')}) AS value, count(*) AS n
               FROM hits GROUP BY GROUPING SETS (${sets})),
           term_counts AS (SELECT v AS term_id, count(*) AS n FROM hits, unnest(hits.term_ids) AS v GROUP BY v)
           SELECT facet, value, n, NULL AS code, NULL AS label FROM scalar_counts WHERE value IS NOT NULL
           UNION ALL
           SELECT CASE t.scheme ${facetOfScheme} END, t.id::text, c.n, t.code, t.label_en
             FROM term_counts c JOIN taxonomy_terms t ON t.id = c.term_id
            WHERE t.scheme IN (${TERM_FACETS.map(([, , scheme]) => `'${scheme}'`).join(', ')})
           ORDER BY 1, 3 DESC, 2`,
    values,
  };
}

/**
 * Counts of the matching documents by every filter value, in one pass over the matches.
 * A term facet counts documents tagged with exactly that term (not rolled up to parents).
 */
export async function countFacets(
  manager: EntityManager,
  from: string,
  where: string[],
  values: unknown[],
  hitsAtMost?: number,
): Promise<FacetsResponse> {
  const statement = facetStatement(from, where, values, hitsAtMost);
  return facetsOf(await manager.query(statement.text, statement.values));
}

/** A row of the facet statement: one value of one facet and its count. */
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
