import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hangul (syllables, jamo, compatibility jamo), kana and CJK ideographs: text without spaces-based words.
const CJK = String.raw`\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3`;

/**
 * Full-text search (libs/search): one row per testimony and per incident in `search_documents`,
 * holding the text vector and every filter value, so a search reads one table and its indexes.
 *
 * Text: English (and other Latin-script text) is stemmed by the 'english' configuration; Korean,
 * Japanese and Chinese have no spaces-based words to stem, so their runs are indexed as
 * overlapping character bigrams (요덕수용소 -> 요덕 덕수 수용 용소), and a query is a phrase of its
 * bigrams: any word of two or more characters is found inside a longer word, whatever the
 * spacing. (pg_trgm cannot: a two-syllable word such as 고문 has no trigram inside 고문을.)
 * A lone character is indexed as itself. Witness identities are never read.
 *
 * Filters: the term ids of every live (not withdrawn) passage tag of a testimony, or of an
 * incident and its live sources; `event_dates` is the union of their date ranges, a "circa" range
 * widened by one year each side (README, "Search and patterns").
 *
 * Consistency: triggers on every table a document is made of mark it for refresh; the refresh is
 * a deferred constraint trigger, so it runs once per record at commit, after the transaction's
 * last change (a testimony created with five tags is rebuilt once, not six times), inside the
 * same transaction, and for COPY imports as well as service writes.
 */
