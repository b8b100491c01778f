import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Word pairs for quoted phrases (issue 24), as Elasticsearch's `index_phrases` indexes two-word
 * shingles beside the words.
 *
 * PostgreSQL's text index knows which words a document holds, not where. A quoted phrase of two
 * common words therefore made it check the stored vector of every document holding both words, and
 * when the phrase itself was rare that was tens of thousands of vectors (p95 151 ms, p99 0.5 s at a
 * million testimonies). Now every document also keeps the pairs of lexemes that stand next to each
 * other in its vector, and a phrase first asks the index for documents holding its pairs.
 *
 * The pairs are derived from the stored vector itself, by positions p and p + 1, so a document
 * holds a pair exactly when PostgreSQL's own phrase check (`a <-> b`) would find it there: the
 * pairs only narrow the candidates and never lose a hit, and the phrase is still checked on them.
 *
 * Each pair is kept as 24 bits of its MD5 (a stable function, the same on every server version),
 * so the index has at most 16.7 million keys however many distinct pairs the corpus holds (a
 * million bench testimonies hold an estimated 90 million). Pairs that share a key only add candidates,
 * which the phrase check removes.
 *
 * The column is generated, so every write of a document (refresh, rebuild, import) keeps it. The
 * table's rows stay narrow: the pairs are moved out of line like the vector (toast_tuple_target),
 * so a scan of the table in order does not read them.
 *
 * Adding the column rewrites search_documents once, with the table locked (README, "Search at scale").
 */
export class SearchPhrasePairs1765130000000 implements MigrationInterface {
  name = 'SearchPhrasePairs1765130000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Only built-in functions inside: the function is restorable with an empty search_path. Every
    // lexeme at p pairs with every one at p + 1 (a join, not lead(): positions past 16,383 are all
    // stored as 16,383, and PostgreSQL's phrase check pairs each of them with the lexeme before).
    // The positions are unnested once (MATERIALIZED: a quarter cheaper than twice), and MD5 is about
    // half of what remains; hashtext would be cheaper, but its value is not promised across versions.
    await queryRunner.query(`
      CREATE FUNCTION search_phrase_pairs(document tsvector) RETURNS integer[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        WITH positions AS MATERIALIZED (SELECT u.lexeme, p FROM unnest(document) u, unnest(u.positions) p)
        SELECT coalesce(array_agg(DISTINCT ('x' || left(md5(a.lexeme || ' ' || b.lexeme), 6))::bit(24)::integer), '{}')
          FROM positions a JOIN positions b ON b.p = a.p + 1
      $$`);
    // The rewrite rebuilds every index of the table, and the new one is a GIN of ~300 keys a document.
    await queryRunner.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    // Rows whose vector is out of line (nearly all) are brought under 1 KB: the pairs go out of line
    // too, and the filter columns (under 900 bytes a row in the bench corpus) stay in the row.
    await queryRunner.query(`ALTER TABLE search_documents SET (toast_tuple_target = 1024)`);
    await queryRunner.query(
      `ALTER TABLE search_documents ADD COLUMN phrase_pairs integer[] GENERATED ALWAYS AS (search_phrase_pairs(document)) STORED`,
    );
    await queryRunner.query(
      `CREATE INDEX search_documents_phrase_pairs_idx ON search_documents USING gin (phrase_pairs)`,
    );
    // The pairs' frequencies, for the planner's estimate of a phrase, now rather than at autovacuum's next visit.
    await queryRunner.query(`ANALYZE search_documents`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX search_documents_phrase_pairs_idx`);
    await queryRunner.query(`ALTER TABLE search_documents DROP COLUMN phrase_pairs`);
    await queryRunner.query(`ALTER TABLE search_documents RESET (toast_tuple_target)`);
    await queryRunner.query(`DROP FUNCTION search_phrase_pairs(tsvector)`);
  }
}
