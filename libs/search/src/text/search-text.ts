import { cjkRuns, hasCjk, hasLatin } from './script.js';

/** One part of a text query: a bare word (all words must match) or a "quoted phrase". */
export interface QueryToken {
  text: string;
  phrase: boolean;
}

export const MAX_QUERY_TOKENS = 20;

/** `beaten "water torture" 요덕` -> three tokens; the second matched as a phrase. */
export function parseQueryText(q: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  for (const m of q.matchAll(/"([^"]*)"|(\S+)/g)) {
    const text = (m[1] ?? m[2]).trim();
    if (text) tokens.push({ text, phrase: m[1] !== undefined });
  }
  return tokens;
}

/** Collects the values of a SQL statement's $n parameters. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The tsquery SQL for one token: its English words, stemmed, and its CJK runs as character bigrams
 * (고문 matches inside 고문을; a lone character matches any bigram it begins). A phrase must match in
 * order, which PostgreSQL checks on each candidate's stored vector; a bare word only needs all its
 * parts (a Korean word of three or more characters: all its bigrams), which the index answers alone.
 */
export function tokenTsQuery(text: string, params: SqlParams, phrase = false): string {
  const parts: string[] = [];
  const build = phrase ? 'phraseto_tsquery' : 'plainto_tsquery';
  if (hasLatin(text)) parts.push(`${build}('english', search_latin_text(${params.add(text)}))`);
  if (hasCjk(text)) {
    const runs = cjkRuns(text);
    if (runs.length === 1 && runs[0].length === 1) parts.push(`to_tsquery('simple', ${params.add(`${runs[0]}:*`)})`);
    else parts.push(`${build}('simple', search_cjk_bigrams(${params.add(text)}))`);
  }
  return parts.length ? `(${parts.join(' && ')})` : `''::tsquery`;
}

/**
 * The word pairs a quoted phrase needs, as an `integer[]` SQL expression hashed the way the
 * documents' `phrase_pairs` are (migration 1765130000000): the lexemes that stand next to each
 * other in the phrase, English and CJK alike. A document holding the phrase holds all of them, so
 * `d.phrase_pairs @> pairs` finds its candidates through the index; the phrase check stays. A
 * phrase of one lexeme, or whose words stand apart (`beaten by guards`: 'by' is a stop word),
 * has no pairs, and its expression is the empty array. This holds while each configuration gives
 * one lexeme per word, as `english` and `simple` do: a synonym or thesaurus dictionary giving
 * several at one position would make every one of them a required pair, and lose hits.
 */
export function phrasePairsSql(text: string, params: SqlParams): string {
  const scripts: Array<[configuration: string, text: string]> = [];
  if (hasLatin(text)) scripts.push(['english', 'search_latin_text']);
  if (hasCjk(text)) scripts.push(['simple', 'search_cjk_bigrams']);
  if (!scripts.length) return `'{}'::integer[]`;
  const value = params.add(text);
  return `(${scripts.map(([configuration, of]) => `search_phrase_pairs(to_tsvector('${configuration}', ${of}(${value})))`).join(' || ')})`;
}

/** Any of several spellings (a facility's names and aliases, each a phrase): OR of their queries. */
export function anyOfTsQuery(spellings: string[], params: SqlParams): string {
  return `(${spellings.map((s) => tokenTsQuery(s, params, true)).join(' || ')})`;
}
