import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseAccessPolicy } from '@sillok/cases';
import { Settings } from '@sillok/config';
import { DomainError, ErrorCode, Permission, requireDateOrder, type Actor } from '@sillok/core';
import type { SearchQuery } from './http/search.query.js';
import { emptyFacets, facetsOf } from './search-facets.js';
import { documentConditions, TermFilters, type ResolvedFilters } from './search-filters.js';
import { snippetOf } from './search-snippets.js';
import { decodeCursor, encodeCursor, queryDigest } from './search-cursor.js';
import { SearchGate } from './search-gate.js';
import { readPage, type StatementRunner } from './search-page.js';
import { casesShare } from './case-share.js';
import { CaseStatisticsReader } from './case-statistics.js';
import {
  RANK_AT_MOST,
  searchSessionSettings,
  type PageSpec,
  type SearchSql,
  type Statement,
} from './search-statements.js';
import {
  anyOfTsQuery,
  MAX_QUERY_TOKENS,
  parseQueryText,
  phrasePairsSql,
  SqlParams,
  tokenTsQuery,
  type QueryToken,
} from './text/search-text.js';
import { cjkRuns, foldText } from './text/script.js';
import type { SearchHitResponse, SearchResultResponse, SearchTotalResponse } from './search.responses.js';

/**
 * Full-text search with filters and facets over search_documents (testimonies and incidents),
 * limited to the cases where the caller's membership allows search.read; withdrawn records
 * never match. A caller who is a member of no case gets nothing: no hits, no counts.
 */
/** Offsets reach this far into the hits (offset + limit); deeper pages follow the `next` cursor. */
export const SEARCH_RESULT_WINDOW = 1000;

/** The longest facility name matched unquoted, in words (`Kwanliso No. 15`: three). */
const ALIAS_WORDS_AT_MOST = 4;

