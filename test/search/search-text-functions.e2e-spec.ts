import { beforeAll, describe, expect, it } from '@jest/globals';
import { previousTextFunctions } from '../../migrations/1765090000000-search-refresh-in-batches.js';
import { SeededRandom } from '../support/seeded-random.js';
import { migratedDatabaseConnection } from '../support/test-database.js';

// Korean (syllables, conjoining and compatibility jamo), kana (half-width too), kanji, Latin
// (full-width and accented, cased), digits, emoji, punctuation and every kind of space.
const PIECES = [
  ...'요덕수용소에서고문을받았다개천광산겨울',
  ...'ᄀ까ᅢᆨᆩㄱㅏㅎ',
  ...'かなカナｱｲｳﾞ・ー漢字政治犯收容所',
  ...'AbcÉéöẞＡＢｃ１２3',
  ...'🙏😀',
  ...'.,;:!?"\'()[]「」。、-',
  ' ',
  '  ',
  '\n',
  '\t',
  '\u3000',
  'Yodok ',
  'camp 15 ',
];

function randomText(random: SeededRandom): string {
  const length = random.int(60);
  let text = '';
  for (let i = 0; i < length; i++) text += PIECES[random.int(PIECES.length)];
  return text;
}

describe('search text functions (SearchRefreshInBatches)', () => {
  const client = migratedDatabaseConnection();
  beforeAll(async () => {
    for (const sql of previousTextFunctions('pg_temp.old_')) await client().query(sql);
  });

  it('build the same bigrams and Latin text as before, so stored documents and queries stay valid', async () => {
    const random = new SeededRandom(18);
    const texts = [
      '',
      '가',
      ' 가 나다 ',
      '요덕수용소에서 고문을 받았다',
      'Yodok 요덕 camp 15호',
      'ｱｲｳ 漢字テスト',
      '가a나',
      ...Array.from({ length: 3000 }, () => randomText(random)),
    ];
    const [{ differing, bigrams }] = (
      await client().query(
        `SELECT count(*) FILTER (WHERE search_cjk_bigrams(t) IS DISTINCT FROM pg_temp.old_search_cjk_bigrams(t)
                                  OR search_latin_text(t) IS DISTINCT FROM pg_temp.old_search_latin_text(t))::int AS differing,
                sum(length(search_cjk_bigrams(t)))::int AS bigrams
           FROM unnest($1::text[]) t`,
        [texts],
      )
    ).rows;
    expect(differing).toBe(0);
    expect(bigrams).toBeGreaterThan(10_000); // the texts hold long runs, not only lone characters
    const [{ bigramsOf }] = (await client().query(`SELECT search_cjk_bigrams('요덕수용소 고 문을') AS "bigramsOf"`))
      .rows;
    expect(bigramsOf).toBe('요덕 덕수 수용 용소 고 문을');
  });
});
