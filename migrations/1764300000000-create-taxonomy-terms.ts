import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Controlled vocabularies (libs/taxonomy): one row per term of a scheme (COI violation
 * categories, Rome Statute art. 7, HURIDOCS lists, facilities, agencies...). Terms are
 * referenced by id from tags and incidents, so they are never deleted: a trigger refuses
 * DELETE unless the session sets `sillok.allow_taxonomy_delete` (only the seed migration's
 * down step does). A parent must belong to the same scheme (trigger, since a composite
 * foreign key would need the scheme twice on every row).
 */
export class CreateTaxonomyTerms1764300000000 implements MigrationInterface {
  name = 'CreateTaxonomyTerms1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Korean labels and the search keys (Unicode normalisation) need a UTF8 database.
    const [{ encoding }] = await queryRunner.query(`SELECT current_setting('server_encoding') AS encoding`);
    if (encoding !== 'UTF8') {
      throw new Error(`the database must use the UTF8 encoding, not ${encoding} (CREATE DATABASE ... ENCODING 'UTF8')`);
    }
    await queryRunner.query(`
      CREATE TABLE taxonomy_terms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scheme text NOT NULL,
        code text NOT NULL,
        label_en text NOT NULL,
        label_ko text NULL,
        parent_id uuid NULL,
        aliases text[] NOT NULL DEFAULT '{}',
        notes text NULL,
        attributes jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'active',
        deprecated_reason text NULL,
        deprecated_at timestamptz NULL,
        origin text NOT NULL,
        created_by uuid NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL,
        CONSTRAINT uq_taxonomy_terms_scheme_code UNIQUE (scheme, code),
        CONSTRAINT fk_taxonomy_terms_parent FOREIGN KEY (parent_id) REFERENCES taxonomy_terms (id),
        CONSTRAINT ck_taxonomy_terms_status CHECK (status IN ('active', 'deprecated')),
        CONSTRAINT ck_taxonomy_terms_origin CHECK (origin IN ('seed', 'local')),
        CONSTRAINT ck_taxonomy_terms_deprecation CHECK ((status = 'deprecated') = (deprecated_reason IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX ix_taxonomy_terms_parent_id ON taxonomy_terms (parent_id)`);
    await queryRunner.query(`
      CREATE FUNCTION taxonomy_terms_check_parent() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.parent_id IS NOT NULL AND
           (SELECT scheme FROM taxonomy_terms WHERE id = NEW.parent_id) IS DISTINCT FROM NEW.scheme THEN
          RAISE EXCEPTION 'taxonomy term % has a parent outside its scheme %', NEW.code, NEW.scheme
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER taxonomy_terms_parent_in_scheme BEFORE INSERT OR UPDATE OF parent_id, scheme ON taxonomy_terms
        FOR EACH ROW EXECUTE FUNCTION taxonomy_terms_check_parent()`);
    await queryRunner.query(`
      CREATE FUNCTION taxonomy_terms_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(current_setting('sillok.allow_taxonomy_delete', true), '') <> 'on' THEN
          RAISE EXCEPTION 'taxonomy terms are never deleted: deprecate them' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN OLD;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER taxonomy_terms_no_delete BEFORE DELETE ON taxonomy_terms
        FOR EACH ROW EXECUTE FUNCTION taxonomy_terms_refuse_delete()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE taxonomy_terms`);
    await queryRunner.query(`DROP FUNCTION taxonomy_terms_refuse_delete()`);
    await queryRunner.query(`DROP FUNCTION taxonomy_terms_check_parent()`);
  }
}
