import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Korean and Japanese names for the seeded vocabularies that had none (or no Japanese one), so facets,
 * the tag picker and the vocabularies screen stop falling back to English: the HURIDOCS-style lists
 * (source connection, reliability, date precision, location type), the abductee lists, the Rome
 * Statute art. 7 context elements (after the official Korean and Japanese translations of art. 7(1)
 * and 7(2)(a)), the camp types and the camps (Japanese names by the places' Chinese characters).
 *
 * As in 1764561000000: `ko` fills label_ko only where it is empty (the seed's Hangul names stay),
 * `ja` is attributes.labelJa (there is no label_ja column) and an alias, so the Japanese name finds
 * the term as the Korean one does (label_ko is a lookup key already).
 * Down removes exactly what up added.
 */
export class RemainingTermLabelsKoJa1765100000000 implements MigrationInterface {
  name = 'RemainingTermLabelsKoJa1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE taxonomy_terms t
          SET label_ko = coalesce(t.label_ko, n.ko),
              attributes = t.attributes || jsonb_build_object('labelJa', coalesce(t.attributes->>'labelJa', n.ja)),
              aliases = CASE WHEN n.ja = ANY (t.aliases) THEN t.aliases ELSE t.aliases || n.ja END
         FROM jsonb_to_recordset($1::jsonb) AS n(scheme text, code text, ko text, ja text)
        WHERE t.scheme = n.scheme AND t.code = n.code AND t.origin = 'seed'`,
      [JSON.stringify(NAMES)],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE taxonomy_terms t
          SET label_ko = CASE WHEN n.ko IS NOT NULL AND t.label_ko = n.ko THEN NULL ELSE t.label_ko END,
              attributes = CASE WHEN t.attributes->>'labelJa' = n.ja THEN t.attributes - 'labelJa' ELSE t.attributes END,
              aliases = array_remove(t.aliases, n.ja)
         FROM jsonb_to_recordset($1::jsonb) AS n(scheme text, code text, ko text, ja text)
        WHERE t.scheme = n.scheme AND t.code = n.code AND t.origin = 'seed'`,
      [JSON.stringify(NAMES)],
    );
  }
}

/** One scheme's names: [code, Korean (null where the seed has one), Japanese]. */
const scheme = (name: string, rows: Array<[string, string | null, string]>) =>
  rows.map(([code, ko, ja]) => ({ scheme: name, code, ko, ja }));

const camp = (number: number, place: string) =>
  [`kwanliso-${number}`, null, `${place}第${number}号管理所`] as [string, null, string];

const NAMES = [
  ...scheme('source-connection', [
    ['victim', '피해자', '被害者'],
    ['eyewitness', '목격자', '目撃者'],
    ['relative-of-victim', '피해자 가족', '被害者の親族'],
    ['hearsay', '전문(傳聞)', '伝聞'],
    ['perpetrator', '가해자', '加害者'],
    ['documentary', '문서', '文書'],
    ['other', '기타', 'その他'],
  ]),
  ...scheme('reliability', [
    ['highly-reliable', '매우 신뢰할 수 있음', '非常に信頼できる'],
    ['reliable', '신뢰할 수 있음', '信頼できる'],
    ['fairly-reliable', '대체로 신뢰할 수 있음', 'おおむね信頼できる'],
    ['unreliable', '신뢰할 수 없음', '信頼できない'],
    ['highly-unreliable', '전혀 신뢰할 수 없음', 'まったく信頼できない'],
    ['unknown', '미상', '不明'],
  ]),
  ...scheme('date-precision', [
    ['exact', '정확', '正確'],
    ['unknown-day', '일 미상', '日不明'],
    ['unknown-month-and-day', '월일 미상', '月日不明'],
    ['estimate', '추정', '推定'],
    ['unknown', '미상', '不明'],
  ]),
  ...scheme('location-type', [
    ['home', '자택', '自宅'],
    ['public-place', '공공장소', '公共の場所'],
    ['police-station', '경찰서', '警察署'],
    ['penal-institution', '교정시설', '刑事施設'],
    ['concentration-or-labour-camp', '강제수용소 또는 노동수용소', '強制収容所または労働収容所'],
    ['intelligence-agency-facility', '정보기관 시설', '情報機関の施設'],
    ['border-crossing', '국경 통과 지점', '国境通過地点'],
    ['other', '기타', 'その他'],
  ]),
  ...scheme('abductee-status', [
    ['missing', '행방불명', '行方不明'],
    ['confirmed-detained', '억류 확인', '抑留確認'],
    ['reported-dead', '사망 보고', '死亡報告'],
    ['escaped', '탈출', '脱出'],
    ['returned', '귀환', '帰還'],
    ['unknown', '미상', '不明'],
  ]),
  ...scheme('abduction-category', [
    ['korean-war', '한국전쟁 중 민간인 납북 (1950-1953)', '朝鮮戦争中の民間人拉致（1950～1953年）'],
    ['pow-non-repatriation', '미송환 국군포로 (1953)', '未送還の国軍捕虜（1953年）'],
    ['post-war-rok', '전후 납북자 (한국인)', '戦後の韓国人拉致'],
    ['returnees-japan', '재일교포 북송 (1959-1984)', '在日朝鮮人の帰国事業による帰国者（1959～1984年）'],
    ['japanese', '일본인 납치', '日本人拉致'],
    ['other-foreign', '기타 외국인 납치', 'その他の外国人拉致'],
    ['detained-rok', '북한 억류 한국인', '北朝鮮に抑留されている韓国人'],
  ]),
  ...scheme('rome-art7-context', [
    ['ctx.attack', '광범위하거나 체계적인 공격의 일부 (제7조 제1항)', '広範又は組織的な攻撃の一部（第7条1）'],
    ['ctx.civilian', '민간인 주민에 대한 공격', '文民たる住民に対する攻撃'],
    ['ctx.knowledge', '가해자의 공격에 대한 인식', '行為者による攻撃の認識'],
    [
      'ctx.policy',
      '국가 또는 조직의 정책에 따르거나 이를 추진하기 위한 것 (제7조 제2항 가호)',
      '国若しくは組織の政策に従い又は当該政策を推進するためのもの（第7条2(a)）',
    ],
  ]),
  ...scheme('facility-type', [
    ['kwanliso', null, '管理所（政治犯収容所）'],
    ['kyohwaso', null, '教化所'],
    ['kuryujang', null, '拘留場'],
    ['jipkyulso', null, '集結所'],
    ['rodong-danryeondae', null, '労働鍛錬隊'],
    ['kyoyangso', null, '教養所'],
  ]),
  ...scheme('facility', [
    camp(11, '鏡城'),
    camp(12, '穏城'),
    camp(13, '昌平'),
    camp(14, '价川'),
    camp(15, '耀徳'),
    camp(16, '化城'),
    camp(18, '北倉'),
    camp(22, '会寧'),
    camp(25, '清津'),
  ]),
];
