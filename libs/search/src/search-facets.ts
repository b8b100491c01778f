import type { EntityManager } from 'typeorm';
import type { FacetName, Facets, FacetValue } from './search.view.js';

const SCALAR_FACETS: Array<[FacetName, string]> = [
  ['kind', 'kind'],
  ['case', 'case_id::text'],
  ['forum', 'forum'],
  ['language', 'language'],
  ['status', 'status'],
  ['witnessSex', 'witness_sex'],
  ['witnessBirthDecade', 'witness_birth_decade::text'],
];

const TERM_FACETS: Array<[FacetName, string]> = [
  ['violation', 'violation_term_ids'],
  ['act', 'act_term_ids'],
  ['facility', 'facility_term_ids'],
  ['agency', 'agency_term_ids'],
  ['sourceConnection', 'source_connection_term_ids'],
  ['reliability', 'reliability_term_ids'],
];

// Only what the facets read (never the text vector).
const HIT_COLUMNS = [...SCALAR_FACETS, ...TERM_FACETS].map(([, c]) => `d.${c.replace('::text', '')}`).join(', ');

export const FACET_NAMES: FacetName[] = [...SCALAR_FACETS, ...TERM_FACETS].map(([name]) => name);

export function emptyFacets(): Facets {
  return Object.fromEntries(FACET_NAMES.map((name) => [name, []])) as unknown as Facets;
}

/** The one statement that counts the matches by every facet (the benchmark runs it bare for its baseline). */
export function facetStatement(from: string, where: string[], values: unknown[]): { text: string; values: unknown[] } {
  const branches = [
    ...SCALAR_FACETS.map(
      ([name, column]) =>
        `SELECT '${name}' AS facet, ${column} AS value, NULL::uuid AS term_id, count(*) AS n
           FROM hits WHERE ${column} IS NOT NULL GROUP BY 2`,
    ),
    ...TERM_FACETS.map(
      ([name, column]) => `SELECT '${name}', v::text, v, count(*) FROM hits, unnest(hits.${column}) AS v GROUP BY 2, 3`,
    ),
  ];
  return {
    text: `WITH hits AS MATERIALIZED (SELECT ${HIT_COLUMNS} FROM ${from} WHERE ${where.join(' AND ')})
           SELECT f.facet, f.value, f.n, t.code, t.label_en AS label
             FROM (${branches.join(' UNION ALL ')}) f
             LEFT JOIN taxonomy_terms t ON t.id = f.term_id
            ORDER BY f.facet, f.n DESC, f.value`,
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
): Promise<Facets> {
  const statement = facetStatement(from, where, values);
  const rows: Array<{ facet: FacetName; value: string; n: string; code: string | null; label: string | null }> =
    await manager.query(statement.text, statement.values);
  const facets = emptyFacets();
  for (const row of rows) {
    const value: FacetValue = { value: row.value, count: Number(row.n) };
    if (row.code !== null) Object.assign(value, { code: row.code, label: row.label });
    facets[row.facet].push(value);
  }
  return facets;
}
