import type { SqlParams } from './text/search-text.js';

/** The SQL of one search: where the rows come from, the conditions, the ranking, and their parameters. */
export interface SearchSql {
  from: string;
  where: string[];
  rank: string;
  params: SqlParams;
  /** The query's words, for highlighting. */
  words: string[];
  /** `SELECT <tsquery> AS query` over the first `textParamCount` parameters; null without text. */
  textQuery: string | null;
  textParamCount: number;
}

export interface Statement {
  text: string;
  values: unknown[];
}

/** A row of the page statement: a hit, the total, and what its snippet is cut from. */
export interface PageRow {
  kind: 'testimony' | 'incident';
  id: string;
  reference: string;
  case_id: string;
  title: string;
  status: string;
  language: string | null;
  forum: string | null;
  rank: number | null;
  /** Whether the page was ordered by rank (at most RANK_AT_MOST hits) or newest first. */
  ranked: boolean;
  total: number;
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
 * One page of hits with the number of all hits and the texts for the snippets, in one statement:
 * the matches are found and counted once, keeping only what ordering needs (id and date, so tens
 * of thousands of hits stay in memory); the page's own rows are then read by id. Identities are
 * never joined (witnesses give the pseudonym only).
 */
export function pageStatement(sql: SearchSql, limit: number, offset: number): Statement {
  const n = sql.params.values.length;
  const rank = (alias: string) => sql.rank.replace(/\bd\./g, `${alias}.`);
  const rankOf = (id: string) =>
    sql.textQuery
      ? `(SELECT ${rank('r')} FROM search_documents r CROSS JOIN (${sql.textQuery}) q WHERE r.id = ${id})`
      : '0';
  const ranked = sql.textQuery ? `CASE WHEN c.total <= ${RANK_AT_MOST} THEN ${rankOf('h.id')} END` : 'NULL::real';
  return {
    text: `WITH hits AS MATERIALIZED (
             SELECT d.id, d.created_at FROM ${sql.from} WHERE ${sql.where.join(' AND ')}),
           c AS (SELECT count(*)::int AS total FROM hits),
           page AS (
             SELECT h.id, h.created_at, c.total, ${ranked} AS rank
               FROM hits h CROSS JOIN c
              ORDER BY rank DESC NULLS LAST, h.created_at DESC, h.id
              LIMIT $${n + 1} OFFSET $${n + 2})
           SELECT d.kind, d.id, d.reference, d.case_id, d.title, d.status, d.language,
                  d.forum, page.total, page.rank IS NOT NULL AS ranked,
                  coalesce(page.rank, ${rankOf('page.id')}) AS rank,
                  w.pseudonym AS witness_pseudonym, t.summary, t.narrative, i.description,
                  (SELECT json_agg(json_build_object('language', x.language, 'text', x.text) ORDER BY x.language)
                     FROM testimony_translations x WHERE x.testimony_id = t.id) AS translations,
                  (SELECT array_agg(a.quote) FROM testimony_annotations a
                    WHERE a.testimony_id = t.id AND a.kind = 'sensitive' AND a.withdrawn_at IS NULL) AS sensitive,
                  array(SELECT unnest(tsvector_to_array(to_tsvector('english', search_latin_text($${n + 3})))))
                    AS stems
             FROM page
             JOIN search_documents d ON d.id = page.id
             LEFT JOIN witnesses w ON w.id = d.witness_id
             LEFT JOIN testimonies t ON d.kind = 'testimony' AND t.id = d.id
             LEFT JOIN incidents i ON d.kind = 'incident' AND i.id = d.id
            ORDER BY page.rank DESC NULLS LAST, page.created_at DESC, page.id`,
    values: [...sql.params.values, limit, offset, sql.words.join(' ')],
  };
}

/** The number of hits alone: for a page past the last hit, which has no row to carry it. */
export function countStatement(sql: SearchSql): Statement {
  return {
    text: `SELECT count(*)::int AS total FROM ${sql.from} WHERE ${sql.where.join(' AND ')}`,
    values: sql.params.values,
  };
}
