/**
 * How a search names the caller's cases, from the share of the documents they hold.
 *
 * The match index holds the case (as `ARRAY[case_id]`), so a search whose cases hold few of the
 * documents finds its hits inside the index. But when the cases hold most of them, the index has
 * to gather every document of those cases (half a million at a million documents) before the first
 * hit, and the planner, which has no statistics on that expression, takes it for a narrow filter
 * and never chooses otherwise. Written as `case_id = ANY(...)`, a check on the row, the planner
 * weighs it with the column's own statistics, and reads a filter-only browse's first thousand hits
 * straight from the table (measured at a million documents, half of them the caller's: 14 ms against
 * 217 ms through the index, on a busy machine). Searches with words keep the index form: read from the
 * table, each document's stored vector would be checked, which the planner does not count the cost of.
 */

/** The planner's statistics of search_documents.case_id (pg_stats), and the table's documents. */
export interface CaseStatistics {
  /** The most common cases and the share of documents each holds. */
  common: Map<string, number>;
  /** Distinct cases: positive a count, negative a share of the documents (pg_stats.n_distinct). */
  distinct: number;
  documents: number;
}

/** Cases holding at least this share of the documents are checked on the row, not in the index. */
export const ROW_CHECK_SHARE = 0.25;

/** The share of the documents the cases hold, by the planner's statistics; 0 without statistics. */
export function casesShare(stats: CaseStatistics | null, caseIds: string[]): number {
  if (!stats) return 0;
  const commonShare = [...stats.common.values()].reduce((sum, share) => sum + share, 0);
  const distinct = stats.distinct < 0 ? -stats.distinct * stats.documents : stats.distinct;
  const others = Math.max(distinct - stats.common.size, 0);
  // A case outside the common ones holds an even part of what the common ones leave.
  const otherShare = others ? Math.max(1 - commonShare, 0) / others : 0;
  const share = caseIds.reduce((sum, id) => sum + (stats.common.get(id) ?? otherShare), 0);
  return Math.min(share, 1);
}

/** The condition that keeps a search to `param`'s cases (a uuid[] parameter), in the form their share calls for. */
export function caseCondition(share: number, param: string): string {
  return share >= ROW_CHECK_SHARE ? `d.case_id = ANY(${param}::uuid[])` : `ARRAY[d.case_id] && ${param}::uuid[]`;
}
