import { facetHitColumns, facetRowsCtes, type FacetRow } from './search-facets.js';
import { hitsSql } from './search-hits.js';
import type { HitDensity } from './search-plan.js';
import { SqlParams } from './text/search-text.js';

/** The SQL of one search: where the rows come from, the conditions, the ranking, and their parameters. */
export interface SearchSql {
  from: string;
  where: string[];
  /**
   * The conditions with a facility name's one-word spellings only (Yodok, 요덕), when the query
   * also has spellings of several words (Camp 15): null otherwise. A phrase makes PostgreSQL check
   * each candidate's stored vector, so hits are first taken without phrases, and the phrases only
   * find what those missed (see hitsSql).
   */
  narrower: string[] | null;
  rank: string;
  params: SqlParams;
  /** The query's words, for highlighting. */
  words: string[];
  /** `SELECT <tsquery> AS query` over the first `textParamCount` parameters; null without text. */
  textQuery: string | null;
  /**
   * Whether the query checks a phrase (words in order), its own or a facility name's: its hits may
   * be few however common its words, which the planner cannot tell (see PHRASE_COUNT_SETTINGS).
   */
  phrase: boolean;
  textParamCount: number;
}

export interface Statement {
  text: string;
  values: unknown[];
}

/** A row of the page statements: a hit (or, past the last hit, only the total), and what its snippet is cut from. */
export interface PageRow {
  /** Hits counted, at most the threshold + 1 (more than the threshold: "at least"); null on the newest-first walk. */
  total: number | null;
  /** The facet rows over the counted hits, on the first row of a bounded page asked for facets; else null. */
  facets: FacetRow[] | null;
  kind: 'testimony' | 'incident';
  id: string | null;
  reference: string;
  case_id: string;
  title: string;
  status: string;
  language: string | null;
  forum: string | null;
  rank: number | null;
  /** The sort key of the hit, exactly as stored, for the cursor of the next page. */
  rank_key: string | null;
  created_key: string;
  /** Whether the page was ordered by rank (at most RANK_AT_MOST hits) or newest first. */
  ranked: boolean;
  /** The table block of the last hit counted, and the table's blocks and documents: see HitDensity. */
  last_block: number;
  blocks: number;
  documents: number;
  witness_pseudonym: string | null;
  summary: string | null;
  narrative: string | null;
  description: string | null;
  translations: Array<{ language: string; text: string }> | null;
  /** Quotes of the testimony's live sensitive spans: masked in snippets. */
  sensitive: string[] | null;
  /** The English stems of the query's words, for highlighting. */
  stems: string[] | null;
}

/**
 * Ranking reads each hit's whole text vector (out of line, compressed): affordable for this many
 * hits; beyond it the page is ordered newest first and only its own rows are ranked (the response
 * says `order: "newest"`), so a common word stays fast and a narrower query gets relevance order back.
 */
export const RANK_AT_MOST = 1000;

/**
 * What the first page of a query with more hits than are counted found, carried on by its cursors:
 * a later page of the same query then takes its plan from it instead of counting the hits again.
 */
export interface CarriedCount {
  /** The digest of the query it was counted for (queryDigest): another query's cursor carries nothing over. */
  query: string;
  density: HitDensity;
}

/** Where the previous page ended, in the order it was given in (a keyset, "search after"). */
export interface SearchCursor {
  order: 'relevance' | 'newest';
  /** The last hit's rank as PostgreSQL wrote it (relevance order only). */
  rank: string | null;
  /** Its created_at as PostgreSQL wrote it (ISO 8601, microseconds). */
  createdAt: string;
  id: string;
  /** Past the count: what the query's first page counted. */
  counted: CarriedCount | null;
}

/** A page: how many hits to skip (within the offset window) or where to start after, and its size. */
export interface PageSpec {
  limit: number;
  offset: number;
  after: SearchCursor | null;
}

/** `(created_at, id)` after the cursor's, newest first; plus a bound the newest-first index can start from. */
function newestAfter(alias: string, cursor: SearchCursor, params: SqlParams): string {
  const t = params.add(cursor.createdAt);
  const i = params.add(cursor.id);
  return `${alias}.created_at <= ${t}::timestamptz AND (${alias}.created_at < ${t}::timestamptz OR ${alias}.id > ${i}::uuid)`;
}

/** The page's keyset condition over `ranked` rows (`rank`, `created_at`, `id`). */
function rankedAfter(cursor: SearchCursor, params: SqlParams): string {
  const newest = newestAfter('r', cursor, params);
  if (cursor.order === 'newest' || cursor.rank === null) return newest;
  const rank = params.add(cursor.rank);
  // A relevance cursor on results that are now newest first (they grew past RANK_AT_MOST) goes on by date.
  return `CASE WHEN r.rank IS NULL THEN ${newest}
               ELSE r.rank < ${rank}::real OR (r.rank = ${rank}::real AND (${newest})) END`;
}

