import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Newest-first pages of a common word read about a page of rows (README, "Search at scale").
 *
 * A search with more hits than it counts exactly (SEARCH_TRACK_TOTAL_HITS) takes its page by
 * walking this index newest first and checking each live document against the query, stopping
 * at the page: a word in a quarter of the documents reads about four rows per hit shown, where
 * the GIN index would hand back every hit to be fetched and sorted. Keyset cursors (`after`)
 * start the walk where the previous page ended. Ties on created_at (documents of one import)
 * are broken by id, as the page orders them.
 *
 * The text vector's statistics target is raised so that the planner knows the frequency of more
 * words (ts_typanalyze keeps ten times the target in most common lexemes): its estimates of a
 * common word's hits were twenty times too low, which steered the plans. The next ANALYZE (autovacuum's,
 * or an explicit one) reads them; the migration does not, to stay quick on a large table.
 */
export class SearchNewestIndex1765030000000 implements MigrationInterface {
  name = 'SearchNewestIndex1765030000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX search_documents_newest_idx ON search_documents (created_at DESC, id) WHERE NOT withdrawn`,
    );
    await queryRunner.query(`ALTER TABLE search_documents ALTER COLUMN document SET STATISTICS 1000`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE search_documents ALTER COLUMN document SET STATISTICS -1`);
    await queryRunner.query(`DROP INDEX search_documents_newest_idx`);
  }
}
