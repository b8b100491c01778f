import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@sillok/database';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

// The normaliser is the SQL function taxonomy_search_key (one definition for seeded keys,
// local terms and queries), so its tests run against PostgreSQL.
describe('taxonomy_search_key (name normaliser)', () => {
  let database: TestDatabase;
  let db: DataSource;
  const key = async (text: string): Promise<string> =>
    (await db.query(`SELECT taxonomy_search_key($1) AS k`, [text]))[0].k;
  const keys = (texts: string[]) => Promise.all(texts.map(key));

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new DataSource(dataSourceOptions(database.url));
    await db.initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it.each([
    ['Yodok', ['Yodeok', 'yodŏk', 'YODOK', 'Yodŏk', 'Ｙｏｄｏｋ', 'Yo-dok', 'Yodo\u0306k']],
    ['Camp 15', ['camp no. 15', 'Camp No.15', 'CAMP #15', 'No. 15 camp', 'Kwanliso 15', 'kwanliso no. 15']],
    ['Camp 15', ['gwalliso 15', 'kwalliso No 15', 'gwa-li-so 15', 'kwan-li-so 15', '15호 관리소', '제15호 관리소']],
    ['Camp 15', ['Political prison camp No. 15', '정치범수용소 15호']],
    ['kwanliso', ['kwan-li-so', 'kwalliso', 'gwalliso', 'gwanliso', 'gwa-li-so', '관리소', 'political prison camp']],
    ['Kaechon', ["Kaech'ŏn", 'Kaechʼŏn', 'Gaecheon', 'kaechon']],
    ['Pukchang', ["Pukch'ang", 'Bukchang']],
    ['Tukchang', ['Tŭkchang', 'Deukjang']],
    ['Hoeryong', ['Hoeryŏng', 'Hoiryeong']],
    ['Chongjin', ["Ch'ŏngjin", 'Cheongjin']],
    ['Hwasong', ['Hwasŏng', 'Hwaseong']],
    ['Kukka Powisong', ['Gukga Bowiseong', 'kukka-powisong']],
    ['rodong danryondae', ['ro-dong-dan-ryeon-dae', 'Rodong Danryeondae']],
    ['labour training centre', ['Labor training center']],
    ['Art. 7(1)(a)', ['art 7 1 a', 'ART.7(1)(A)']],
  ])('folds the spellings of %s to one key', async (canonical, variants) => {
    const expected = await key(canonical);
    expect(expected.length).toBeGreaterThan(0);
    expect(await keys(variants)).toEqual(variants.map(() => expected));
  });

  it('keeps Hangul (lower-casing and unaccent leave it alone) and drops only spaces and punctuation', async () => {
    expect(await key('요덕')).toBe('요덕');
    expect(await key(' 요덕 · 「요덕」 ')).toBe('요덕요덕');
    expect(await key('요덕 제15호 관리소')).toBe('요덕camp15');
    expect(await key('득장')).toBe('득장');
  });

  it('keeps different camps apart: the numbers and names survive folding', async () => {
    const numbered = await keys(['Camp 14', 'Camp 15', 'Camp 16', 'Camp 18', 'Camp 22', 'Camp 25', 'Camp 1', 'Camp 5']);
    expect(new Set(numbered).size).toBe(numbered.length);
    const named = await keys([
      'Kaechon',
      'Yodok',
      'Hwasong',
      'Pukchang',
      'Hoeryong',
      'Chongjin',
      'Kyongsong',
      'Onsong',
    ]);
    expect(new Set(named).size).toBe(named.length);
    expect(await key('kyohwaso 15')).not.toBe(await key('kwanliso 15'));
  });

  it('gives an empty key for text without letters or digits', async () => {
    expect(await key(' .-/ ')).toBe('');
  });

  it('gives no two active seeded terms of one scheme a common key (every camp alias is unambiguous)', async () => {
    const clashes = await db.query(
      `SELECT t.scheme, k.key, array_agg(DISTINCT t.code) AS codes
         FROM taxonomy_term_keys k JOIN taxonomy_terms t ON t.id = k.term_id
        GROUP BY t.scheme, k.key HAVING count(DISTINCT t.id) > 1`,
    );
    expect(clashes).toEqual([]);
  });

  it('gives each of camps 14, 15, 16, 18, 22 and 25 its own set of keys', async () => {
    const rows: Array<{ code: string; keys: string[] }> = await db.query(
      `SELECT t.code, array_agg(DISTINCT k.key ORDER BY k.key) AS keys
         FROM taxonomy_terms t JOIN taxonomy_term_keys k ON k.term_id = t.id
        WHERE t.scheme = 'facility' AND t.code = ANY($1) GROUP BY t.code`,
      [['kwanliso-14', 'kwanliso-15', 'kwanliso-16', 'kwanliso-18', 'kwanliso-22', 'kwanliso-25']],
    );
    expect(rows).toHaveLength(6);
    const all = rows.flatMap((r) => r.keys);
    expect(new Set(all).size).toBe(all.length);
    expect(rows.find((r) => r.code === 'kwanliso-15')?.keys).toEqual(
      expect.arrayContaining(['camp15', 'yotok', 'yotuk', '요덕', '요덕camp15']),
    );
  });
});
