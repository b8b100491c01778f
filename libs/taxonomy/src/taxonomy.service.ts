import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { DomainError, isUuid, requireUuids } from '@sillok/core';
import { SCHEMES, schemeDefinition, type TaxonomyScheme } from './taxonomy-schemes.js';
import { TaxonomyTermEntity } from './taxonomy-term.entity.js';
import { buildTermTree, compareCodes, toTermView } from './taxonomy-term.view.js';
import type {
  LookupMatchResponse,
  LookupMatchedResponse,
  LookupResultResponse,
  SchemeResponse,
  TermResponse,
  TermTreeNodeResponse,
} from './taxonomy.responses.js';

const FIELD_NAMES: Record<string, LookupMatchedResponse['field']> = {
  code: 'code',
  label_en: 'labelEn',
  label_ko: 'labelKo',
  alias: 'alias',
};

export interface LookupOptions {
  q: string;
  scheme?: TaxonomyScheme;
  includeDeprecated?: boolean;
  /** Most suggestions to return (exact matches are never cut). */
  limit?: number;
}

interface KeyRow {
  term_id: string;
  field: string;
  source_text: string;
  exact: boolean;
  similarity: number;
}

/**
 * Reading the vocabularies: trees, single terms, name lookup, and the descendant sets that
 * filters use ("tagged with E" includes E.1-E.10). Terms are not case content: anyone with
 * taxonomy.read sees all of them.
 */
@Injectable()
export class TaxonomyService {
  constructor(private readonly dataSource: DataSource) {}

  async listSchemes(): Promise<SchemeResponse[]> {
    const rows: Array<{ scheme: string; total: string; active: string }> = await this.dataSource.query(
      `SELECT scheme, count(*) AS total, count(*) FILTER (WHERE status = 'active') AS active
         FROM taxonomy_terms GROUP BY scheme`,
    );
    const counts = new Map(rows.map((r) => [r.scheme, r]));
    return SCHEMES.map((s) => ({
      scheme: s.scheme,
      title: s.title,
      localTerms: s.localTerms,
      termCount: Number(counts.get(s.scheme)?.total ?? 0),
      activeTermCount: Number(counts.get(s.scheme)?.active ?? 0),
    }));
  }

  /** The scheme's terms nested under their parents; deprecated ones only when asked for. */
  async tree(scheme: string, options: { includeDeprecated?: boolean } = {}): Promise<TermTreeNodeResponse[]> {
    if (!schemeDefinition(scheme)) throw DomainError.notFound('taxonomy scheme');
    const terms = await this.dataSource
      .getRepository(TaxonomyTermEntity)
      .findBy(options.includeDeprecated ? { scheme } : { scheme, status: 'active' as const });
    return buildTermTree(terms.map(toTermView));
  }

  async getTerm(id: string): Promise<TermResponse> {
    const term = isUuid(id) ? await this.dataSource.getRepository(TaxonomyTermEntity).findOneBy({ id }) : null;
    if (!term) throw DomainError.notFound('taxonomy term');
    return toTermView(term);
  }

  /** The terms with these ids (unknown ids are left out), in scheme and code order. */
  async findTerms(ids: string[], manager?: EntityManager): Promise<TermResponse[]> {
    const valid = requireUuids(ids, 'termIds');
    if (!valid.length) return [];
    const terms = await (manager ?? this.dataSource).getRepository(TaxonomyTermEntity).findBy({ id: In(valid) });
    return terms.map(toTermView).sort((a, b) => a.scheme.localeCompare(b.scheme) || compareCodes(a, b));
  }

  /**
   * For services that store term ids (tags, incidents): every id must name a term of `scheme`,
   * active unless `allowDeprecated` (keeping a deprecated term already on a record is fine,
   * choosing it anew is not). Otherwise a 400 naming `field`. Returns the terms, input order.
   */
  async requireTerms(
    ids: string[],
    scheme: TaxonomyScheme,
    options: { field: string; allowDeprecated?: boolean; manager?: EntityManager },
  ): Promise<TermResponse[]> {
    await this.requireTermGroups([{ ids, scheme, ...options }], options.manager);
    const found = new Map((await this.findTerms(ids, options.manager)).map((t) => [t.id, t]));
    return requireUuids(ids, options.field).map((id) => found.get(id)!);
  }

