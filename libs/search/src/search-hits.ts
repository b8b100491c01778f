/** Where a query's hits come from: the part of SearchSql that finds them. */
export interface HitsSource {
  from: string;
  where: string[];
  narrower?: string[] | null;
}

/**
 * The query's hits (`columns` of `d`), at most `atMost` of them in whatever order the indexes give.
 * With a narrower form (SearchSql.narrower), its hits come first, and the full query then only adds
 * those it lacks: a common facility name is counted from its one-word spellings alone, without a
 * phrase check of every candidate, and the phrases are checked only when those do not suffice.
 */
export function hitsSql(columns: string, { from, where, narrower }: HitsSource, atMost?: number): string {
  const limit = atMost === undefined ? '' : ` LIMIT ${atMost}`;
  if (!narrower) return `SELECT ${columns} FROM ${from} WHERE ${where.join(' AND ')}${limit}`;
  return `(SELECT ${columns} FROM ${from} WHERE ${narrower.join(' AND ')}${limit})
          UNION ALL
          (SELECT ${columns} FROM ${from} WHERE ${where.join(' AND ')} AND NOT (${narrower.at(-1)})${limit})${limit}`;
}
