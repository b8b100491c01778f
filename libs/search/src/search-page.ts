import type { FacetRow } from './search-facets.js';
import { densityOf, pastCountPlan } from './search-plan.js';
import {
  boundedPageStatement,
  NEWEST_WALK_SETTINGS,
  newestPageStatement,
  type PageRow,
  type PageSpec,
  type SearchSql,
  type Statement,
} from './search-statements.js';

/** Runs one statement in a search's transaction, after the given session settings. */
export type StatementRunner = <R>(statement: Statement, settings?: string[]) => Promise<R[]>;

/** Which statement answered the page: the bounded count itself, or the plan past it. */
export type PagePlan = 'bounded' | 'sorted' | 'walk';

export interface PageRead {
  /** The page's rows, each with the counted total; one row with a null id when the page is empty. */
  rows: PageRow[];
  facetRows: FacetRow[];
  plan: PagePlan;
}

/**
 * The statements that answer one page, in order: the bounded count (which is the page, with its
 * facets, while the hits are few), then past the count the plan that reads fewer hits: sorted
 * (handing over to the walk when it would read past its bound) or the newest-first walk. The
 * service runs it; the benchmark runs it as well, so its psql baseline replays the same statements.
 */
export async function readPage(
  run: StatementRunner,
  sql: SearchSql,
  { page, countAtMost, facets }: { page: PageSpec; countAtMost: number; facets: boolean },
): Promise<PageRead> {
  const bounded = await run<PageRow>(boundedPageStatement(sql, page, { countAtMost, facets }));
  const facetRows = bounded.find((r) => r.facets !== null)?.facets ?? [];
  if (bounded[0].total! <= countAtMost) return { rows: bounded, facetRows, plan: 'bounded' };
  const counted = bounded[0];
  const past = pastCountPlan(densityOf(counted), page.offset + page.limit);
  const withTotal = (rows: PageRow[]) => rows.map((r) => ({ ...r, total: counted.total }));
  if (past.kind === 'sorted') {
    const sorted = await run<PageRow>(boundedPageStatement(sql, page, { countAtMost: past.readAtMost, rank: false }));
    if (sorted[0].total! <= past.readAtMost) return { rows: withTotal(sorted), facetRows, plan: 'sorted' };
  }
  const newest = await run<PageRow>(newestPageStatement(sql, page), NEWEST_WALK_SETTINGS);
  return { rows: newest.length ? withTotal(newest) : [counted], facetRows, plan: 'walk' };
}