@Injectable()
export class SearchService {
  private readonly gate: SearchGate;

  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: CaseAccessPolicy,
    private readonly terms: TermFilters,
    private readonly settings: Settings,
    private readonly caseStatistics: CaseStatisticsReader,
  ) {
    this.gate = new SearchGate(settings.SEARCH_MAX_CONCURRENT, settings.SEARCH_STATEMENT_TIMEOUT_MS);
  }

  async search(actor: Actor, query: SearchQuery): Promise<SearchResultResponse> {
    requireDateOrder(query.dateFrom, query.dateTo);
    if (query.offset + query.limit > SEARCH_RESULT_WINDOW)
      throw DomainError.validation([
        {
          field: 'offset',
          reason: `offset + limit at most ${SEARCH_RESULT_WINDOW}; for deeper pages pass the previous page's next as after`,
        },
      ]);
    const after = query.after === undefined ? null : decodeCursor(query.after);
    // The filters' terms are resolved while the scope is read: one wait, not two.
    const [caseIds, prepared] = await Promise.all([
      this.policy.scopeCaseIds(actor, Permission.SearchRead, query.caseId),
      this.prepare(query),
    ]);
    const base = { limit: query.limit, offset: query.offset, next: null };
    if (!caseIds.length)
      return {
        ...base,
        items: [],
        total: { value: 0, relation: 'eq' },
        order: 'newest',
        facets: query.facets ? emptyFacets() : null,
        facetsRelation: query.facets ? 'eq' : null,
      };
    const sql = this.toSql(query, caseIds, prepared);
    const countAtMost = this.settings.SEARCH_TRACK_TOTAL_HITS;
    const page: PageSpec = { limit: query.limit, offset: query.offset, after };
    const digest = queryDigest(sql);
    const carried = after?.counted?.query === digest ? after.counted.density : null;
    const read = await this.gate.run(() =>
      this.inSearchSession((run) => readPage(run, sql, { page, countAtMost, facets: query.facets, carried })),
    );
    const facets = query.facets ? facetsOf(read.facetRows) : null;
    const counted = read.total;
    const total: SearchTotalResponse =
      counted > countAtMost ? { value: countAtMost, relation: 'gte' } : { value: counted, relation: 'eq' };
    // Only a query that found nothing can be one of stop words alone: checked then, not on every search.
    if (counted === 0) await this.requireSearchableText(sql);
    const hits = read.hits;
    const items: SearchHitResponse[] = hits.map((r) => ({
      kind: r.kind,
      id: r.id!,
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
    const order = !sql.textQuery || counted > Math.min(RANK_AT_MOST, countAtMost) ? 'newest' : 'relevance';
    const last = hits.at(-1);
    const more = total.relation === 'gte' || after !== null || query.offset + hits.length < total.value;
    const next =
      last && hits.length === query.limit && more
        ? encodeCursor({
            order: last.ranked ? 'relevance' : 'newest',
            rank: last.rank_key,
            createdAt: last.created_key,
            id: last.id!,
            counted: read.density && { query: digest, density: read.density },
          })
        : null;
    return {
      ...base,
      items,
      total,
      order,
      next,
      facets,
      facetsRelation: facets ? total.relation : null,
    };
  }

  /**
   * Runs `work` in a read-only transaction of its own with the search's statement timeout (a search
   * past it answers 503 with a hint) and enough memory for exact bitmaps of common words.
   */
  private async inSearchSession<T>(work: (run: StatementRunner) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN READ ONLY');
      for (const setting of searchSessionSettings(this.settings.SEARCH_STATEMENT_TIMEOUT_MS))
        await runner.query(setting);
      const result = await work(async <R>(statement: Statement, settings: string[] = []) => {
        for (const setting of settings) await runner.query(setting);
        return runner.query(statement.text, statement.values) as Promise<R[]>;
      });
      await runner.query('COMMIT');
      return result;
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      if (sqlState(error) === '57014')
        throw new DomainError(
          ErrorCode.Unavailable,
          `the search ran longer than ${this.settings.SEARCH_STATEMENT_TIMEOUT_MS} ms and was stopped`,
          {
            hint: 'narrow it (another word, a quoted phrase, a case or a date range), or follow next instead of a deep offset; then retry',
          },
        );
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** The SQL for a query within `caseIds`; the benchmark runs the same SQL directly for its baseline. */
  async buildSql(query: SearchQuery, caseIds: string[]): Promise<SearchSql> {
    return this.toSql(query, caseIds, await this.prepare(query));
  }

  /**
   * What a query needs from the vocabularies: the filters' term ids and the facility spellings of
   * its words. Unquoted words that together name a facility (`Camp 15`, `Kwanliso No. 15`) become one
   * token, as if quoted, the longest name first. And the planner's statistics of the cases (case-share.ts).
   */
  private async prepare(query: SearchQuery) {
    const parsed = parseQueryText(query.q ?? '');
    if (parsed.length > MAX_QUERY_TOKENS)
      throw DomainError.validation([{ field: 'q', reason: `at most ${MAX_QUERY_TOKENS} words or phrases` }]);
    const [violationIds, actIds, facilityIds, agencyIds, spellings, caseStatistics] = await Promise.all([
      this.terms.withDescendants(query.violation),
      this.terms.withDescendants(query.act),
      this.terms.facilityIds(query.facility),
      this.terms.withDescendants(query.agency),
      this.terms.facilitySpellings([...parsed.map((t) => t.text), ...wordRuns(parsed).map((run) => run.text)]),
      this.caseStatistics.current(),
    ]);
    return {
      tokens: joinNamedRuns(parsed, spellings),
      spellings,
      filters: { violationIds, actIds, facilityIds, agencyIds },
      caseStatistics,
    };
  }

  private toSql(
    query: SearchQuery,
    caseIds: string[],
    { tokens, spellings, filters, caseStatistics }: Awaited<ReturnType<SearchService['prepare']>>,
  ): SearchSql {
    // A text query keeps its cases in the index whatever their share: read from the table, a common
    // word's hits would each need their stored vector checked (case-share.ts).
    const caseShare = tokens.length ? 0 : casesShare(caseStatistics, caseIds);
    const resolved: ResolvedFilters = { caseIds, caseShare, ...filters };
    const params = new SqlParams();
    // The text query's parameters come first, so that it can be checked on its own.
    const words: string[] = [];
    const parts: string[] = [];
    // The same query without its facility names' phrases, when it has one: see SearchSql.narrower.
    const oneWordParts: Array<string | string[]> = [];
    let split = false;
    let unsplittable = false;
    let phrase = false;
    const pairTokens: string[] = [];
    for (const token of tokens) {
      // A facility's name matches every spelling of it: Yodeok finds 요덕 and Camp 15.
      const names = spellings.get(token.text);
      const part = names ? anyOfTsQuery(names, params) : tokenTsQuery(token.text, params, token.phrase);
      parts.push(part);
      words.push(...(names ?? [token.text]));
      const oneWord = names?.filter(isOneLexeme) ?? [];
      // A quoted phrase of several lexemes: its words must stand in order.
      const quoted = token.phrase && !isOneLexeme(token.text);
      if (names ? oneWord.length < names.length : quoted) phrase = true;
      if (names && oneWord.length && oneWord.length < names.length) {
        split = true;
        oneWordParts.push(oneWord);
      } else {
        if (quoted) unsplittable = true;
        oneWordParts.push(part);
      }
      if (quoted && !names) pairTokens.push(token.text);
    }
    const textQuery = parts.length ? `SELECT ${parts.join(' && ')} AS query` : null;
    const textParamCount = params.values.length;
    const narrowerQuery =
      split && !unsplittable
        ? oneWordParts
            .map((p) => (typeof p === 'string' ? p : `(${p.map((name) => tokenTsQuery(name, params)).join(' || ')})`))
            .join(' && ')
        : null;
    // A quoted phrase's word pairs: its candidates come from the pairs' index (phrasePairsSql).
    const pairs = pairTokens.length ? pairTokens.map((text) => phrasePairsSql(text, params)).join(' || ') : null;
    const where = documentConditions(query, resolved, params);
    const common = { params, words, textQuery, textParamCount };
    if (!textQuery) return { ...common, from: 'search_documents d', where, narrower: null, rank: '0', phrase: false };
    const columns = [
      `${parts.join(' && ')} AS query`,
      ...(narrowerQuery ? [`${narrowerQuery} AS narrower`] : []),
      ...(pairs ? [`${pairs} AS pairs`] : []),
    ];
    return {
      ...common,
      from: `search_documents d CROSS JOIN (SELECT ${columns.join(', ')}) q`,
      // A phrase whose words all stand apart (a stop word between each) has no pairs: PostgreSQL drops
      // the condition when planning, instead of reading every candidate's pairs to find '{}' in them.
      where: [
        ...where,
        ...(pairs ? ['(cardinality(q.pairs) = 0 OR d.phrase_pairs @> q.pairs)'] : []),
        'd.document @@ q.query',
      ],
      narrower: narrowerQuery ? [...where, 'd.document @@ q.narrower'] : null,
      rank: 'ts_rank_cd(d.document, q.query)',
      phrase,
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

/** Runs of 2 to ALIAS_WORDS_AT_MOST consecutive unquoted words, each with where it starts and how long it is. */
function wordRuns(tokens: QueryToken[]): Array<{ text: string; start: number; length: number }> {
  const runs: Array<{ text: string; start: number; length: number }> = [];
  for (let start = 0; start < tokens.length; start++)
    for (let length = 2; length <= ALIAS_WORDS_AT_MOST && start + length <= tokens.length; length++) {
      const words = tokens.slice(start, start + length);
      if (words.some((w) => w.phrase)) break;
      runs.push({ text: words.map((w) => w.text).join(' '), start, length });
    }
  return runs;
}

/** The tokens with each run of words that names a facility joined into one (longest first, left to right). */
function joinNamedRuns(tokens: QueryToken[], spellings: Map<string, string[]>): QueryToken[] {
  const named = wordRuns(tokens).filter((run) => spellings.has(run.text));
  const joined: QueryToken[] = [];
  for (let at = 0; at < tokens.length;) {
    const run = named.filter((r) => r.start === at).sort((a, b) => b.length - a.length)[0];
    if (run) {
      joined.push({ text: run.text, phrase: false });
      at += run.length;
    } else joined.push(tokens[at++]);
  }
  return joined;
}

/** Whether a spelling is one lexeme (one word, or one Korean/Japanese pair of characters): matched without a phrase check. */
function isOneLexeme(text: string): boolean {
  const runs = cjkRuns(text);
  if (runs.length) return runs.length === 1 && runs[0].length <= 2 && foldText(text).trim() === runs[0];
  return /^[\p{L}\p{N}]+$/u.test(text.trim());
}

function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}
