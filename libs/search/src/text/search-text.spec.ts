import { describe, expect, it } from '@jest/globals';
import { parseQueryText, phrasePairsSql, SqlParams, tokenTsQuery } from './search-text.js';

describe('query text', () => {
  it('splits words and "quoted phrases"', () => {
    expect(parseQueryText(' 요덕  "beaten by guards" camp ""')).toEqual([
      { text: '요덕', phrase: false },
      { text: 'beaten by guards', phrase: true },
      { text: 'camp', phrase: false },
    ]);
  });

  it('queries English words by stem, CJK by bigrams, a lone syllable by prefix, phrases in order', () => {
    const params = new SqlParams();
    expect(tokenTsQuery('camp', params)).toBe(`(plainto_tsquery('english', search_latin_text($1)))`);
    expect(tokenTsQuery('수용소', params)).toBe(`(plainto_tsquery('simple', search_cjk_bigrams($2)))`);
    expect(tokenTsQuery('김', params)).toBe(`(to_tsquery('simple', $3))`);
    expect(tokenTsQuery('요덕camp', params)).toContain(' && ');
    expect(tokenTsQuery('!!!', params)).toBe(`''::tsquery`);
    expect(params.values).toEqual(['camp', '수용소', '김:*', '요덕camp', '요덕camp']);
    expect(tokenTsQuery('tried to escape', params, true)).toBe(`(phraseto_tsquery('english', search_latin_text($6)))`);
  });

  it("pairs a phrase's adjacent lexemes the way the documents are paired, each script with its own configuration", () => {
    const params = new SqlParams();
    expect(phrasePairsSql('tried to escape', params)).toBe(
      `(search_phrase_pairs(to_tsvector('english', search_latin_text($1))))`,
    );
    expect(phrasePairsSql('요덕 수용소', params)).toBe(
      `(search_phrase_pairs(to_tsvector('simple', search_cjk_bigrams($2))))`,
    );
    expect(phrasePairsSql('camp 요덕', params)).toBe(
      `(search_phrase_pairs(to_tsvector('english', search_latin_text($3))) || search_phrase_pairs(to_tsvector('simple', search_cjk_bigrams($3))))`,
    );
    expect(phrasePairsSql('!!!', params)).toBe(`'{}'::integer[]`);
    expect(params.values).toEqual(['tried to escape', '요덕 수용소', 'camp 요덕']);
  });
});
