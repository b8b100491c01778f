import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseAccessPolicy } from '@sillok/cases';
import { DomainError, Permission, type Actor } from '@sillok/core';
import { requireDateOrder } from '@sillok/testimonies';
import type { SearchQuery } from './dto/search.query.js';
import { countFacets, emptyFacets } from './search-facets.js';
import { documentConditions, TermFilters, type ResolvedFilters } from './search-filters.js';
import { loadSnippets } from './search-snippets.js';
import type { SearchHitView, SearchResultView } from './search.view.js';
import { anyOfTsQuery, MAX_QUERY_TOKENS, parseQueryText, SqlParams, tokenTsQuery } from './text/search-text.js';

interface HitRow {
  kind: 'testimony' | 'incident';
  id: string;
  reference: string;
  case_id: string;
  title: string;
  status: string;
  witness_pseudonym: string | null;
  language: string | null;
  forum: string | null;
  rank: number | null;
}

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

/** One page of hits, best first; identities are never joined (witnesses give the pseudonym only). */
export function pageStatement(sql: SearchSql, limit: number, offset: number): { text: string; values: unknown[] } {
  const n = sql.params.values.length;
  return {
    text: `SELECT d.kind, d.id, d.reference, d.case_id, d.title, d.status, d.language, d.forum,
                  w.pseudonym AS witness_pseudonym, ${sql.rank} AS rank
             FROM ${sql.from}
             LEFT JOIN witnesses w ON w.id = d.witness_id
            WHERE ${sql.where.join(' AND ')}
            ORDER BY rank DESC, d.created_at DESC, d.id
            LIMIT $${n + 1} OFFSET $${n + 2}`,
    values: [...sql.params.values, limit, offset],
  };
}

export function countStatement(sql: SearchSql): { text: string; values: unknown[] } {
  return {
    text: `SELECT count(*)::int AS total FROM ${sql.from} WHERE ${sql.where.join(' AND ')}`,
    values: sql.params.values,
  };
}

/**
 * Full-text search with filters and facets over search_documents (testimonies and incidents),
 * limited to the cases where the caller's membership allows search.read; withdrawn records
 * never match. A caller who is a member of no case gets nothing: no hits, no counts.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: CaseAccessPolicy,
    private readonly terms: TermFilters,
  ) {}

  async search(actor: Actor, query: SearchQuery): Promise<SearchResultView> {
    const caseIds = await this.policy.scopeCaseIds(actor, Permission.SearchRead, query.caseId);
    requireDateOrder(query.dateFrom, query.dateTo);
    if (!caseIds.length)
      return {
        items: [],
        total: 0,
        limit: query.limit,
        offset: query.offset,
        facets: query.facets ? emptyFacets() : null,
      };
    const sql = await this.buildSql(query, caseIds);
    await this.requireSearchableText(sql);
    const manager = this.dataSource.manager;
    const page = pageStatement(sql, query.limit, query.offset);
    const count = countStatement(sql);
    const [rows, [{ total }], facets] = await Promise.all([
      manager.query(page.text, page.values) as Promise<HitRow[]>,
      manager.query(count.text, count.values) as Promise<Array<{ total: number }>>,
      query.facets ? countFacets(manager, sql.from, sql.where, sql.params.values) : Promise.resolve(null),
    ]);
    const snippets = await loadSnippets(manager, rows, sql.words);
    const items: SearchHitView[] = rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      reference: r.reference,
      caseId: r.case_id,
      title: r.title,
      status: r.status,
      witnessPseudonym: r.witness_pseudonym,
      language: r.language,
      forum: r.forum,
      rank: Math.round(Number(r.rank ?? 0) * 1e6) / 1e6,
      snippet: snippets.get(r.id) ?? null,
    }));
    return { items, total, limit: query.limit, offset: query.offset, facets };
  }

  /** The SQL for a query within `caseIds`; the benchmark runs the same SQL directly for its baseline. */
  async buildSql(query: SearchQuery, caseIds: string[]): Promise<SearchSql> {
    const resolved: ResolvedFilters = {
      caseIds,
      violationIds: await this.terms.withDescendants(query.violation),
      actIds: await this.terms.withDescendants(query.act),
      facilityIds: await this.terms.facilityIds(query.facility),
      agencyIds: await this.terms.withDescendants(query.agency),
    };
    const params = new SqlParams();
    const tokens = parseQueryText(query.q ?? '');
    if (tokens.length > MAX_QUERY_TOKENS)
      throw DomainError.validation([{ field: 'q', reason: `at most ${MAX_QUERY_TOKENS} words or phrases` }]);
    // The text query's parameters come first, so that it can be checked on its own.
    const words: string[] = [];
    const parts: string[] = [];
    for (const token of tokens) {
      // A facility's name matches every spelling of it: Yodeok finds 요덕 and Camp 15.
      const spellings = await this.terms.facilitySpellings(token.text);
      parts.push(spellings.length ? anyOfTsQuery(spellings, params) : tokenTsQuery(token.text, params));
      words.push(...(spellings.length ? spellings : [token.text]));
    }
    const textQuery = parts.length ? `SELECT ${parts.join(' && ')} AS query` : null;
    const textParamCount = params.values.length;
    const where = documentConditions(query, resolved, params);
    if (!textQuery) return { from: 'search_documents d', where, rank: '0', params, words, textQuery, textParamCount };
    return {
      from: `search_documents d CROSS JOIN (${textQuery}) q`,
      where: [...where, 'd.document @@ q.query'],
      rank: 'ts_rank_cd(d.document, q.query)',
      params,
      words,
      textQuery,
      textParamCount,
    };
  }

  /** A query of stop words only ("the", "of") would match nothing: say so instead. */
  private async requireSearchableText(sql: SearchSql): Promise<void> {
    if (!sql.textQuery) return;
    const [{ nodes }] = await this.dataSource.query(
      `SELECT numnode(q.query) AS nodes FROM (${sql.textQuery}) q`,
      sql.params.values.slice(0, sql.textParamCount),
    );
    if (Number(nodes) === 0)
      throw DomainError.validation([
        { field: 'q', reason: 'q has no searchable word (only stop words or punctuation)' },
      ]);
  }
}
