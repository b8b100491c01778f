import { describe, expect, it } from '@jest/globals';
import { parseQueryText, SqlParams, tokenTsQuery } from './search-text.js';

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
});
