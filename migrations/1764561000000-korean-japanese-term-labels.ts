import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Korean and Japanese names for the violation (coi-violation), act (rome-art7, act-type) and
 * agency vocabularies, so a documenter finds a term in the language they write in (강제노동,
 * 強制労働, 보위부). The terms are those of ../shared/reference/taxonomy (seeded by
 * 1764300002000); the names are copied here as literals so nothing outside the project is read.
 * Rome Statute names follow the official Korean and Japanese translations of art. 7(1).
 *
 * - `ko` fills label_ko only where the seed had none (the seed's Hangul names stay);
 * - `ja` is kept as attributes.labelJa (there is no label_ja column) and as an alias;
 * - `aliases` are added to the term's aliases; the lookup keys follow by trigger.
 * Down removes exactly what up added.
 */
export class KoreanJapaneseTermLabels1764561000000 implements MigrationInterface {
  name = 'KoreanJapaneseTermLabels1764561000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE taxonomy_terms t
          SET label_ko = coalesce(t.label_ko, n.ko),
              attributes = t.attributes || jsonb_build_object('labelJa', n.ja),
              aliases = t.aliases || ARRAY(SELECT a FROM unnest(n.ja || n.aliases) a WHERE a <> ALL (t.aliases))
         FROM jsonb_to_recordset($1::jsonb) AS n(scheme text, code text, ko text, ja text, aliases text[])
        WHERE t.scheme = n.scheme AND t.code = n.code AND t.origin = 'seed'`,
      [JSON.stringify(withAliasArrays())],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE taxonomy_terms t
          SET label_ko = CASE WHEN n.ko IS NOT NULL AND t.label_ko = n.ko THEN NULL ELSE t.label_ko END,
              attributes = t.attributes - 'labelJa',
              aliases = ARRAY(SELECT a FROM unnest(t.aliases) WITH ORDINALITY AS x(a, i)
                               WHERE a <> ALL (n.ja || n.aliases) ORDER BY i)
         FROM jsonb_to_recordset($1::jsonb) AS n(scheme text, code text, ko text, ja text, aliases text[])
        WHERE t.scheme = n.scheme AND t.code = n.code AND t.origin = 'seed'`,
      [JSON.stringify(withAliasArrays())],
    );
  }
}

interface TermNames {
  scheme: string;
  code: string;
  /** Korean label; absent where the seed already has one. */
  ko?: string;
  ja: string;
  aliases?: string[];
}

function withAliasArrays() {
  return NAMES.map((n) => ({ ...n, ko: n.ko ?? null, aliases: n.aliases ?? [] }));
}

const v = (code: string, ko: string, ja: string, aliases?: string[]): TermNames => ({
  scheme: 'coi-violation',
  code,
  ko,
  ja,
  aliases,
});
const rome = (code: string, ko: string, ja: string, aliases?: string[]): TermNames => ({
  scheme: 'rome-art7',
  code,
  ko,
  ja,
  aliases,
});
const act = (code: string, ko: string, ja: string): TermNames => ({ scheme: 'act-type', code, ko, ja });
const agency = (code: string, ko: string | undefined, ja: string, aliases?: string[]): TermNames => ({
  scheme: 'agency',
  code,
  ko,
  ja,
  aliases,
});

