import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@sillok/core';
import { decodeCursor, encodeCursor, queryDigest } from './search-cursor.js';
import type { SearchCursor, SearchSql } from './search-statements.js';
import { SqlParams } from './text/search-text.js';

const AT = '2026-12-05T10:00:00.123456+00:00';
const ID = '0b5a8a2e-7c1e-4c55-9d0a-5f1d2b3c4d5e';
const DENSITY = { counted: 1001, lastBlock: 12, blocks: 4000, documents: 50000 };

function sqlOf(where: string[], values: unknown[]): SearchSql {
  const params = new SqlParams();
  for (const value of values) params.add(value);
  return {
    from: 'search_documents d',
    where,
    narrower: null,
    rank: '0',
    params,
    words: [],
    textQuery: null,
    textParamCount: 0,
    phrase: false,
  };
}

const raw = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');

function refused(after: string): string | undefined {
  try {
    decodeCursor(after);
  } catch (error) {
    return error instanceof DomainError ? error.message : String(error);
  }
  return undefined;
}

describe('search cursors', () => {
  it('carry the keys of the last hit back, in either order, with or without a count', () => {
    const cursors: SearchCursor[] = [
      { order: 'newest', rank: null, createdAt: AT, id: ID, counted: null },
      { order: 'relevance', rank: '0.0607927', createdAt: AT, id: ID, counted: null },
      { order: 'newest', rank: null, createdAt: AT, id: ID, counted: { query: '0123456789abcdef', density: DENSITY } },
      {
        order: 'newest',
        rank: null,
        createdAt: AT,
        id: ID,
        counted: { query: 'fedcba9876543210', density: { ...DENSITY, documents: -1 } },
      },
    ];
    for (const cursor of cursors) expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('refuse anything that is not one of ours, a carried count included', () => {
    const good = { q: '0123456789abcdef', c: 1001, l: 12, b: 4000, d: 50000 };
    expect(refused(raw(['n', AT, ID, good]))).toBeUndefined();
    for (const parts of [
      'not base64 json',
      { n: AT },
      ['n', AT],
      ['x', AT, ID],
      ['n', 'yesterday', ID],
      ['n', AT, 'not-a-uuid'],
      ['r', 'high', AT, ID],
      ['n', AT, ID, null],
      ['n', AT, ID, { ...good, q: 'short' }],
      ['n', AT, ID, { ...good, c: 0 }],
      ['n', AT, ID, { ...good, c: 1.5 }],
      ['n', AT, ID, { ...good, l: -1 }],
      ['n', AT, ID, { ...good, b: '4000' }],
      ['n', AT, ID, { ...good, d: -2 }],
      ['n', AT, ID, { ...good, d: Infinity }],
      ['n', AT, good, ID],
    ])
      expect({ parts, refused: refused(typeof parts === 'string' ? parts : raw(parts)) }).toEqual({
        parts,
        refused: expect.any(String),
      });
  });

  it('bind a carried count to its query: its conditions and every value, the cases searched among them', () => {
    const base = queryDigest(sqlOf(['d.x = $1', 'd.case_id = ANY($2)'], ['alpha', ['case-a']]));
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(queryDigest(sqlOf(['d.x = $1', 'd.case_id = ANY($2)'], ['alpha', ['case-a']]))).toBe(base);
    for (const other of [
      sqlOf(['d.x = $1', 'd.case_id = ANY($2)'], ['beta', ['case-a']]),
      sqlOf(['d.x = $1', 'd.case_id = ANY($2)'], ['alpha', ['case-a', 'case-b']]),
      sqlOf(['d.y = $1', 'd.case_id = ANY($2)'], ['alpha', ['case-a']]),
      { ...sqlOf(['d.x = $1', 'd.case_id = ANY($2)'], ['alpha', ['case-a']]), from: 'search_documents e' },
      { ...sqlOf(['d.x = $1', 'd.case_id = ANY($2)'], ['alpha', ['case-a']]), narrower: ['d.x = $1'] },
    ])
      expect(queryDigest(other)).not.toBe(base);
  });
});
