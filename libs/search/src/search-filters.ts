import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUuid } from '@sillok/core';
import { TaxonomyService } from '@sillok/taxonomy';
import type { EventFilterQuery, SearchQuery } from './http/search.query.js';
import type { SqlParams } from './text/search-text.js';
import { caseCondition } from './case-share.js';

/** The term ids a filter stands for: the term and its descendants; a facility also by any name or alias. */
@Injectable()
export class TermFilters {
  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
  ) {}

  /** Ids for a term filter with descendants; undefined when the filter is not set. */
  async withDescendants(termId: string | undefined): Promise<string[] | undefined> {
    if (!termId) return undefined;
    return this.taxonomy.descendantIds([termId]);
  }

  /** A facility by id, name or alias, and its sub-facilities; an empty list when nothing is called that. */
  async facilityIds(facility: string | undefined): Promise<string[] | undefined> {
    if (!facility) return undefined;
    const matched = isUuid(facility)
      ? [facility]
      : await this.taxonomy.matchingTermIds(facility, { scheme: 'facility' });
    return matched.length ? this.taxonomy.descendantIds(matched) : [];
  }

  /**
   * For each word that names a facility (exactly, by taxonomy_search_key: any label or alias, any
   * romanisation), every spelling of it, the word included: one query for all the words of a search.
   */
  async facilitySpellings(words: string[]): Promise<Map<string, string[]>> {
    const named = words.filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (!named.length) return new Map();
    const rows: Array<{ word: string; names: string[] }> = await this.dataSource.query(
      `SELECT q.word, array_agg(DISTINCT n.name) AS names
         FROM unnest($1::text[]) AS q(word)
         JOIN taxonomy_term_keys k ON k.key = taxonomy_search_key(q.word)
         JOIN taxonomy_terms t ON t.id = k.term_id AND t.scheme = 'facility'
         CROSS JOIN LATERAL unnest(ARRAY[t.label_en, t.label_ko] || t.aliases) AS n(name)
        WHERE n.name IS NOT NULL
        GROUP BY q.word`,
      [named],
    );
    return new Map(rows.map((r) => [r.word, [...new Set([r.word, ...r.names])]]));
  }
}

/** The resolved filters of a search, ready to become SQL. */
export interface ResolvedFilters {
  caseIds: string[];
  /** The share of the documents the cases hold (case-share.ts): it decides how the case is written. */
  caseShare: number;
  violationIds?: string[];
  actIds?: string[];
  facilityIds?: string[];
  agencyIds?: string[];
}

/**
 * WHERE conditions over search_documents `d` for the query's filters (the text match is added by
 * the caller), written as search_documents_match_idx indexes them: the case as `ARRAY[case_id]`
 * (unless the cases hold most documents: see case-share.ts), and `NOT withdrawn`, the index's predicate.
 */
export function documentConditions(query: SearchQuery, resolved: ResolvedFilters, params: SqlParams): string[] {
  const where = [caseCondition(resolved.caseShare, params.add(resolved.caseIds)), 'NOT d.withdrawn'];
  const overlap = (column: string, ids: string[] | undefined) => {
    if (ids) where.push(`d.${column} && ${params.add(ids)}::uuid[]`);
  };
  overlap('violation_term_ids', resolved.violationIds);
  overlap('act_term_ids', resolved.actIds);
  overlap('facility_term_ids', resolved.facilityIds);
  overlap('agency_term_ids', resolved.agencyIds);
  if (query.sourceConnection) overlap('source_connection_term_ids', [query.sourceConnection]);
  if (query.reliability) overlap('reliability_term_ids', [query.reliability]);
  const equal = (column: string, value: unknown) => {
    if (value !== undefined) where.push(`d.${column} = ${params.add(value)}`);
  };
  equal('kind', query.kind);
  equal('witness_sex', query.witnessSex);
  equal('witness_birth_decade', query.birthDecade === undefined ? undefined : Math.floor(query.birthDecade / 10) * 10);
  equal('forum', query.forum);
  equal('language', query.language);
  equal('status', query.status);
  const range = dateRangeSql(query, params);
  if (range) where.push(`d.event_dates && ${range}`);
  return where;
}

/** `[dateFrom, dateTo]` as a daterange (an open end is unbounded), or null when neither is set. */
export function dateRangeSql(query: EventFilterQuery, params: SqlParams): string | null {
  if (!query.dateFrom && !query.dateTo) return null;
  return `daterange(${params.add(query.dateFrom ?? null)}::date, ${params.add(query.dateTo ?? null)}::date, '[]')`;
}