const NAMES: TermNames[] = [
  v('A', '사상·표현·종교의 자유 침해', '思想・表現・宗教の自由の侵害'),
  v('A.1', '외부 정보의 접촉과 표현에 대한 감시와 처벌', '外国メディアの視聴・表現に対する監視と処罰', [
    '외부 영상물 시청 처벌',
  ]),
  v('A.2', '종교 활동의 제한과 처벌', '宗教活動の制限と処罰', ['종교 탄압', '宗教弾圧']),
  v('A.3', '강제 사상 교육', '強制的な思想教育'),
  v('B', '성분·성별·장애에 따른 차별', '出身成分・性別・障害に基づく差別'),
  v('B.1', '성분에 따른 차별 (핵심·동요·적대 계층)', '出身成分に基づく差別（核心・動揺・敵対階層）', [
    '성분 차별',
    '出身成分差別',
  ]),
  v('B.2', '성차별과 성폭력', 'ジェンダーに基づく差別と暴力'),
  v('B.3', '장애인 차별', '障害者差別'),
  v(
    'C',
    '이동·거주의 자유와 출국의 자유 침해, 강제송환',
    '移動・居住の自由と出国の自由の侵害、ノン・ルフールマン原則違反',
  ),
  v('C.1', '강제 이주와 추방 (내부 유배)', '強制移住・追放（国内流刑）', ['강제 추방']),
  v('C.2', '출국에 대한 처벌', '出国に対する処罰', ['탈북 처벌', '脱北者処罰']),
  v('C.3', '중국으로부터의 강제송환과 송환자 처우', '中国からの強制送還と送還者の処遇', ['강제북송', '強制送還']),
  v('C.4', '월경 후 인신매매 (특히 여성)', '越境後の人身売買（特に女性）', ['인신매매', '人身売買']),
  v('D', '식량권과 생명권 침해', '食料への権利と生命権の侵害'),
  v('D.1', '고의적 기아와 식량 박탈', '意図的な飢餓と食料の剥奪', ['기아', '飢餓']),
  v('D.2', '차별적 식량 배급', '差別的な食料配給'),
  v('E', '자의적 구금, 고문, 처형, 강제실종과 정치범수용소', '恣意的拘禁、拷問、処刑、強制失踪と政治犯収容所'),
  v('E.1', '자의적 체포와 구금', '恣意的な逮捕と拘禁', ['자의적 구금', '恣意的拘禁']),
  v('E.2', '신문 중 고문과 비인도적 처우', '尋問中の拷問と非人道的な扱い', ['고문', '拷問']),
  v('E.3', '공개 또는 비밀 처형', '公開または秘密の処刑', ['공개처형', '公開処刑']),
  v('E.4', '구금 중 사망', '拘禁中の死亡'),
  v('E.5', '구금 중 강제노동', '拘禁中の強制労働', ['강제노동', '強制労働']),
  v('E.6', '구금 중 기아와 의료 거부', '拘禁中の飢餓と医療の拒否'),
  v('E.7', '구금 중 강간을 포함한 성폭력', '拘禁中の強姦を含む性暴力', ['성폭력', '性暴力']),
  v('E.8', '강제 낙태와 영아 살해', '強制堕胎と嬰児殺し', ['강제낙태', '強制堕胎']),
  v('E.9', '연좌제: 가족의 구금', '連座制：家族の拘禁', ['연좌제', '連座制']),
  v('E.10', '북한 내 강제실종', '北朝鮮国内での強制失踪'),
  v('F', '타국으로부터의 납치와 강제실종', '他国からの拉致と強制失踪'),
  v('F.1', '한국전쟁 중 납치 (1950-1953)', '朝鮮戦争中の拉致（1950-1953）', ['전시 납북자']),
  v('F.2', '국군포로 송환 거부 (1953)', '捕虜の送還拒否（1953）', ['국군포로']),
  v('F.3', '전후 한국인 납치', '戦後の韓国人拉致', ['전후 납북자']),
  v('F.4', '재일동포 귀국자 (1959-1984 귀국사업)', '在日朝鮮人帰国者（1959-1984年の帰国事業）', [
    '귀국사업',
    '帰国事業',
  ]),
  v('F.5', '일본인 납치', '日本人拉致', ['拉致問題']),
  v('F.6', '기타 외국인 납치', 'その他の外国人拉致'),

  rome('7.1.a', '살해', '殺人'),
  rome('7.1.b', '절멸', '絶滅させる行為'),
  rome('7.1.c', '노예화', '奴隷化する行為', ['노예화']),
  rome('7.1.d', '주민의 추방 또는 강제이주', '住民の追放又は強制移送'),
  rome(
    '7.1.e',
    '국제법의 근본원칙을 위반한 구금 또는 신체적 자유의 다른 심각한 박탈',
    '国際法の基本的な規則に違反する拘禁その他の身体的な自由の著しいはく奪',
    ['구금', '拘禁'],
  ),
  rome('7.1.f', '고문', '拷問'),
  rome(
    '7.1.g',
    '강간, 성적 노예화, 강제매춘, 강제임신, 강제불임 또는 이에 상당하는 중대한 성폭력',
    '強姦、性的な奴隷、強制売春、強いられた妊娠状態の継続、強制断種その他あらゆる形態の性的暴力',
    ['강간', '強姦'],
  ),
  rome('7.1.h', '박해', '迫害'),
  rome('7.1.i', '사람들의 강제실종', '人の強制失踪', ['강제실종', '強制失踪']),
  rome('7.1.j', '인종차별범죄', 'アパルトヘイト犯罪'),
  rome('7.1.k', '기타 비인도적 행위', '他の非人道的な行為'),

  act('01', '생명권', '生命に対する権利'),
  act('02', '신체의 완전성', '身体の完全性'),
  act('03', '신체의 자유', '身体の自由'),
  act('05', '이동·거주', '移動・居住'),
  act('08', '재생산권', '性と生殖に関する権利'),
  act('10', '표현', '表現'),
  act('11', '신념·의견', '信条・意見'),
  act('30', '노동권', '労働に関する権利'),
  act('36', '구금·수감자', '被拘禁者・受刑者'),
  act('52', '적절한 식량', '十分な食料'),
  act('53', '건강', '健康'),

  agency('mss-state-security', undefined, '国家保衛省', ['보위부', '보위성', '保衛部', '国家保衛部']),
  agency('social-security', undefined, '社会安全省', ['안전부', '보안서', '人民保安省']),
  agency('military-security-command', '군 보위국', '軍保衛局', ['보위사령부', '保衛司令部']),
  agency('border-security-command', '국경경비총국', '国境警備総局', ['국경경비대', '国境警備隊']),
  agency('prosecutors-office', '검찰소', '検察所'),
  agency('courts', '재판소', '裁判所'),
  agency('peoples-committee', '인민위원회', '人民委員会'),
  agency('wpk-ogd', '조선노동당 조직지도부', '朝鮮労働党組織指導部', ['조직지도부', '組織指導部']),
  agency('wpk-investigation-dept', '조선노동당 중앙위원회 조사부', '朝鮮労働党中央委員会調査部'),
];