/** The rank of one document (a subquery), or 0 without a text query. */
function rankOf(sql: SearchSql, id: string): string {
  if (!sql.textQuery) return '0';
  return `(SELECT ${sql.rank.replace(/\bd\./g, 'r.')} FROM search_documents r CROSS JOIN (${sql.textQuery}) q WHERE r.id = ${id})`;
}

/**
 * What a page shows of each of its hits (`page`: id, created_at, rank, ordered): the record's
 * texts for the snippet, read for the page's own rows only. Identities are never joined
 * (witnesses give the pseudonym only).
 */
function pageDocuments(sql: SearchSql, wordsParam: string): string {
  return `SELECT d.kind, d.id, d.reference, d.case_id, d.title, d.status, d.language, d.forum,
                 page.rank IS NOT NULL AS ranked, page.rank::text AS rank_key,
                 to_json(page.created_at) #>> '{}' AS created_key,
                 coalesce(page.rank, ${rankOf(sql, 'page.id')}) AS rank,
                 w.pseudonym AS witness_pseudonym, t.summary, t.narrative, i.description,
                 (SELECT json_agg(json_build_object('language', x.language, 'text', x.text) ORDER BY x.language)
                    FROM testimony_translations x WHERE x.testimony_id = t.id) AS translations,
                 (SELECT array_agg(a.quote) FROM testimony_annotations a
                   WHERE a.testimony_id = t.id AND a.kind = 'sensitive' AND a.withdrawn_at IS NULL) AS sensitive,
                 array(SELECT unnest(tsvector_to_array(to_tsvector('english', search_latin_text(${wordsParam})))))
                   AS stems,
                 page.rank AS page_rank, page.created_at AS page_created_at
            FROM page
            JOIN search_documents d ON d.id = page.id
            LEFT JOIN witnesses w ON w.id = d.witness_id
            LEFT JOIN testimonies t ON d.kind = 'testimony' AND t.id = d.id
            LEFT JOIN incidents i ON d.kind = 'incident' AND i.id = d.id`;
}

/** What a bounded page reads: up to how many hits, with facets or not, and whether a few hits are ranked. */
export interface BoundedRead {
  /** Hits read and counted at most (one more is read to know there are more). */
  countAtMost: number;
  facets?: boolean;
  /** Rank the hits when there are at most RANK_AT_MOST (default); false: newest first whatever their number. */
  rank?: boolean;
}

/**
 * The bounded page: at most `countAtMost + 1` hits are found (in whatever order the indexes give
 * them, keeping only id and date, and with `facets` what the facets count), and counted; when they
 * are all the hits (at most `countAtMost`), the page is cut from them: ranked when there are at most
 * RANK_AT_MOST (and `rank` is not false), newest first otherwise. With more, this statement answers
 * the count alone ("at least countAtMost") and how far into the table it reached (see search-plan.ts),
 * and the page comes from a plan past the count. Always one row at least: past the last hit it
 * carries the total alone (so an empty page never needs a second count). With `facets`, the first
 * row's `facets` holds the facet rows over the same hits: one reading of the hits serves the count,
 * the page and the facets.
 */
export function boundedPageStatement(
  sql: SearchSql,
  page: PageSpec,
  { countAtMost, facets = false, rank = true }: BoundedRead,
): Statement {
  const params = cloneParams(sql.params);
  const ranked =
    sql.textQuery && rank ? `CASE WHEN c.total <= ${RANK_AT_MOST} THEN ${rankOf(sql, 'h.id')} END` : 'NULL::real';
  const after = page.after ? `WHERE ${rankedAfter(page.after, params)}` : '';
  const limit = params.add(page.limit);
  const offset = params.add(page.offset);
  const words = params.add(sql.words.join(' '));
  return {
    text: `WITH hits AS MATERIALIZED (
             ${hitsSql(`d.id, d.created_at, d.ctid AS hit_ctid${facets ? `, ${facetHitColumns()}` : ''}`, sql, countAtMost + 1)}),
           c AS (SELECT count(*)::int AS total, coalesce(max((hit_ctid::text::point)[0]), 0)::int AS last_block,
                        (SELECT relpages FROM pg_class WHERE oid = 'search_documents'::regclass) AS blocks,
                        (SELECT reltuples::float8 FROM pg_class WHERE oid = 'search_documents'::regclass) AS documents
                   FROM hits),${facets ? `\n           ${facetRowsCtes()},\n           ${FACETS_AS_JSON},` : ''}
           ranked AS MATERIALIZED (
             SELECT h.id, h.created_at, ${ranked} AS rank FROM hits h CROSS JOIN c WHERE c.total <= ${countAtMost}),
           page AS (
             SELECT r.id, r.created_at, r.rank FROM ranked r ${after}
              ORDER BY r.rank DESC NULLS LAST, r.created_at DESC, r.id
              LIMIT ${limit} OFFSET ${offset}),
           shown AS (${pageDocuments(sql, words)})
           SELECT c.total, c.last_block, c.blocks, c.documents,
                  ${facets ? 'CASE WHEN row_number() OVER () = 1 THEN f.facets END' : 'NULL::json'} AS facets, shown.*
             FROM c ${facets ? 'CROSS JOIN facets_json f' : ''} LEFT JOIN shown ON true
            ORDER BY shown.page_rank DESC NULLS LAST, shown.page_created_at DESC, shown.id`,
    values: params.values,
  };
}

