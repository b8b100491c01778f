import type { FacetRow } from './search-facets.js';
import { densityOf, pastCountPlan, type HitDensity } from './search-plan.js';
import {
  boundedPageStatement,
  NEWEST_WALK_SETTINGS,
  newestPageStatement,
  PHRASE_COUNT_SETTINGS,
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
  /** The page's hits. */
  hits: PageRow[];
  /** Hits counted: at most countAtMost + 1 (more than countAtMost: "at least"). */
  total: number;
  /** Past the count: what the count found, for the next page's cursor to carry; else null. */
  density: HitDensity | null;
  facetRows: FacetRow[];
  plan: PagePlan;
}

export interface PageOptions {
  page: PageSpec;
  countAtMost: number;
  facets: boolean;
  /** What an earlier page of this same query counted (its cursor carried it), or null. */
  carried: HitDensity | null;
}

/**
 * The statements that answer one page, in order: the bounded count (which is the page, with its
 * facets, while the hits are few), then past the count the plan that reads fewer hits: sorted
 * (handing over to the walk when it would read past its bound) or the newest-first walk. A later
 * page of a query past its count, without facets, skips the count: its cursor carries what the
 * first page counted (the total stays "at least", and the plan follows the same density). The
 * service runs it; the benchmark runs it as well, so its psql baseline replays the same statements.
 */
export async function readPage(
  run: StatementRunner,
  sql: SearchSql,
  { page, countAtMost, facets, carried }: PageOptions,
): Promise<PageRead> {
  if (carried && carried.counted > countAtMost && !facets) return pastCount(run, sql, { page, density: carried });
  const bounded = await run<PageRow>(boundedPageStatement(sql, page, { countAtMost, facets }), countSettings(sql));
  const facetRows = bounded.find((r) => r.facets !== null)?.facets ?? [];
  const counted = bounded[0];
  if (counted.total! <= countAtMost)
    return { hits: hitsOf(bounded), total: counted.total!, density: null, facetRows, plan: 'bounded' };
  return pastCount(run, sql, { page, density: densityOf(counted), facetRows });
}

/** The page of a query with more hits than are counted, by the plan its hits' density calls for. */
async function pastCount(
  run: StatementRunner,
  sql: SearchSql,
  { page, density, facetRows = [] }: { page: PageSpec; density: HitDensity; facetRows?: FacetRow[] },
): Promise<PageRead> {
  const read = (rows: PageRow[], plan: PagePlan): PageRead => ({
    hits: hitsOf(rows),
    total: density.counted,
    density,
    facetRows,
    plan,
  });
  const past = pastCountPlan(density, page.offset + page.limit);
  if (past.kind === 'sorted') {
    const sorted = await run<PageRow>(
      boundedPageStatement(sql, page, { countAtMost: past.readAtMost, rank: false }),
      countSettings(sql),
    );
    if (sorted[0].total! <= past.readAtMost) return read(sorted, 'sorted');
  }
  return read(await run<PageRow>(newestPageStatement(sql, page), NEWEST_WALK_SETTINGS), 'walk');
}

/** The settings a bounded read of this query runs with: a phrase is counted through the index. */
function countSettings(sql: SearchSql): string[] {
  return sql.phrase ? PHRASE_COUNT_SETTINGS : [];
}

/** The rows that are hits (a bounded page past its last hit has one row carrying only the total). */
function hitsOf(rows: PageRow[]): PageRow[] {
  return rows.filter((r) => r.id !== null);
}
