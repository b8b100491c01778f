import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Name lookup for taxonomy terms: `taxonomy_search_key(text)` folds a name to one search
 * key, and `taxonomy_term_keys` holds the key of every code, label and alias of every term
 * (kept by a trigger, so seeded and local terms alike are always findable).
 *
 * The key folds what differs between spellings of the same Korean name and nothing else:
 *   - case, compatibility forms and diacritics (Yodŏk, ＹＯＤＯＫ -> yodok);
 *   - Korean camp designations: 제15호, 15호 -> 15; 관리소, 정치범수용소 -> camp;
 *   - English number markers and spellings: "Camp No. 15", "No.15" -> 15; labour/labor, centre/center;
 *   - apostrophes and hyphens inside words (Kaech'ŏn, kwan-li-so);
 *   - McCune-Reischauer vs Revised Romanisation, in words of two or more letters (a lone letter
 *     is part of a code: 7.1.g must not become 7.1.k): eo->o, eu->u, oi->oe, shi->si, j->ch,
 *     g->k (but not the ng ending), b->p, d->t, nl/ll->l (Yodeok = Yodok, Bukchang = Pukchang,
 *     Deukjang = Tŭkchang, Gaecheon = Kaechon);
 *   - kwanliso, kwalliso, gwalliso, gwa-li-so (all "kwaliso" once folded) -> camp, and a number
 *     before "camp" moves after it, so "Camp 15", "Kwanliso No. 15", "15호 관리소" all become camp15;
 *   - spaces and punctuation.
 * Numbers are kept as written, so Camp 14, 15, 16, 18 and 25 never share a key.
 *
 * unaccent() is only STABLE (its dictionary could change); the function names the dictionary
 * explicitly and is declared IMMUTABLE so later migrations may index expressions over it.
 * Changing the rules means a new migration that replaces the function and refreshes the keys
 * (SELECT taxonomy_refresh_term_keys(id) FROM taxonomy_terms).
 */
export class CreateTaxonomyTermKeys1764300001000 implements MigrationInterface {
  name = 'CreateTaxonomyTermKeys1764300001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION taxonomy_fold_romanisation(word text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT regexp_replace(
                 translate(
                   regexp_replace(
                     replace(replace(replace(replace(replace(word, 'eo', 'o'), 'eu', 'u'), 'oi', 'oe'), 'shi', 'si'), 'j', 'ch'),
                     '(^|[^n])g', '\\1k', 'g'),
                   'bd', 'pt'),
                 'n?l+', 'l', 'g')
      $$`);
    await queryRunner.query(String.raw`
      CREATE FUNCTION taxonomy_search_key(input text) RETURNS text
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
      DECLARE
        k text;
        folded text := '';
        part text;
      BEGIN
        k := lower(public.unaccent('public.unaccent'::regdictionary, normalize(input, NFKC)));
        k := regexp_replace(k, '제\s*([0-9]+)\s*호', ' \1 ', 'g');
        k := regexp_replace(k, '([0-9]+)\s*호', ' \1 ', 'g');
        k := regexp_replace(k, '정치범\s*수용소|관리소', ' camp ', 'g');
        k := regexp_replace(k, 'political\s+prison\s+camp', ' camp ', 'g');
        k := regexp_replace(k, '\m(no|nos|nr|num|number)\s*\.?\s*#?\s*([0-9])', ' \2', 'g');
        k := replace(replace(k, 'labour', 'labor'), 'centre', 'center');
        k := regexp_replace(k, '[''‘’ʼʻ-]', '', 'g');
        -- Romanisation folds words only: a lone letter is a code (7.1.g is not 7.1.k).
        FOR part IN SELECT m[1] FROM regexp_matches(k, '([a-z]+|[^a-z]+)', 'g') WITH ORDINALITY AS r(m, n) ORDER BY n LOOP
          folded := folded || CASE WHEN length(part) > 1 AND part ~ '^[a-z]' THEN taxonomy_fold_romanisation(part) ELSE part END;
        END LOOP;
        k := replace(folded, 'kwaliso', ' camp ');
        k := regexp_replace(k, '([0-9]+)\s*camp', ' camp\1', 'g');
        k := regexp_replace(k, '[[:space:][:punct:]\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u2e00-\u2e7f\u3000-\u303f\u30fb\ufe30-\ufe4f\uff01-\uff0f]', '', 'g');
        RETURN k;
      END
      $$`);
    await queryRunner.query(`
      CREATE TABLE taxonomy_term_keys (
        term_id uuid NOT NULL REFERENCES taxonomy_terms (id) ON DELETE CASCADE,
        field text NOT NULL CHECK (field IN ('code', 'label_en', 'label_ko', 'alias')),
        source_text text NOT NULL,
        key text NOT NULL CHECK (key <> ''),
        PRIMARY KEY (term_id, field, source_text)
      )`);
    await queryRunner.query(`CREATE INDEX ix_taxonomy_term_keys_key ON taxonomy_term_keys (key)`);
    await queryRunner.query(
      `CREATE INDEX ix_taxonomy_term_keys_key_trgm ON taxonomy_term_keys USING gin (key gin_trgm_ops)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION taxonomy_refresh_term_keys(term uuid) RETURNS void LANGUAGE sql AS $$
        DELETE FROM taxonomy_term_keys WHERE term_id = term;
        INSERT INTO taxonomy_term_keys (term_id, field, source_text, key)
          SELECT DISTINCT t.id, s.field, s.text, taxonomy_search_key(s.text)
            FROM taxonomy_terms t
            CROSS JOIN LATERAL (
              SELECT 'code', t.code UNION ALL SELECT 'label_en', t.label_en UNION ALL SELECT 'label_ko', t.label_ko
              UNION ALL SELECT 'alias', a FROM unnest(t.aliases) AS a
            ) AS s(field, text)
           WHERE t.id = term AND s.text IS NOT NULL AND taxonomy_search_key(s.text) <> '';
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION taxonomy_terms_refresh_keys() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM taxonomy_refresh_term_keys(NEW.id);
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER taxonomy_terms_keys AFTER INSERT OR UPDATE OF code, label_en, label_ko, aliases ON taxonomy_terms
        FOR EACH ROW EXECUTE FUNCTION taxonomy_terms_refresh_keys()`);
    await queryRunner.query(`SELECT taxonomy_refresh_term_keys(id) FROM taxonomy_terms`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER taxonomy_terms_keys ON taxonomy_terms`);
    await queryRunner.query(`DROP FUNCTION taxonomy_terms_refresh_keys()`);
    await queryRunner.query(`DROP FUNCTION taxonomy_refresh_term_keys(uuid)`);
    await queryRunner.query(`DROP TABLE taxonomy_term_keys`);
    await queryRunner.query(`DROP FUNCTION taxonomy_search_key(text)`);
    await queryRunner.query(`DROP FUNCTION taxonomy_fold_romanisation(text)`);
  }
}
