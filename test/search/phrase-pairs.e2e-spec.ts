import { describe, expect, it } from '@jest/globals';
import { phrasePairsSql, SqlParams, tokenTsQuery } from '@sillok/search';
import { SeededRandom } from '../support/seeded-random.js';
import { migratedDatabaseConnection } from '../support/test-database.js';

// Words that repeat, so that phrases of them often match and often do not: English with stop
// words, hyphens and apostrophes, Korean (runs of bigrams), Japanese, full-width and digits.
const WORDS = [
  'camp',
  'guards',
  'beaten',
  'the',
  'by',
  'of',
  're-entry',
  "o'clock",
  '15',
  'Yodok',
  'ＡＢＣ',
  '요덕',
  '수용소에서',
  '고문을',
  '받았다',
  '가',
  'かな',
  '政治犯',
];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '\n', ' - '];

function words(random: SeededRandom, count: number): string[] {
  return Array.from({ length: count }, () => random.pick(WORDS));
}

function join(random: SeededRandom, list: string[]): string {
  return list.map((w, i) => (i ? random.pick(SEPARATORS) : '') + w).join('');
}

/** A quoted phrase's tsquery and pairs, as SearchService builds them, and their parameters' values. */
function phraseSql(phrase: string): { query: string; pairs: string; values: unknown[] } {
  const params = new SqlParams();
  const query = tokenTsQuery(phrase, params, true);
  return { query, pairs: phrasePairsSql(phrase, params), values: params.values };
}

describe('phrase word pairs (SearchPhrasePairs): a phrase never loses a hit to its pairs', () => {
  const client = migratedDatabaseConnection();

  it('gives every document that holds a phrase all of its pairs, and leaves out documents with its words apart', async () => {
    const random = new SeededRandom(24);
    const documents: Array<{ title: string; body: string; words: string[] }> = Array.from({ length: 150 }, () => {
      const body = words(random, 5 + random.int(40));
      return { title: join(random, words(random, random.int(4))), body: join(random, body), words: body };
    });
    // Phrases cut from the documents (they match at least there) and phrases of random words.
    const phrases = Array.from({ length: 240 }, (_, i) => {
      if (i % 2) return join(random, words(random, 2 + random.int(3)));
      const source = random.pick(documents).words;
      const length = Math.min(source.length, 2 + random.int(3));
      const at = random.int(source.length - length + 1);
      return join(random, source.slice(at, at + length));
    });
    let hits = 0;
    let narrowed = 0;
    let withPairs = 0;
    const lost: Array<{ phrase: string; body: string }> = [];
    for (const phrase of phrases) {
      const { query, pairs, values } = phraseSql(phrase);
      const offset = values.length;
      const rows: Array<{ body: string; hit: boolean; covered: boolean; words: boolean; pairs: number }> = (
        await client().query(
          `SELECT d.body, d.vector @@ ${query} AS hit, search_phrase_pairs(d.vector) @> ${pairs} AS covered,
                  d.vector @@ replace(${query}::text, '<->', '&')::tsquery AS words, cardinality(${pairs}) AS pairs
             FROM (SELECT body, search_vector(title, body) AS vector
                     FROM unnest($${offset + 1}::text[], $${offset + 2}::text[]) AS u(title, body)) d`,
          [...values, documents.map((d) => d.title), documents.map((d) => d.body)],
        )
      ).rows;
      for (const row of rows) {
        if (row.hit) hits++;
        if (row.hit && !row.covered) lost.push({ phrase, body: row.body });
        if (row.words && !row.hit && !row.covered) narrowed++;
        if (row.pairs > 0) withPairs++;
      }
    }
    expect(lost).toEqual([]);
    // The check means something: many hits, and documents holding a phrase's words apart that
    // its pairs leave out (before the phrase check).
    expect(hits).toBeGreaterThan(500);
    expect(narrowed).toBeGreaterThan(500);
    expect(withPairs).toBeGreaterThan(phrases.length * 100);
  });

  it('pairs only the lexemes next to each other: stop words keep words apart, order counts', async () => {
    const pairsOf = async (phrase: string): Promise<number[]> => {
      const params = new SqlParams();
      const sql = phrasePairsSql(phrase, params);
      return (await client().query(`SELECT ${sql} AS pairs`, params.values)).rows[0].pairs;
    };
    const [{ pairs }] = (
      await client().query(
        `SELECT search_phrase_pairs(search_vector('', 'guards beaten by the guards at camp 15')) AS pairs`,
      )
    ).rows;
    const [camp15, guardsBeaten, beatenGuards] = [
      await pairsOf('camp 15'),
      await pairsOf('guards beaten'),
      await pairsOf('beaten guards'),
    ];
    expect({ pairs: pairs.length, camp15: camp15.length, guardsBeaten: guardsBeaten.length }).toEqual({
      pairs: 2,
      camp15: 1,
      guardsBeaten: 1,
    });
    expect([...pairs].sort()).toEqual([...camp15, ...guardsBeaten].sort());
    expect(pairs).not.toContain(beatenGuards[0]);
    expect(await pairsOf('beaten by the guards')).toEqual([]);
    expect(await pairsOf('요덕수용소')).toHaveLength(3);
  });

  it('pairs every lexeme at the last stored position with the one before (positions past 16,383 are all stored as 16,383)', async () => {
    // 16,381 words, then alpha at 16,382, and beta and gamma both stored at 16,383: PostgreSQL's
    // phrase check finds both "alpha beta" and "alpha gamma", so the pairs must hold both.
    for (const phrase of ['alpha beta', 'alpha gamma']) {
      const { query, pairs, values } = phraseSql(phrase);
      const [row] = (
        await client().query(
          `SELECT d.vector @@ ${query} AS hit, search_phrase_pairs(d.vector) @> ${pairs} AS covered
             FROM (SELECT search_vector('', string_agg('w' || i, ' ') || ' alpha beta gamma') AS vector
                     FROM generate_series(1, 16381) i) d`,
          values,
        )
      ).rows;
      expect({ phrase, ...row }).toEqual({ phrase, hit: true, covered: true });
    }
  });
});