/**
 * A newest-first page of a query with more hits than are counted: the newest-first index
 * (search_documents_newest_idx) is walked from the top, or from the cursor, each live document
 * checked against the query, until the page is full. The caller runs it with bitmap and
 * sequential scans off, so the walk is the plan whatever the planner's estimate of the hits.
 */
export function newestPageStatement(sql: SearchSql, page: PageSpec): Statement {
  const params = cloneParams(sql.params);
  const limit = params.add(page.limit);
  const offset = params.add(page.offset);
  const walk = (where: string[]) =>
    `SELECT d.id, d.created_at FROM ${sql.from} WHERE ${where.join(' AND ')}
      ORDER BY d.created_at DESC, d.id LIMIT ${limit}::bigint + ${offset}::bigint`;
  let walks = walk(sql.where);
  if (page.after) {
    // After the cursor: first the rest of its own date (ties: documents of one import share it),
    // then the older dates; each a range of the index, so neither walks the rows before the cursor.
    const t = params.add(page.after.createdAt);
    const i = params.add(page.after.id);
    walks = `(${walk([...sql.where, `d.created_at = ${t}::timestamptz`, `d.id > ${i}::uuid`])})
             UNION ALL
             (${walk([...sql.where, `d.created_at < ${t}::timestamptz`])})`;
  }
  const words = params.add(sql.words.join(' '));
  return {
    text: `WITH page AS (
             SELECT w.id, w.created_at, NULL::real AS rank FROM (${walks}) w
              ORDER BY w.created_at DESC, w.id
              LIMIT ${limit} OFFSET ${offset})
           SELECT NULL::int AS total, shown.* FROM (${pageDocuments(sql, words)}) shown
            ORDER BY shown.page_created_at DESC, shown.id`,
    values: params.values,
  };
}

/** The facet rows as one JSON array (on the page's first row only). */
const FACETS_AS_JSON = `facets_json AS (
             SELECT coalesce(json_agg(json_build_object('facet', facet, 'value', value, 'n', n, 'code', code,
                                                        'label', label)), '[]') AS facets
               FROM facet_rows)`;

/** Session settings for one search's transaction: the timeout, enough memory that a bitmap of a common word stays exact, and scans from the first block. */
export function searchSessionSettings(timeoutMs: number): string[] {
  return [
    `SET LOCAL statement_timeout = ${Math.floor(timeoutMs)}`,
    `SET LOCAL work_mem = '32MB'`,
    // A sequential scan starts at the table's first block, not where another scan is: the count's
    // last block then says how far into the table its hits reached (search-plan.ts).
    `SET LOCAL synchronize_seqscans = off`,
  ];
}

/**
 * The planner settings for counting a query with a phrase: through the match index, never a
 * sequential scan. The planner prices a phrase as its words together, so for two common words it
 * expects many hits and reads the table in order until it has counted enough; when the phrase
 * itself is rare that reads the whole table (2.9 s at a million testimonies).
 */
export const PHRASE_COUNT_SETTINGS = [`SET LOCAL enable_seqscan = off`];

/** The planner settings that make `newestPageStatement` walk the newest-first index. */
export const NEWEST_WALK_SETTINGS = [`SET LOCAL enable_bitmapscan = off`, `SET LOCAL enable_seqscan = off`];

/** The query's parameters, to which a statement adds its own (the page, the cursor) without touching the query's. */
function cloneParams(params: SqlParams): SqlParams {
  const copy = new SqlParams();
  copy.values.push(...params.values);
  return copy;
}
