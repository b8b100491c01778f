import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Korean names for kwanliso No. 11, 12 and 13, which the seed (1764300002000) left without one, so
 * the vocabularies screen and the tag picker show them in Korean like every other camp. The
 * reference gazetteer (../shared/reference/taxonomy/facilities.json) gives no Hangul for these
 * three closed camps: the names transliterate the seed's own place names (Kyongsong 경성, Onsong
 * 온성, Changpyong 창평) in the form of the other camps' names (회령 제22호 관리소), copied here as
 * literals. As for the others, the Korean name and the place are also aliases, so 경성 finds No. 11.
 * Down removes exactly what up added.
 */
export class KwanlisoKoreanLabels1765070000000 implements MigrationInterface {
  name = 'KwanlisoKoreanLabels1765070000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE taxonomy_terms t
          SET label_ko = coalesce(t.label_ko, n.ko),
              aliases = t.aliases || ARRAY(SELECT a FROM unnest(n.aliases) a WHERE a <> ALL (t.aliases))
         FROM jsonb_to_recordset($1::jsonb) AS n(code text, ko text, aliases text[])
        WHERE t.scheme = 'facility' AND t.code = n.code AND t.origin = 'seed'`,
      [JSON.stringify(NAMES)],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE taxonomy_terms t
          SET label_ko = CASE WHEN t.label_ko = n.ko THEN NULL ELSE t.label_ko END,
              aliases = ARRAY(SELECT a FROM unnest(t.aliases) WITH ORDINALITY AS x(a, i)
                               WHERE a <> ALL (n.aliases) ORDER BY i)
         FROM jsonb_to_recordset($1::jsonb) AS n(code text, ko text, aliases text[])
        WHERE t.scheme = 'facility' AND t.code = n.code AND t.origin = 'seed'`,
      [JSON.stringify(NAMES)],
    );
  }
}

const camp = (number: number, place: string) => {
  const ko = `${place} 제${number}호 관리소`;
  return { code: `kwanliso-${number}`, ko, aliases: [ko, place] };
};

const NAMES = [camp(11, '경성'), camp(12, '온성'), camp(13, '창평')];
