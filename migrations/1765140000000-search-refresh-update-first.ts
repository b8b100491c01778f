import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  refreshRecordByUpsert,
  SEARCH_DOCUMENT_COLUMNS,
  searchDocumentAssignments,
  searchSourceView,
} from './1764410000000-create-search-documents.js';
import { refreshTestimoniesByUpsert } from './1765090000000-search-refresh-in-batches.js';

const KINDS = ['testimony', 'incident'] as const;

/**
 * A document that exists is refreshed by an UPDATE, not an upsert: its phrase pairs are computed
 * once per edit instead of twice (stop 21's follow-up).
 *
 * `INSERT ... ON CONFLICT DO UPDATE` computes a table's stored generated columns for the row it
 * proposes to insert, and again for the row it updates. Since SearchPhrasePairs every document has
 * one (`phrase_pairs`, about half a millisecond of PostgreSQL CPU for a 4.7 KB testimony), so each
 * edit of an indexed record paid for its pairs twice. Now the refresh updates the document from its
 * source view and inserts only when there is none; the insert keeps ON CONFLICT for a record that a
 * concurrent transaction indexes first. The documents written are the same.
 */
export class SearchRefreshUpdateFirst1765140000000 implements MigrationInterface {
  name = 'SearchRefreshUpdateFirst1765140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const kind of KINDS) {
      await queryRunner.query(`
        CREATE OR REPLACE FUNCTION search_refresh_${kind}(record_id uuid) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM search_documents WHERE id = record_id AND refreshed_txid = txid_current()) THEN
            RETURN;
          END IF;
          UPDATE search_documents d SET ${searchDocumentAssignments('s')}, refreshed_txid = txid_current()
            FROM ${searchSourceView(kind)} s
           WHERE s.id = record_id AND d.id = record_id;
          IF NOT FOUND THEN
            INSERT INTO search_documents (${SEARCH_DOCUMENT_COLUMNS}, refreshed_txid)
              SELECT ${SEARCH_DOCUMENT_COLUMNS}, txid_current() FROM ${searchSourceView(kind)} WHERE id = record_id
            ON CONFLICT (id) DO UPDATE SET ${searchDocumentAssignments('EXCLUDED')}, refreshed_txid = EXCLUDED.refreshed_txid;
          END IF;
        END
        $$`);
    }
    // Set-based, for imports: the documents that exist are updated and the rest inserted. Both read
    // the source view (each row's vector is computed only where its row is written: 1,000
    // documents of 4.7 KB refreshed in 1.55 s, new or existing; a MATERIALIZED list of the
    // sources took as long and held every vector in memory).
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION search_refresh_testimonies(record_ids uuid[]) RETURNS integer LANGUAGE sql AS $$
        WITH updated AS (
          UPDATE search_documents d SET ${searchDocumentAssignments('s')}, refreshed_txid = txid_current()
            FROM search_testimony_sources s
           WHERE s.id = ANY(record_ids) AND d.id = s.id
          RETURNING 1),
        inserted AS (
          -- The statement's snapshot still holds the documents being updated: they are left out here.
          INSERT INTO search_documents (${SEARCH_DOCUMENT_COLUMNS}, refreshed_txid)
            SELECT ${SEARCH_DOCUMENT_COLUMNS}, txid_current() FROM search_testimony_sources s
             WHERE s.id = ANY(record_ids) AND NOT EXISTS (SELECT 1 FROM search_documents d WHERE d.id = s.id)
          ON CONFLICT (id) DO UPDATE SET ${searchDocumentAssignments('EXCLUDED')}, refreshed_txid = EXCLUDED.refreshed_txid
          RETURNING 1)
        SELECT ((SELECT count(*) FROM updated) + (SELECT count(*) FROM inserted))::integer
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const kind of KINDS) await queryRunner.query(refreshRecordByUpsert(kind));
    await queryRunner.query(refreshTestimoniesByUpsert());
  }
}