  /**
   * requireTerms for several fields at once, in one query (a tag names terms of up to six
   * schemes); the first bad group, in the given order, answers the 400. It reads only each
   * term's scheme and status: it runs on every tagged write, where whole terms went unused.
   */
  async requireTermGroups(
    groups: Array<{ ids: string[]; scheme: TaxonomyScheme; field: string; allowDeprecated?: boolean }>,
    manager?: EntityManager,
  ): Promise<void> {
    const wanted = groups.map((g) => requireUuids(g.ids, g.field));
    const ids = [...new Set(wanted.flat())];
    const rows: Array<{ id: string; scheme: string; status: string }> = ids.length
      ? await (manager ?? this.dataSource).query(
          `SELECT id, scheme, status FROM taxonomy_terms WHERE id = ANY($1::uuid[])`,
          [ids],
        )
      : [];
    const found = new Map(rows.map((t) => [t.id, t]));
    groups.forEach((group, i) => {
      const bad = wanted[i].find((id) => {
        const term = found.get(id);
        return !term || term.scheme !== group.scheme || (term.status === 'deprecated' && !group.allowDeprecated);
      });
      if (bad !== undefined) {
        const reason = group.allowDeprecated
          ? `each id must be a term of ${group.scheme}`
          : `each id must be an active term of ${group.scheme}`;
        throw DomainError.validation([{ field: group.field, reason }]);
      }
    });
  }

  /**
   * The ids of the terms a name resolves to exactly (no suggestions), deprecated ones included
   * so that searching old records by a retired name still works: for filters such as
   * "incidents at Yodeok". Combine with descendantIds to include sub-terms.
   */
  async matchingTermIds(q: string, options: { scheme?: TaxonomyScheme; includeDeprecated?: boolean } = {}) {
    const result = await this.lookup({
      q,
      scheme: options.scheme,
      includeDeprecated: options.includeDeprecated ?? true,
    });
    return result.matches.map((m) => m.term.id);
  }

  /**
   * The ids to filter by for "tagged with any of these terms": the terms themselves (unless
   * includeSelf is false) and all their descendants, deprecated ones included, so records
   * tagged with a deprecated child still match its parent. Unknown ids are ignored.
   */
  async descendantIds(
    termIds: string[],
    options: { includeSelf?: boolean; manager?: EntityManager } = {},
  ): Promise<string[]> {
    const ids = requireUuids(termIds, 'termIds');
    if (!ids.length) return [];
    const start = options.includeSelf === false ? 'parent_id = ANY($1::uuid[])' : 'id = ANY($1::uuid[])';
    const rows: Array<{ id: string }> = await (options.manager ?? this.dataSource).query(
      `WITH RECURSIVE tree(id) AS (
         SELECT id FROM taxonomy_terms WHERE ${start}
         UNION
         SELECT t.id FROM taxonomy_terms t JOIN tree ON t.parent_id = tree.id
       )
       SELECT id FROM tree`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** The descendants of one term (not the term itself); 404 when the term does not exist. */
  async descendantsOf(id: string): Promise<string[]> {
    await this.getTerm(id);
    return this.descendantIds([id], { includeSelf: false });
  }

  /**
   * Resolves a name (code, English or Korean label, any alias) case-, diacritic- and
   * romanisation-insensitively. `matches` are terms whose normalised name equals the query's;
   * `suggestions` are merely similar names (trigram similarity), never to be taken as a match.
   */
  async lookup(options: LookupOptions): Promise<LookupResultResponse> {
    if (options.scheme !== undefined && !schemeDefinition(options.scheme)) {
      throw DomainError.validation([{ field: 'scheme', reason: 'unknown taxonomy scheme' }]);
    }
    const [{ key }]: Array<{ key: string | null }> = await this.dataSource.query(
      `SELECT taxonomy_search_key($1) AS key`,
      [options.q],
    );
    if (!key) throw DomainError.validation([{ field: 'q', reason: 'q must contain letters or digits' }]);
    const rows: KeyRow[] = await this.dataSource.query(
      `SELECT k.term_id, k.field, k.source_text, k.key = $1 AS exact, similarity(k.key, $1) AS similarity
         FROM taxonomy_term_keys k
         JOIN taxonomy_terms t ON t.id = k.term_id
        WHERE (k.key = $1 OR k.key % $1)
          AND ($2::text IS NULL OR t.scheme = $2)
          AND ($3 OR t.status = 'active')
        ORDER BY exact DESC, similarity DESC, k.field, k.source_text
        LIMIT 500`,
      [key, options.scheme ?? null, options.includeDeprecated === true],
    );
    // The best row of each term: rows are ordered exact first, then by similarity.
    const best = new Map<string, KeyRow>();
    for (const row of rows) if (!best.has(row.term_id)) best.set(row.term_id, row);
    const terms = new Map((await this.findTerms([...best.keys()])).map((t) => [t.id, t]));
    const all: LookupMatchResponse[] = [...best.values()].map((row) => {
      const term = terms.get(row.term_id)!;
      return {
        kind: row.exact ? 'exact' : 'suggestion',
        scheme: term.scheme,
        term,
        matched: { field: FIELD_NAMES[row.field], text: row.source_text },
        similarity: row.exact ? 1 : Math.round(Number(row.similarity) * 1000) / 1000,
      };
    });
    return {
      query: options.q,
      key,
      matches: all.filter((m) => m.kind === 'exact'),
      suggestions: all.filter((m) => m.kind === 'suggestion').slice(0, options.limit ?? 10),
    };
  }
}
