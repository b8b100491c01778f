import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { DataSource } from 'typeorm';
import {
  boundedPageStatement,
  densityOf,
  pastCountPlan,
  RANK_AT_MOST,
  SearchQuery,
  SearchService,
} from '@sillok/search';
import { loginAllRoles, requestAs, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWitness } from '../support/testimony-fixtures.js';

// Counting stops at 12 here (SEARCH_TRACK_TOTAL_HITS), so a corpus of 60 testimonies has
// queries on both sides of it; every answer is checked against the exhaustive query.
const COUNT_AT_MOST = 12;
const DOCUMENTS = 60;

interface SearchAnswer {
  items: Array<{ id: string; kind: string }>;
  total: { value: number; relation: 'eq' | 'gte' };
  order: 'relevance' | 'newest';
  next: string | null;
  facets: Record<string, Array<{ value: string; count: number }>> | null;
  facetsRelation: 'eq' | 'gte' | null;
}

describe('search: bounded counting and keyset pages against exhaustive queries', () => {
  let t: TestApp;
  let as: RoleLogins;
  let caseA: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { SEARCH_TRACK_TOTAL_HITS: String(COUNT_AT_MOST) } });
    as = await loginAllRoles(t);
    const cases = await createTwoCases(t, as);
    caseA = cases.caseA;
    const witness = await createWitness(t, as.investigator, caseA);
    const otherWitness = await createWitness(t, cases.otherLead, cases.caseB);
    const db = t.app.get(DataSource);
    const [{ created_by: createdBy }] = await db.query(`SELECT created_by FROM witnesses WHERE id = $1`, [witness]);
    // Case B, which the analyst is not in, holds a quarter of the documents, with the same words
    // and dates, between case A's in the table: none of them may show.
    const insert = (values: unknown[]) =>
      db.query(
        `INSERT INTO testimonies (reference, case_id, witness_id, forum, original_language, title, narrative, created_by, created_at)
         VALUES ($1, $2, $3, 'other', $4, $5, $6, $7, timestamptz '2026-01-01' + make_interval(mins => $8))`,
        values,
      );
    // alpha: every testimony; beta: every third (20); gamma: every tenth (6), twice in some (ranks
    // differ); 고문: every fourth (15). Dates repeat in fives, so ties are broken by id.
    for (let i = 0; i < DOCUMENTS; i++) {
      const words = [
        'alpha',
        i % 3 === 0 ? 'beta' : '',
        i % 10 === 0 ? 'gamma' : '',
        i % 20 === 0 ? 'gamma gamma' : '',
      ];
      const narrative = `${words.join(' ')} ${i % 4 === 0 ? '보위원들에게 고문을 당했습니다' : '일했습니다'} n${i}`;
      await insert([
        `T-8${String(i).padStart(5, '0')}`,
        caseA,
        witness,
        i % 2 ? 'ko' : 'en',
        `imported ${i}`,
        narrative,
        createdBy,
        Math.floor(i / 5),
      ]);
      if (i % 3 === 0)
        await insert([
          `T-9${String(i).padStart(5, '0')}`,
          cases.caseB,
          otherWitness,
          'ko',
          `other case ${i}`,
          `alpha beta gamma 보위원들에게 고문을 당했습니다 n${i}`,
          createdBy,
          Math.floor(i / 5),
        ]);
    }
    // The plan past the count reads the table's statistics, as autovacuum keeps them.
    await db.query(`ANALYZE search_documents`);
  });
  afterAll(async () => {
    await t.close();
  });

  const search = async (query: string): Promise<SearchAnswer> => {
    const res = await requestAs(t, as.analyst, 'get', `/search?${query}`);
    expect({ status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ status: 200, body: 'ok' });
    return res.body as SearchAnswer;
  };

  /** Every hit in the order the search gave before counting was bounded: ranked up to RANK_AT_MOST hits (here fewer: those counted), else newest first. */
  const exhaustive = async (params: Record<string, string>): Promise<string[]> => {
    const sql = await t.app
      .get(SearchService)
      .buildSql(plainToInstance(SearchQuery, { ...params, limit: 20, offset: 0 }), [caseA]);
    // A phrase is checked on every document, not only on those its word pairs' index gives.
    const where = sql.where.filter((condition) => !condition.includes('phrase_pairs')).join(' AND ');
    const [{ n }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM ${sql.from} WHERE ${where}`, sql.params.values);
    const ranked = sql.textQuery && n <= Math.min(RANK_AT_MOST, COUNT_AT_MOST);
    const rows: Array<{ id: string }> = await t.app
      .get(DataSource)
      .query(
        `SELECT d.id FROM ${sql.from} WHERE ${where} ORDER BY ${ranked ? `${sql.rank} DESC,` : ''} d.created_at DESC, d.id`,
        sql.params.values,
      );
    return rows.map((r) => r.id);
  };

  const QUERIES: Array<Record<string, string>> = [
    { q: 'alpha' },
    { q: 'beta' },
    { q: 'gamma' },
    { q: '고문' },
    { q: 'alpha gamma' },
    // Phrases: with hits past the count, with few, and of words that are each common but never
    // next to each other (their pairs find nothing).
    { q: '"alpha beta"' },
    { q: '"보위원들에게 고문을"' },
    { q: '"gamma gamma"' },
    { q: '"beta alpha"' },
    { q: '"alpha 보위원들에게"' },
    { language: 'ko' },
    {},
    { q: 'nothing-matches-this' },
  ];
  const encode = (params: Record<string, string>) => new URLSearchParams(params).toString();

  it('counts exactly up to the threshold and says "at least" past it; the first page is the exhaustive order', async () => {
    for (const params of QUERIES) {
      const all = await exhaustive(params);
      // The exhaustive query is built as the search is: check its case apart.
      const cases: Array<{ case_id: string }> = await t.app
        .get(DataSource)
        .query(`SELECT DISTINCT case_id FROM search_documents WHERE id = ANY($1)`, [all]);
      expect({ params, cases: cases.map((c) => c.case_id) }).toEqual({ params, cases: all.length ? [caseA] : [] });
      const answer = await search(`${encode(params)}&limit=20&facets=false`);
      const expected = {
        params,
        total:
          all.length > COUNT_AT_MOST
            ? { value: COUNT_AT_MOST, relation: 'gte' }
            : { value: all.length, relation: 'eq' },
        first: all.slice(0, 20),
      };
      expect({ params, total: answer.total, first: answer.items.map((i) => i.id) }).toEqual(expected);
      expect({ params, order: answer.order }).toEqual({
        params,
        order: params.q && all.length <= COUNT_AT_MOST ? 'relevance' : 'newest',
      });
    }
  });

  it('follows next through every hit, in the exhaustive order, whatever the page size', async () => {
    for (const params of QUERIES)
      for (const limit of [4, 20]) {
        const all = await exhaustive(params);
        const seen: string[] = [];
        let answer = await search(`${encode(params)}&limit=${limit}&facets=false`);
        const first = answer.total;
        for (let pages = 0; ; pages++) {
          seen.push(...answer.items.map((i) => i.id));
          // Past the count, later pages take the first page's count from the cursor: the same "at least".
          expect({ params, limit, total: answer.total }).toEqual({ params, limit, total: first });
          if (!answer.next || pages > DOCUMENTS) break;
          answer = await search(`${encode(params)}&limit=${limit}&facets=false&after=${answer.next}`);
        }
        expect({ params, limit, seen }).toEqual({ params, limit, seen: all });
      }
  });

  it('marks a query that checks a phrase, its own or a facility name of several words, so it is counted through the index', async () => {
    const phraseOf = async (q: string) =>
      (await t.app.get(SearchService).buildSql(plainToInstance(SearchQuery, { q, limit: 20, offset: 0 }), [caseA]))
        .phrase;
    expect({
      word: await phraseOf('alpha'),
      words: await phraseOf('alpha gamma'),
      korean: await phraseOf('고문'),
      quotedWord: await phraseOf('"alpha"'),
      quoted: await phraseOf('"alpha gamma"'),
      facility: await phraseOf('Yodok'),
      facilityWords: await phraseOf('Camp 15'),
    }).toEqual({
      word: false,
      words: false,
      korean: false,
      quotedWord: false,
      quoted: true,
      facility: true,
      facilityWords: true,
    });
  });

  it("carries a cursor's count only into the query it was counted for", async () => {
    const counted = QUERIES.find((params) => params.q === 'alpha')!;
    const page = await search(`${encode(counted)}&limit=4&facets=false`);
    expect(page.total.relation).toBe('gte');
    // The same cursor with a query that finds nothing: its own count, not the carried "at least".
    const other = await search(`q=nothing-matches-this&limit=4&facets=false&after=${page.next}`);
    expect({ total: other.total, items: other.items }).toEqual({ total: { value: 0, relation: 'eq' }, items: [] });
  });

  it('cuts offset pages from the same order, and an empty page still carries the total', async () => {
    for (const params of QUERIES) {
      const all = await exhaustive(params);
      for (const offset of [0, 5, 13, 55, 70]) {
        const answer = await search(`${encode(params)}&limit=5&offset=${offset}&facets=false`);
        expect({ params, offset, ids: answer.items.map((i) => i.id), total: answer.total.value }).toEqual({
          params,
          offset,
          ids: all.slice(offset, offset + 5),
          total: Math.min(all.length, COUNT_AT_MOST),
        });
      }
    }
  });

  it('counts facets exactly below the threshold, and past it marks them as lower bounds', async () => {
    for (const params of QUERIES) {
      const all = await exhaustive(params);
      const answer = await search(encode(params));
      const counted = Object.fromEntries(answer.facets!.language.map((f) => [f.value, f.count]));
      const rows: Array<{ language: string; n: number }> = await t.app
        .get(DataSource)
        .query(`SELECT language, count(*)::int AS n FROM search_documents WHERE id = ANY($1) GROUP BY language`, [all]);
      const exact = Object.fromEntries(rows.map((r) => [r.language, r.n]));
      if (all.length <= COUNT_AT_MOST) {
        expect({ params, relation: answer.facetsRelation, counted }).toEqual({
          params,
          relation: 'eq',
          counted: exact,
        });
      } else {
        expect({ params, relation: answer.facetsRelation }).toEqual({ params, relation: 'gte' });
        for (const [language, n] of Object.entries(counted)) expect(n).toBeLessThanOrEqual(exact[language]);
        const sum = Object.values(counted).reduce((a, b) => a + b, 0);
        expect(sum).toBeGreaterThanOrEqual(COUNT_AT_MOST);
      }
    }
  });

  it('reads pages past the count with both plans, sorting sparse hits and walking dense ones', async () => {
    const plans = new Set<string>();
    for (const params of QUERIES)
      // The pages the tests above ask for: small pages of dense hits walk, deep pages sort.
      for (const page of [
        { limit: 4, offset: 0 },
        { limit: 20, offset: 0 },
        { limit: 5, offset: 55 },
      ]) {
        const sql = await t.app
          .get(SearchService)
          .buildSql(plainToInstance(SearchQuery, { ...params, ...page }), [caseA]);
        const { text, values } = boundedPageStatement(sql, { ...page, after: null }, { countAtMost: COUNT_AT_MOST });
        const [counted] = await t.app.get(DataSource).query(text, values);
        if (counted.total > COUNT_AT_MOST) plans.add(pastCountPlan(densityOf(counted), page.offset + page.limit).kind);
      }
    // Every answer above was checked against the exhaustive order, so each plan was checked too.
    expect([...plans].sort()).toEqual(['sorted', 'walk']);
  });

  it('checks a case holding most documents on the row when browsing (as the statistics say); words and few documents keep it in the index', async () => {
    const caseForm = async (params: Record<string, string>, caseIds: string[]) =>
      (
        await t.app
          .get(SearchService)
          .buildSql(plainToInstance(SearchQuery, { ...params, limit: 20, offset: 0 }), caseIds)
      ).where[0];
    expect(await caseForm({ language: 'ko' }, [caseA])).toMatch(/^d\.case_id = ANY\(\$\d+::uuid\[\]\)$/);
    expect(await caseForm({ q: 'alpha' }, [caseA])).toMatch(/^ARRAY\[d\.case_id\] && \$\d+::uuid\[\]$/);
    expect(await caseForm({ language: 'ko' }, [randomUUID()])).toMatch(/^ARRAY\[d\.case_id\] && \$\d+::uuid\[\]$/);
  });
});
