import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseAccessPolicy } from '@sillok/cases';
import { DomainError, Permission, requireDateOrder, type Actor } from '@sillok/core';
import type { SearchQuery } from './dto/search.query.js';
import { countFacets, emptyFacets } from './search-facets.js';
import { documentConditions, TermFilters, type ResolvedFilters } from './search-filters.js';
import { snippetOf } from './search-snippets.js';
import { countStatement, pageStatement, RANK_AT_MOST, type PageRow, type SearchSql } from './search-statements.js';
import type { SearchHitView, SearchResultView } from './search.view.js';
import { anyOfTsQuery, MAX_QUERY_TOKENS, parseQueryText, SqlParams, tokenTsQuery } from './text/search-text.js';

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
    requireDateOrder(query.dateFrom, query.dateTo);
    // The filters' terms are resolved while the scope is read: one wait, not two.
    const [caseIds, prepared] = await Promise.all([
      this.policy.scopeCaseIds(actor, Permission.SearchRead, query.caseId),
      this.prepare(query),
    ]);
    if (!caseIds.length)
      return {
        items: [],
        total: 0,
        limit: query.limit,
        offset: query.offset,
        order: 'newest',
        facets: query.facets ? emptyFacets() : null,
      };
    const sql = this.toSql(query, caseIds, prepared);
    const manager = this.dataSource.manager;
    const page = pageStatement(sql, query.limit, query.offset);
    const [rows, facets] = await Promise.all([
      manager.query(page.text, page.values) as Promise<PageRow[]>,
      query.facets ? countFacets(manager, sql.from, sql.where, sql.params.values) : Promise.resolve(null),
    ]);
    let total = rows[0]?.total ?? 0;
    if (!rows.length && query.offset > 0) {
      const count = countStatement(sql);
      [{ total }] = await manager.query(count.text, count.values);
    }
    // Only a query that found nothing can be one of stop words alone: checked then, not on every search.
    if (total === 0) await this.requireSearchableText(sql);
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
      snippet: snippetOf(r, sql.words),
    }));
    const order = !sql.textQuery || total > RANK_AT_MOST ? 'newest' : 'relevance';
    return { items, total, limit: query.limit, offset: query.offset, order, facets };
  }

  /** The SQL for a query within `caseIds`; the benchmark runs the same SQL directly for its baseline. */
  async buildSql(query: SearchQuery, caseIds: string[]): Promise<SearchSql> {
    return this.toSql(query, caseIds, await this.prepare(query));
  }

  /** What a query needs from the vocabularies: the filters' term ids and the facility spellings of its words. */
  private async prepare(query: SearchQuery) {
    const tokens = parseQueryText(query.q ?? '');
    if (tokens.length > MAX_QUERY_TOKENS)
      throw DomainError.validation([{ field: 'q', reason: `at most ${MAX_QUERY_TOKENS} words or phrases` }]);
    const [violationIds, actIds, facilityIds, agencyIds, spellings] = await Promise.all([
      this.terms.withDescendants(query.violation),
      this.terms.withDescendants(query.act),
      this.terms.facilityIds(query.facility),
      this.terms.withDescendants(query.agency),
      this.terms.facilitySpellings(tokens.map((t) => t.text)),
    ]);
    return { tokens, spellings, filters: { violationIds, actIds, facilityIds, agencyIds } };
  }

  private toSql(
    query: SearchQuery,
    caseIds: string[],
    { tokens, spellings, filters }: Awaited<ReturnType<SearchService['prepare']>>,
  ): SearchSql {
    const resolved: ResolvedFilters = { caseIds, ...filters };
    const params = new SqlParams();
    // The text query's parameters come first, so that it can be checked on its own.
    const words: string[] = [];
    const parts: string[] = [];
    for (const token of tokens) {
      // A facility's name matches every spelling of it: Yodeok finds 요덕 and Camp 15.
      const names = spellings.get(token.text);
      parts.push(names ? anyOfTsQuery(names, params) : tokenTsQuery(token.text, params, token.phrase));
      words.push(...(names ?? [token.text]));
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
