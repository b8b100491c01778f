import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One GIN index over the text vector and every filter a search narrows by, live documents only.
 *
 * With a separate text index, a common word hands back every document holding it (a tenth of
 * a million-testimony corpus), and the case, violation or witness filters are then checked row by
 * row on the table: that row-by-row check was most of a search's time. In one multi-column GIN
 * index, PostgreSQL intersects the word's posting list with those of the filter values inside
 * the index, so only the documents that match everything are read from the table.
 * btree_gin (a trusted contrib extension) gives GIN the scalar columns; the case is indexed as a
 * one-element array, so "any of the caller's cases" is one array overlap, not one scan per case.
 * Date ranges stay a check on the row: GIN has no range operator class.
 */
export class SearchMatchIndex1764430000000 implements MigrationInterface {
  name = 'SearchMatchIndex1764430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    // The table is locked while the index builds (minutes at a million documents): memory shortens it.
    await queryRunner.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    await queryRunner.query(`DROP INDEX search_documents_text_idx`);
    await queryRunner.query(`DROP INDEX search_documents_terms_idx`);
    // Searches name the case as ARRAY[case_id] now, which this index cannot serve.
    await queryRunner.query(`DROP INDEX search_documents_case_idx`);
    await queryRunner.query(`
      CREATE INDEX search_documents_match_idx ON search_documents USING gin (
        document, (ARRAY[case_id]), violation_term_ids, act_term_ids, facility_term_ids, agency_term_ids,
        source_connection_term_ids, reliability_term_ids, kind, witness_sex, witness_birth_decade, forum, language,
        status)
      WHERE NOT withdrawn`);
    // No expression statistics on ARRAY[case_id]: without them the planner takes each case for a
    // small share of the documents and reads broad queries through this index, which measured
    // faster at a million documents (p95 132 ms against 160 ms with them, 128 MB shared_buffers).
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX search_documents_match_idx`);
    await queryRunner.query(`CREATE INDEX search_documents_case_idx ON search_documents (case_id, created_at)`);
    await queryRunner.query(
      `CREATE INDEX search_documents_terms_idx ON search_documents USING gin (violation_term_ids, act_term_ids, facility_term_ids, agency_term_ids, source_connection_term_ids, reliability_term_ids)`,
    );
    await queryRunner.query(`CREATE INDEX search_documents_text_idx ON search_documents USING gin (document)`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS btree_gin`);
  }
}
