import type { EntityManager } from 'typeorm';
import type { ImportField } from '../record-types/import-field.js';
import type { RowProblem } from '../record-types/import-record-type.js';

/** A free-text name of the file that no active term of its vocabulary is called, by staging column. */
export interface UnmatchedTermName {
  column: string;
  scheme: string;
  name: string;
  /** How many rows use it. */
  rows: number;
}

interface NameRow extends UnmatchedTermName {
  term_ids: string[];
}

/**
 * Resolves every distinct name of the staged rows through the taxonomy keys (the same folding
 * as GET /taxonomy/lookup: case, diacritics, romanisation, Hangul designations; codes too), and
 * fills import_terms with the names that name exactly one active term. Names that match nothing
 * are listed; in a term field other than the facility (kept as place text) they make the row bad,
 * as does a name that matches several terms.
 */
export async function resolveTermNames(
  manager: EntityManager,
  fields: ImportField[],
): Promise<{ unmatched: UnmatchedTermName[]; problems: RowProblem[] }> {
  const named = fields.filter((f) => f.scheme);
  if (!named.length) return { unmatched: [], problems: [] };
  const arrayOf = (f: ImportField) => (f.type === 'text[]' ? `s.${f.column}` : `ARRAY[s.${f.column}]`);
  const nameLists = named.map(
    (f) =>
      `SELECT '${f.column}' AS col, '${f.scheme}' AS scheme, v.name, s.line FROM import_rows s, unnest(${arrayOf(f)}) v(name)`,
  );
  const rows: NameRow[] = await manager.query(`
    WITH names AS (
      SELECT col, scheme, name, count(DISTINCT line)::int AS rows
        FROM (${nameLists.join(' UNION ALL ')}) n WHERE name IS NOT NULL GROUP BY col, scheme, name)
    SELECT n.col AS "column", n.scheme, n.name, n.rows,
           coalesce(array_agg(DISTINCT t.id) FILTER (WHERE t.id IS NOT NULL), '{}') AS term_ids
      FROM names n
      LEFT JOIN taxonomy_term_keys k ON k.key = taxonomy_search_key(n.name)
      LEFT JOIN taxonomy_terms t ON t.id = k.term_id AND t.scheme = n.scheme AND t.status = 'active'
     GROUP BY n.col, n.scheme, n.name, n.rows
     ORDER BY n.col, n.name`);
  const matched = rows.filter((r) => r.term_ids.length === 1);
  await manager.query(
    `INSERT INTO import_terms (scheme, name, term_id)
     SELECT DISTINCT * FROM unnest($1::text[], $2::text[], $3::uuid[])`,
    [matched.map((r) => r.scheme), matched.map((r) => r.name), matched.map((r) => r.term_ids[0])],
  );
  const problems: RowProblem[] = [];
  for (const field of named) {
    const refused = rows.filter(
      (r) =>
        r.column === field.column && (r.term_ids.length > 1 || (r.term_ids.length === 0 && r.scheme !== 'facility')),
    );
    if (!refused.length) continue;
    const lines: Array<{ line: number; name: string }> = await manager.query(
      `SELECT s.line, v.name FROM import_rows s, unnest(${arrayOf(field)}) v(name)
        WHERE v.name = ANY($1::text[]) ORDER BY s.line`,
      [refused.map((r) => r.name)],
    );
    const ambiguous = new Set(refused.filter((r) => r.term_ids.length > 1).map((r) => r.name));
    for (const { line, name } of lines) {
      const reason = ambiguous.has(name)
        ? `"${name}" names several ${field.scheme} terms: use the code`
        : `"${name}" matches no ${field.scheme} term`;
      problems.push({ line, column: field.column, reason });
    }
  }
  return {
    unmatched: rows
      .filter((r) => r.term_ids.length === 0)
      .map(({ column, scheme, name, rows: count }) => ({ column, scheme, name, rows: count })),
    problems,
  };
}
