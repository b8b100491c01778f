// A seeded generator of realistic case data for the benchmarks: the same seed gives the same
// records. Witnesses, testimonies with Korean and English narratives of varying length, tags over
// the real vocabularies (read from the seeded taxonomy, named by code, label or alias as archives
// do), incidents, and attachment bytes of chosen sizes.
import { Buffer } from 'node:buffer';
import { Readable } from 'node:stream';

/** mulberry32: small, fast, and good enough to vary benchmark data. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KOREAN = [
  '저는 새벽 다섯 시에 일어나 밭으로 끌려갔습니다.',
  '배급은 하루에 옥수수 한 줌뿐이었습니다.',
  '보위부 사람들이 밤에 집으로 찾아왔습니다.',
  '취조는 몇 주 동안 계속되었고 잠을 잘 수 없었습니다.',
  '많은 사람이 굶주림과 병으로 죽어 갔습니다.',
  '가족이 모두 관리소로 보내졌다는 것을 나중에 알았습니다.',
  '공개 처형을 보도록 모든 수감자가 모였습니다.',
  '중국에서 강제 송환된 뒤 집결소에 갇혔습니다.',
  '광산에서 사고가 나도 아무도 치료를 받지 못했습니다.',
  '간수들은 우리를 반역자라고 불렀습니다.',
];
const ENGLISH = [
  'We were woken at five and marched to the fields.',
  'The ration was a handful of maize a day.',
  'Men from the security agency came to our house at night.',
  'The interrogation went on for weeks and I was not allowed to sleep.',
  'Many people died of hunger and disease.',
  'Only later did I learn that my whole family had been sent to the camp.',
  'All prisoners were assembled to watch the public execution.',
  'After I was repatriated from China I was held in a holding centre.',
  'When there were accidents in the mine nobody received treatment.',
  'The guards called us traitors.',
];
const PROVINCES = ['North Hamgyong', 'South Hamgyong', 'Ryanggang', 'South Pyongan', 'North Pyongan', 'Kangwon'];
const CITIES = [
  ['Seoul', 'KR'],
  ['Tokyo', 'JP'],
  ['Washington DC', 'US'],
  ['London', 'GB'],
  ['Geneva', 'CH'],
];
const FORUMS = ['confidential_interview', 'public_hearing', 'written_submission', 'other'];

/** The active terms the tags may use, with the names an archive might call them by. */
export async function loadVocabularies(query) {
  const rows = await query(
    `SELECT id, scheme, code, label_en, aliases FROM taxonomy_terms
      WHERE status = 'active' AND scheme IN ('coi-violation', 'rome-art7', 'facility', 'agency', 'reliability',
                                             'source-connection')
        AND (scheme <> 'coi-violation' OR code LIKE '%.%')
      ORDER BY scheme, code`,
  );
  const vocabularies = {};
  for (const row of rows) {
    // Several terms may share an alias; the code and English label always name one term.
    const names = [row.code, row.label_en, ...(row.scheme === 'facility' ? (row.aliases ?? []).slice(0, 2) : [])];
    (vocabularies[row.scheme] ??= []).push({ id: row.id, code: row.code, names });
  }
  return vocabularies;
}

export class CaseDataGenerator {
  constructor(seed, vocabularies) {
    this.random = seededRandom(seed);
    this.vocabularies = vocabularies;
  }

