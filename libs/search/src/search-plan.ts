/**
 * Which plan reads the page of a query with more hits than are counted.
 *
 * Past the count the hits are many, but "many" spans 1,001 to a million. Two plans can give the
 * page newest first, and each is cheap only on one side:
 * - `sorted`: read every hit from the match index (one table row each, in table order), sort them,
 *   keep the page. Its cost is the hits.
 * - `walk`: walk the newest-first index, checking each document against the query, until the page
 *   is full. Its cost is about (offset + limit) / (share of documents that are hits) documents, and
 *   each costs more than a hit of the sorted plan (the text check reads the stored vector).
 * The count tells how dense the hits are: it reads them in table order (a bitmap or sequential scan),
 * so the block of the last hit counted, against the table's blocks, estimates all the hits.
 */

/** What the bounded count says about the hits' density. */
export interface HitDensity {
  /** Hits counted: the count stopped at countAtMost + 1. */
  counted: number;
  /** The table block of the last hit counted (0-based). */
  lastBlock: number;
  /** The table's blocks, and its documents (live and withdrawn; the planner's statistics, -1 when never gathered). */
  blocks: number;
  documents: number;
}

/** The page plan past the count: `sorted` reads at most `readAtMost` hits (more: walk instead). */
export type PastCountPlan = { kind: 'sorted'; readAtMost: number } | { kind: 'walk' };

/** A walked document costs about this many hits of the sorted plan (measured at a million documents). */
export const WALK_DOCUMENT_COST = 3;

/**
 * The sorted plan stops reading at this many times the estimate: past it the estimate was wrong
 * (hits not spread evenly over the table), and the walk, whose cost falls as hits grow, takes over.
 */
export const SORTED_READ_MARGIN = 4;

/** All the hits, estimated from how far into the table the count reached; never fewer than were counted. */
export function estimatedHits({ counted, lastBlock, blocks }: HitDensity): number {
  const reached = lastBlock + 1;
  return Math.max(counted, Math.round((counted * Math.max(blocks, reached)) / reached));
}

/** The cheaper plan for a page ending `rowsWanted` hits from the top (offset + limit). */
export function pastCountPlan(density: HitDensity, rowsWanted: number): PastCountPlan {
  const hits = estimatedHits(density);
  // Without statistics (a new database) nothing says how many documents a walk passes: walk.
  if (density.documents <= 0) return { kind: 'walk' };
  const walked = (rowsWanted * density.documents) / hits;
  if (walked * WALK_DOCUMENT_COST <= hits) return { kind: 'walk' };
  return { kind: 'sorted', readAtMost: hits * SORTED_READ_MARGIN };
}

/** The density columns of a bounded page's row (boundedPageStatement). */
export function densityOf(row: {
  total: number | null;
  last_block: number;
  blocks: number;
  documents: number;
}): HitDensity {
  return { counted: row.total ?? 0, lastBlock: row.last_block, blocks: row.blocks, documents: row.documents };
}
