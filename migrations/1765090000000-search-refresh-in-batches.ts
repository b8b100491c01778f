import type { MigrationInterface, QueryRunner } from 'typeorm';

// As in CreateSearchDocuments: Hangul (syllables, jamo, compatibility jamo), kana and CJK ideographs.
const CJK = String.raw`\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3`;

/**
 * search_cjk_bigrams and search_latin_text as CreateSearchDocuments defined them, named with `prefix`
 * (down() restores them; a test compares the new definitions with them).
 */
export function previousTextFunctions(prefix: string): string[] {
  return [
    `CREATE OR REPLACE FUNCTION ${prefix}search_cjk_bigrams(input text) RETURNS text
       LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
       SELECT coalesce(string_agg(CASE WHEN n <> ' ' THEN c || n ELSE c END, ' ' ORDER BY i), '')
         FROM (SELECT c, i, coalesce(lead(c) OVER w, ' ') AS n, coalesce(lag(c) OVER w, ' ') AS p
                 FROM unnest(regexp_split_to_array(
                        regexp_replace(lower(normalize(input, NFKC)), '[^${CJK}]+', ' ', 'g'), '')) WITH ORDINALITY AS u(c, i)
               WINDOW w AS (ORDER BY i)) s
        WHERE c <> ' ' AND (n <> ' ' OR p = ' ')
     $$`,
    `CREATE OR REPLACE FUNCTION ${prefix}search_latin_text(input text) RETURNS text
       LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
       SELECT regexp_replace(normalize(input, NFKC), '[${CJK}]+', ' ', 'g')
     $$`,
  ];
}

const COLUMNS = `id, kind, case_id, reference, title, witness_id, language, forum, status, witness_sex,
  witness_birth_decade, withdrawn, violation_term_ids, act_term_ids, facility_term_ids, agency_term_ids,
  source_connection_term_ids, reliability_term_ids, event_dates, document, created_at`;

// The per-row refresh of a testimony's document is queued only when the transaction has not said
// that it writes its testimonies' documents itself, set-based (a bulk import: search_refresh_testimonies).
const UNLESS_BATCH = `WHEN (current_setting('sillok.search_refresh', true) IS DISTINCT FROM 'batch')`;
const TESTIMONY_TRIGGERS = [
  { table: 'testimonies', events: 'INSERT OR UPDATE' },
  { table: 'testimony_translations', events: 'INSERT OR UPDATE OR DELETE' },
];

/**
 * Imports write search documents set-based, and the text functions do less work for the same
 * result (issue 18: the import ran at 275 testimonies/s).
 *
 * Measured first: importing 2,000 testimonies of ~4.7 KB spent 98% of its time in the commit's
 * deferred search refresh, and nearly all of that in search_vector itself (2.2 ms a narrative on
 * this 2-core machine: the Korean bigrams were built a character at a time through a window
 * query, and the text was NFKC-normalised twice, at ~250 µs each even when already normal).
 *
 * - search_nfkc(text) normalises only text that is not NFKC already (the quick check is a fifth of
 *   the cost); search_latin_text and search_cjk_bigrams use it.
 * - search_cjk_bigrams builds the same string with two regular-expression passes instead of a
 *   row per character: everything but the CJK runs becomes one space, then every character inside
 *   a run (not its first or last) is followed by a space and itself (요덕수용소 -> 요덕 덕수 수용 용소).
 *   A lone character stays itself. lower() is gone: it changes no character of these scripts, and
 *   the rest of the text is dropped. 2.3 times less CPU on the benchmark's narratives. The output is the same string, so stored documents and queries
 *   stay valid without a rebuild (test/search/search-text-functions.e2e-spec.ts compares it with
 *   the old definition).
 * - The per-row refresh triggers of testimonies and their translations are not queued in a
 *   transaction that set sillok.search_refresh to 'batch'; such a transaction calls
 *   search_refresh_testimonies(ids) for what it wrote, one statement through the same view as the
 *   per-row refresh, so an imported testimony's document is the one an API create makes.
 *   Search documents are derived data: a client that skips them can only hide its own writes
 *   from search, which it could by not writing them.
 */
export class SearchRefreshInBatches1765090000000 implements MigrationInterface {
  name = 'SearchRefreshInBatches1765090000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION search_nfkc(input text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT CASE WHEN input IS NFKC NORMALIZED THEN input ELSE normalize(input, NFKC) END
      $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION search_latin_text(input text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT regexp_replace(search_nfkc(input), '[${CJK}]+', ' ', 'g')
      $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION search_cjk_bigrams(input text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT btrim(regexp_replace(regexp_replace(search_nfkc(input), '[^${CJK}]+', ' ', 'g'),
                 '(?<=[${CJK}])([${CJK}])(?=[${CJK}])', '\\1 \\1', 'g'))
      $$`);
    const updates = COLUMNS.split(',')
      .map((c) => c.trim())
      .filter((c) => c !== 'id')
      .map((c) => `${c} = EXCLUDED.${c}`)
      .join(', ');
    await queryRunner.query(`
      CREATE FUNCTION search_refresh_testimonies(record_ids uuid[]) RETURNS integer LANGUAGE sql AS $$
        WITH refreshed AS (
          INSERT INTO search_documents (${COLUMNS}, refreshed_txid)
            SELECT ${COLUMNS}, txid_current() FROM search_testimony_sources WHERE id = ANY(record_ids)
          ON CONFLICT (id) DO UPDATE SET ${updates}, refreshed_txid = EXCLUDED.refreshed_txid
          RETURNING 1)
        SELECT count(*)::integer FROM refreshed
      $$`);
    await this.recreateTriggers(queryRunner, UNLESS_BATCH);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.recreateTriggers(queryRunner, '');
    await queryRunner.query(`DROP FUNCTION search_refresh_testimonies(uuid[])`);
    for (const sql of previousTextFunctions('')) await queryRunner.query(sql);
    await queryRunner.query(`DROP FUNCTION search_nfkc(text)`);
  }

  private async recreateTriggers(queryRunner: QueryRunner, when: string): Promise<void> {
    for (const { table, events } of TESTIMONY_TRIGGERS) {
      await queryRunner.query(`DROP TRIGGER search_documents_refresh ON ${table}`);
      await queryRunner.query(`
        CREATE CONSTRAINT TRIGGER search_documents_refresh AFTER ${events} ON ${table}
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW ${when} EXECUTE FUNCTION search_${table}_changed()`);
    }
  }
}
