import type { MigrationInterface, QueryRunner } from 'typeorm';

// As in CreateSearchDocuments: every column of a document its source view gives.
const COLUMNS = `id, kind, case_id, reference, title, witness_id, language, forum, status, witness_sex,
  witness_birth_decade, withdrawn, violation_term_ids, act_term_ids, facility_term_ids, agency_term_ids,
  source_connection_term_ids, reliability_term_ids, event_dates, document, created_at`;

const KINDS = ['testimony', 'incident'] as const;
const VIEWS = { testimony: 'search_testimony_sources', incident: 'search_incident_sources' };

/** `column = <from>.column` for every column but the id. */
function assignments(from: string): string {
  return COLUMNS.split(',')
    .map((c) => c.trim())
    .filter((c) => c !== 'id')
    .map((c) => `${c} = ${from}.${c}`)
    .join(', ');
}

/** The insert of a record's document that a concurrent transaction may have written first. */
const UPSERT_TAIL = `ON CONFLICT (id) DO UPDATE SET ${assignments('EXCLUDED')}, refreshed_txid = EXCLUDED.refreshed_txid`;

/** A record's document from its source view, or the one a concurrent transaction wrote first updated. */
function insertRecord(kind: (typeof KINDS)[number]): string {
  return `INSERT INTO search_documents (${COLUMNS}, refreshed_txid)
            SELECT ${COLUMNS}, txid_current() FROM ${VIEWS[kind]} WHERE id = record_id
          ${UPSERT_TAIL}`;
}

/** search_refresh_<kind>(record_id): `body` runs once per record and transaction (later firings find it refreshed). */
function refreshRecordFunction(kind: (typeof KINDS)[number], body: string): string {
  return `
    CREATE OR REPLACE FUNCTION search_refresh_${kind}(record_id uuid) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM search_documents WHERE id = record_id AND refreshed_txid = txid_current()) THEN
        RETURN;
      END IF;
      ${body}
    END
    $$`;
}

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
 *
 * down() restores the upserts as CreateSearchDocuments and SearchRefreshInBatches defined them
 * (landed migrations are never edited, so their definitions are repeated here).
 */
export class SearchRefreshUpdateFirst1765140000000 implements MigrationInterface {
  name = 'SearchRefreshUpdateFirst1765140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const kind of KINDS) {
      await queryRunner.query(
        refreshRecordFunction(
          kind,
          `UPDATE search_documents d SET ${assignments('s')}, refreshed_txid = txid_current()
             FROM ${VIEWS[kind]} s
            WHERE s.id = record_id AND d.id = record_id;
          IF NOT FOUND THEN
            ${insertRecord(kind)};
          END IF;`,
        ),
      );
    }
    // Set-based (imports call it for the testimonies they wrote without a document): the documents
    // that exist are updated and the rest inserted. Both read the source view, whose vector is
    // computed only for the rows written (a MATERIALIZED list of the sources took as long and held
    // every vector in memory).
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION search_refresh_testimonies(record_ids uuid[]) RETURNS integer LANGUAGE sql AS $$
        WITH updated AS (
          UPDATE search_documents d SET ${assignments('s')}, refreshed_txid = txid_current()
            FROM search_testimony_sources s
           WHERE s.id = ANY(record_ids) AND d.id = s.id
          RETURNING 1),
        inserted AS (
          -- The statement's snapshot still holds the documents being updated: they are left out here.
          -- (One a concurrent transaction deletes meanwhile is not written again; nothing deletes documents.)
          INSERT INTO search_documents (${COLUMNS}, refreshed_txid)
            SELECT ${COLUMNS}, txid_current() FROM search_testimony_sources s
             WHERE s.id = ANY(record_ids) AND NOT EXISTS (SELECT 1 FROM search_documents d WHERE d.id = s.id)
          ${UPSERT_TAIL}
          RETURNING 1)
        SELECT ((SELECT count(*) FROM updated) + (SELECT count(*) FROM inserted))::integer
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const kind of KINDS) await queryRunner.query(refreshRecordFunction(kind, `${insertRecord(kind)};`));
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION search_refresh_testimonies(record_ids uuid[]) RETURNS integer LANGUAGE sql AS $$
        WITH refreshed AS (
          INSERT INTO search_documents (${COLUMNS}, refreshed_txid)
            SELECT ${COLUMNS}, txid_current() FROM search_testimony_sources WHERE id = ANY(record_ids)
          ${UPSERT_TAIL}
          RETURNING 1)
        SELECT count(*)::integer FROM refreshed
      $$`);
  }
}