export class CreateSearchDocuments1764410000000 implements MigrationInterface {
  name = 'CreateSearchDocuments1764410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION search_cjk_bigrams(input text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT coalesce(string_agg(CASE WHEN n <> ' ' THEN c || n ELSE c END, ' ' ORDER BY i), '')
          FROM (SELECT c, i, coalesce(lead(c) OVER w, ' ') AS n, coalesce(lag(c) OVER w, ' ') AS p
                  FROM unnest(regexp_split_to_array(
                         regexp_replace(lower(normalize(input, NFKC)), '[^${CJK}]+', ' ', 'g'), '')) WITH ORDINALITY AS u(c, i)
                WINDOW w AS (ORDER BY i)) s
         WHERE c <> ' ' AND (n <> ' ' OR p = ' ')
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION search_latin_text(input text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT regexp_replace(normalize(input, NFKC), '[${CJK}]+', ' ', 'g')
      $$`);
    // Title weighs A, the rest D, for ranking.
    await queryRunner.query(`
      CREATE FUNCTION search_vector(title text, body text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector('english'::regconfig, search_latin_text(coalesce(title, ''))), 'A')
            || setweight(to_tsvector('simple'::regconfig, search_cjk_bigrams(coalesce(title, ''))), 'A')
            || to_tsvector('english'::regconfig, search_latin_text(coalesce(body, '')))
            || to_tsvector('simple'::regconfig, search_cjk_bigrams(coalesce(body, '')))
      $$`);
    // Term ids of many rows, each once (array_agg of arrays needs arrays of one length).
    await queryRunner.query(
      `CREATE AGGREGATE search_concat_ids(uuid[]) (SFUNC = array_cat, STYPE = uuid[], INITCOND = '{}')`,
    );
    await queryRunner.query(`
      CREATE FUNCTION search_distinct_ids(ids uuid[]) RETURNS uuid[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT array(SELECT DISTINCT id FROM unnest(ids) AS id ORDER BY id)
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION search_event_range(date_from date, date_to date, date_precision text) RETURNS daterange
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN coalesce(date_from, date_to) IS NULL THEN NULL
               WHEN date_precision = 'circa' THEN daterange(
                 (coalesce(date_from, date_to) - interval '1 year')::date,
                 (coalesce(date_to, date_from) + interval '1 year')::date, '[]')
               ELSE daterange(coalesce(date_from, date_to), coalesce(date_to, date_from), '[]') END
      $$`);
    await queryRunner.query(`
      CREATE TABLE search_documents (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('testimony', 'incident')),
        case_id uuid NOT NULL,
        reference text NOT NULL,
        title text NOT NULL,
        witness_id uuid,
        language text,
        forum text,
        status text NOT NULL,
        witness_sex text,
        witness_birth_decade integer,
        withdrawn boolean NOT NULL,
        violation_term_ids uuid[] NOT NULL,
        act_term_ids uuid[] NOT NULL,
        facility_term_ids uuid[] NOT NULL,
        agency_term_ids uuid[] NOT NULL,
        source_connection_term_ids uuid[] NOT NULL,
        reliability_term_ids uuid[] NOT NULL,
        event_dates datemultirange NOT NULL,
        document tsvector NOT NULL,
        created_at timestamptz NOT NULL,
        refreshed_txid bigint NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX search_documents_text_idx ON search_documents USING gin (document)`);
    await queryRunner.query(
      `CREATE INDEX search_documents_terms_idx ON search_documents USING gin (violation_term_ids, act_term_ids, facility_term_ids, agency_term_ids, source_connection_term_ids, reliability_term_ids)`,
    );
    await queryRunner.query(`CREATE INDEX search_documents_case_idx ON search_documents (case_id, created_at)`);

    // A testimony's filter values: those of its live tags (the tag-only refresh reads this too).
    await queryRunner.query(`
      CREATE FUNCTION search_testimony_tag_values(testimony uuid)
        RETURNS TABLE (violation_term_ids uuid[], act_term_ids uuid[], facility_term_ids uuid[], agency_term_ids uuid[],
                       source_connection_term_ids uuid[], reliability_term_ids uuid[], event_dates datemultirange)
        LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT coalesce(search_distinct_ids(search_concat_ids(a.violation_term_ids)), '{}'),
               coalesce(search_distinct_ids(search_concat_ids(a.act_term_ids)), '{}'),
               coalesce(array_agg(DISTINCT a.facility_term_id) FILTER (WHERE a.facility_term_id IS NOT NULL), '{}'),
               coalesce(search_distinct_ids(search_concat_ids(a.agency_term_ids)), '{}'),
               coalesce(array_agg(DISTINCT a.source_connection_term_id)
                          FILTER (WHERE a.source_connection_term_id IS NOT NULL), '{}'),
               coalesce(array_agg(DISTINCT a.reliability_term_id) FILTER (WHERE a.reliability_term_id IS NOT NULL), '{}'),
               coalesce(range_agg(search_event_range(a.date_from, a.date_to, a.date_precision)), '{}'::datemultirange)
          FROM testimony_annotations a
         WHERE a.testimony_id = testimony AND a.kind = 'tag' AND a.withdrawn_at IS NULL
      $$`);
    // What a document is made of; the refresh and a rebuild both read these views.
    await queryRunner.query(`
      CREATE VIEW search_testimony_sources AS
      SELECT t.id, 'testimony'::text AS kind, t.case_id, t.reference, t.title, t.witness_id,
             t.original_language AS language, t.forum, t.status, w.sex AS witness_sex,
             (w.birth_year / 10) * 10 AS witness_birth_decade,
             (t.withdrawn_at IS NOT NULL OR w.withdrawn_at IS NOT NULL) AS withdrawn,
             tags.violation_term_ids, tags.act_term_ids, tags.facility_term_ids, tags.agency_term_ids,
             tags.source_connection_term_ids, tags.reliability_term_ids, tags.event_dates,
             search_vector(t.title, concat_ws(E'\\n', t.summary, t.narrative, tr.texts)) AS document,
             t.created_at
        FROM testimonies t
        JOIN witnesses w ON w.id = t.witness_id
        LEFT JOIN LATERAL (
          SELECT string_agg(x.text, E'\\n' ORDER BY x.language) AS texts
            FROM testimony_translations x WHERE x.testimony_id = t.id) tr ON true
        CROSS JOIN LATERAL search_testimony_tag_values(t.id) tags`);
    await queryRunner.query(`
      CREATE VIEW search_incident_sources AS
      SELECT i.id, 'incident'::text AS kind, i.case_id, i.reference, i.title, NULL::uuid AS witness_id,
             NULL::text AS language, NULL::text AS forum, i.status, NULL::text AS witness_sex,
             NULL::integer AS witness_birth_decade, i.withdrawn_at IS NOT NULL AS withdrawn,
             i.violation_term_ids, i.act_term_ids,
             CASE WHEN i.facility_term_id IS NULL THEN '{}'::uuid[] ELSE ARRAY[i.facility_term_id] END AS facility_term_ids,
             i.agency_term_ids,
             coalesce(src.source_connection_term_ids, '{}') AS source_connection_term_ids,
             coalesce(src.reliability_term_ids, '{}') AS reliability_term_ids,
             coalesce(multirange(search_event_range(i.date_from, i.date_to, i.date_precision)), '{}'::datemultirange)
               AS event_dates,
             search_vector(i.title, i.description) AS document,
             i.created_at
        FROM incidents i
        LEFT JOIN LATERAL (
          SELECT array_agg(DISTINCT s.source_connection_term_id) FILTER (WHERE s.source_connection_term_id IS NOT NULL)
                   AS source_connection_term_ids,
                 array_agg(DISTINCT s.reliability_term_id) FILTER (WHERE s.reliability_term_id IS NOT NULL)
                   AS reliability_term_ids
            FROM incident_sources s WHERE s.incident_id = i.id AND s.removed_at IS NULL) src ON true`);

    const columns = `id, kind, case_id, reference, title, witness_id, language, forum, status, witness_sex,
      witness_birth_decade, withdrawn, violation_term_ids, act_term_ids, facility_term_ids, agency_term_ids,
      source_connection_term_ids, reliability_term_ids, event_dates, document, created_at`;
    const updates = columns
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== 'id')
      .map((c) => `${c} = EXCLUDED.${c}`)
      .join(', ');
    for (const kind of ['testimony', 'incident'] as const) {
      const view = kind === 'testimony' ? 'search_testimony_sources' : 'search_incident_sources';
      // Once per record and transaction: later firings for the same record find it refreshed.
      await queryRunner.query(`
        CREATE FUNCTION search_refresh_${kind}(record_id uuid) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM search_documents WHERE id = record_id AND refreshed_txid = txid_current()) THEN
            RETURN;
          END IF;
          INSERT INTO search_documents (${columns}, refreshed_txid)
            SELECT ${columns}, txid_current() FROM ${view} WHERE id = record_id
          ON CONFLICT (id) DO UPDATE SET ${updates}, refreshed_txid = EXCLUDED.refreshed_txid;
        END
        $$`);
    }
    // A tag changes only the filter values: the text vector (the costly part) is left as it is.
    await queryRunner.query(`
      CREATE FUNCTION search_refresh_testimony_tags(record_id uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM search_documents WHERE id = record_id AND refreshed_txid = txid_current()) THEN
          RETURN;
        END IF;
        UPDATE search_documents d
           SET (violation_term_ids, act_term_ids, facility_term_ids, agency_term_ids, source_connection_term_ids,
                reliability_term_ids, event_dates) = (SELECT * FROM search_testimony_tag_values(record_id))
         WHERE d.id = record_id;
        IF NOT FOUND THEN
          PERFORM search_refresh_testimony(record_id);
        END IF;
      END
      $$`);
    // One trigger function per source table: which record's document the changed row belongs to.
    const sources: Array<{ table: string; events: string; refresh: string }> = [
      { table: 'testimonies', events: 'INSERT OR UPDATE', refresh: 'PERFORM search_refresh_testimony(NEW.id)' },
      {
        table: 'testimony_translations',
        events: 'INSERT OR UPDATE OR DELETE',
        refresh: `PERFORM search_refresh_testimony(CASE WHEN TG_OP = 'DELETE' THEN OLD.testimony_id ELSE NEW.testimony_id END)`,
      },
      {
        table: 'testimony_annotations',
        events: 'INSERT OR UPDATE',
        refresh: `IF NEW.kind = 'tag' THEN PERFORM search_refresh_testimony_tags(NEW.testimony_id); END IF`,
      },
      {
        table: 'witnesses',
        events: 'UPDATE',
        refresh: 'PERFORM search_refresh_testimony(t.id) FROM testimonies t WHERE t.witness_id = NEW.id',
      },
      { table: 'incidents', events: 'INSERT OR UPDATE', refresh: 'PERFORM search_refresh_incident(NEW.id)' },
      {
        table: 'incident_sources',
        events: 'INSERT OR UPDATE',
        refresh: 'PERFORM search_refresh_incident(NEW.incident_id)',
      },
    ];
    for (const { table, events, refresh } of sources) {
      await queryRunner.query(`
        CREATE FUNCTION search_${table}_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${refresh};
          RETURN NULL;
        END
        $$`);
      await queryRunner.query(`
        CREATE CONSTRAINT TRIGGER search_documents_refresh AFTER ${events} ON ${table}
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_${table}_changed()`);
    }
    await queryRunner.query(`
      INSERT INTO search_documents (${columns}, refreshed_txid)
        SELECT ${columns}, 0 FROM search_testimony_sources
        UNION ALL SELECT ${columns}, 0 FROM search_incident_sources`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'testimonies',
      'testimony_translations',
      'testimony_annotations',
      'witnesses',
      'incidents',
      'incident_sources',
    ]) {
      await queryRunner.query(`DROP TRIGGER search_documents_refresh ON ${table}`);
      await queryRunner.query(`DROP FUNCTION search_${table}_changed()`);
    }
    await queryRunner.query(`DROP FUNCTION search_refresh_testimony_tags(uuid)`);
    await queryRunner.query(`DROP FUNCTION search_refresh_incident(uuid)`);
    await queryRunner.query(`DROP FUNCTION search_refresh_testimony(uuid)`);
    await queryRunner.query(`DROP VIEW search_incident_sources`);
    await queryRunner.query(`DROP VIEW search_testimony_sources`);
    await queryRunner.query(`DROP FUNCTION search_testimony_tag_values(uuid)`);
    await queryRunner.query(`DROP TABLE search_documents`);
    await queryRunner.query(`DROP FUNCTION search_event_range(date, date, text)`);
    await queryRunner.query(`DROP FUNCTION search_distinct_ids(uuid[])`);
    await queryRunner.query(`DROP AGGREGATE search_concat_ids(uuid[])`);
    await queryRunner.query(`DROP FUNCTION search_vector(text, text)`);
    await queryRunner.query(`DROP FUNCTION search_latin_text(text)`);
    await queryRunner.query(`DROP FUNCTION search_cjk_bigrams(text)`);
  }
}