  int(min, max) {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick(list) {
    return list[Math.floor(this.random() * list.length)];
  }

  /** A narrative of 2 to ~300 sentences (most short, some long, as interviews are). */
  narrative(language) {
    const sentences = language === 'ko' ? KOREAN : ENGLISH;
    const count = 2 + Math.floor(this.random() ** 3 * 300);
    const parts = [];
    for (let i = 0; i < count; i++) parts.push(this.pick(sentences));
    return parts.join(this.random() < 0.2 ? '\n' : ' ');
  }

  witness(i) {
    return {
      externalId: `W-${i}`,
      sex: this.pick(['female', 'male', 'unknown']),
      birthYear: this.int(1930, 2000),
      provinceOfOrigin: this.pick(PROVINCES),
      leftDprkYear: this.int(1995, 2019),
      currentCountry: this.pick(['KR', 'KR', 'KR', 'JP', 'US', 'GB']),
      languages: this.random() < 0.3 ? ['ko', 'en'] : ['ko'],
      reprisalRisk: this.random() < 0.4,
    };
  }

  testimony(i, witnessExternalId) {
    const language = this.random() < 0.7 ? 'ko' : 'en';
    const [city, country] = this.pick(CITIES);
    return {
      externalId: `T-${i}`,
      witnessExternalId,
      forum: this.pick(FORUMS),
      interviewDate: `${this.int(2005, 2024)}-0${this.int(1, 9)}-1${this.int(0, 9)}`,
      interviewCity: city,
      interviewCountry: country,
      originalLanguage: language,
      interpreterUsed: language === 'en',
      title: `${language === 'ko' ? '증언' : 'Testimony'} ${i}`,
      summary: this.pick(language === 'ko' ? KOREAN : ENGLISH),
      narrative: this.narrative(language),
    };
  }

  /** A tag over the real vocabularies, its terms named as an archive might (code, label or alias). */
  tag(i, testimony) {
    const sentences = testimony.narrative.split(/(?<=\.)[ \n]/);
    const name = (scheme) => this.pick(this.pick(this.vocabularies[scheme]).names);
    const year = this.int(1980, 2015);
    return {
      externalId: `G-${i}`,
      testimonyExternalId: testimony.externalId,
      quote: this.random() < 0.8 ? this.pick(sentences) : undefined,
      violations: [name('coi-violation'), ...(this.random() < 0.3 ? [name('coi-violation')] : [])],
      acts: this.random() < 0.5 ? [name('rome-art7')] : [],
      facility: this.random() < 0.6 ? name('facility') : undefined,
      dateFrom: `${year}-01-01`,
      dateTo: `${year + this.int(0, 5)}-12-31`,
      datePrecision: 'year',
      agencies: this.random() < 0.5 ? [name('agency')] : [],
      sourceConnection: name('source-connection'),
      reliability: name('reliability'),
    };
  }

  incident(i) {
    const year = this.int(1980, 2015);
    const name = (scheme) => this.pick(this.pick(this.vocabularies[scheme]).names);
    return {
      externalId: `I-${i}`,
      title: `Incident ${i}`,
      description: this.narrative('en').slice(0, 2000),
      violations: [name('coi-violation')],
      facility: name('facility'),
      dateFrom: `${year}-01-01`,
      dateTo: `${year}-12-31`,
      datePrecision: 'year',
      status: this.pick(['draft', 'under_review', 'confirmed']),
    };
  }

  /** An attachment's bytes: `size` bytes streamed in 1 MiB chunks, seeded, never held whole. */
  attachment(size) {
    const block = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < block.length; i += 4) block.writeUInt32LE((this.random() * 2 ** 32) >>> 0, i);
    let produced = 0;
    return Readable.from(
      (function* () {
        while (produced < size) {
          const chunk = Buffer.from(block.subarray(0, Math.min(block.length, size - produced)));
          if (chunk.length >= 8) chunk.writeDoubleLE(produced, 0); // every chunk differs
          produced += chunk.length;
          yield chunk;
        }
      })(),
    );
  }
}

/** Rows as CSV with the given columns (RFC 4180 quoting; lists joined with `;`). */
export function toCsv(rows, columns) {
  const cell = (value) => {
    if (value === undefined || value === null) return '';
    const text = Array.isArray(value) ? value.join(';') : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [
    columns.map(([column]) => column).join(','),
    ...rows.map((r) => columns.map(([, key]) => cell(r[key])).join(',')),
  ]
    .join('\n')
    .concat('\n');
}
