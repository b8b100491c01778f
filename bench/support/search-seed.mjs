// Seeded generator for the search benchmark: cases, witnesses, testimonies with ~2 KB mixed
// Korean/English narratives, and ~5 passage tags each, written with COPY; then the search
// documents built in bulk from the same views the triggers use, and their indexes.
import { Buffer } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { seededRandom } from './data-generator.mjs';

const SYLLABLES = [
  ...'가나다라마바사아자차카타파하고노도로모보소오조초코토포호구누두루무부수우주추규리미비시이지기니디요덕탈북강제노동감옥',
];
const ENGLISH_SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'de', 'po', 'gra', 'str', 'en', 'or', 'ul'];
// Real words, placed among the frequent ones (rank 10-40): what investigators search for.
const KOREAN_WORDS = [
  '수용소',
  '고문',
  '보위부',
  '요덕',
  '강제노동',
  '구타',
  '처형',
  '굶주림',
  '탈북',
  '감시',
  '보위원',
  '교화소',
];
const ENGLISH_WORDS = [
  'camp',
  'torture',
  'guards',
  'beaten',
  'prisoners',
  'executed',
  'hunger',
  'escape',
  'interrogation',
];
export const VOCABULARY_SIZE = 20_000;

/** 20,000 Korean and 20,000 English words; word frequency follows rank (a few common, many rare). */
export function vocabulary() {
  const make = (syllables, real, length) => {
    const words = new Set();
    for (let i = 0; words.size < VOCABULARY_SIZE; i++) {
      let w = '';
      for (let n = i, k = 0; k < length(i); k++, n = Math.floor(n / syllables.length))
        w += syllables[n % syllables.length];
      words.add(w);
    }
    const list = [...words];
    real.forEach((w, i) => list.splice(10 + 3 * i, 0, w));
    return list.slice(0, VOCABULARY_SIZE);
  };
  return {
    ko: make(SYLLABLES, KOREAN_WORDS, (i) => (i < 3000 ? 2 : 3)),
    en: make(ENGLISH_SYLLABLES, ENGLISH_WORDS, (i) => (i < 200 ? 2 : i < 3000 ? 3 : 4)),
  };
}

/** A rank skewed toward the common words (about Zipf-like). */
const skewed = (random) => Math.floor(random() ** 3 * VOCABULARY_SIZE);

/** ~2 KB: sentences alternating Korean and English words. */
export function narrative(random, words) {
  let text = '';
  while (Buffer.byteLength(text) < 2000) {
    const list = random() < 0.5 ? words.ko : words.en;
    for (let k = 0; k < 8; k++) text += list[skewed(random)] + ' ';
    text = text.trimEnd() + '. ';
  }
  return text.trimEnd();
}

const copyField = (v) =>
  v === null || v === undefined ? '\\N' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');

async function copyRows(client, table, columns, rows) {
  const stream = client.query(copyStreams.from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(
    Readable.from(
      (function* () {
        let chunk = '';
        for (const row of rows) {
          chunk += row.map(copyField).join('\t') + '\n';
          if (chunk.length > 1 << 20) {
            yield chunk;
            chunk = '';
          }
        }
        if (chunk) yield chunk;
      })(),
    ),
    stream,
  );
}

const log = (message) => process.stderr.write(`search bench: ${message}\n`);

/**
 * Seeds `testimonies` testimonies (and testimonies/2 witnesses, 5 tags each on average) into a
 * migrated database; returns the ids the benchmark needs. Triggers are off while the base rows
 * are copied (session_replication_role = replica) and the documents are then built in bulk from
 * the triggers' own views, two connections in parallel.
 */
export async function seedSearchCorpus(url, testimonies) {
  const random = seededRandom(20261201);
  const words = vocabulary();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET session_replication_role = replica`);
    const userId = randomUUID();
    await client.query(
      `INSERT INTO users (id, email, display_name, role, password_hash) VALUES ($1, 'bench@example.org', 'Bench analyst', 'analyst', 'x')`,
      [userId],
    );
    const caseIds = Array.from({ length: 10 }, () => randomUUID());
    for (const [i, id] of caseIds.entries())
      await client.query(`INSERT INTO cases (id, reference, title, created_by) VALUES ($1, $2, $3, $4)`, [
        id,
        `CASE-2026-${String(i + 1).padStart(4, '0')}`,
        `Bench case ${i + 1}`,
        userId,
      ]);
    // The analyst sees half of the cases.
    for (const id of caseIds.slice(0, 5))
      await client.query(
        `INSERT INTO case_members (case_id, user_id, case_role, added_by) VALUES ($1, $2, 'viewer', $2)`,
        [id, userId],
      );
    const terms = async (scheme) =>
      (await client.query(`SELECT id, code FROM taxonomy_terms WHERE scheme = $1 ORDER BY code`, [scheme])).rows;
    const violations = (await terms('coi-violation')).filter((t) => t.code.includes('.'));
    const facilities = await terms('facility');
    const agencies = await terms('agency');
    const connections = await terms('source-connection');
    const reliabilities = await terms('reliability');
    const pick = (list) => list[Math.floor(random() * list.length)];

    const witnessCount = Math.max(1, Math.floor(testimonies / 2));
    const witnesses = Array.from({ length: witnessCount }, (_, i) => ({
      id: randomUUID(),
      caseId: caseIds[i % caseIds.length],
      sex: random() < 0.55 ? 'female' : random() < 0.9 ? 'male' : 'unknown',
      birthYear: 1935 + Math.floor(random() * 60),
    }));
    log(`copying ${witnessCount} witnesses`);
    await copyRows(
      client,
      'witnesses',
      ['id', 'case_id', 'pseudonym', 'sex', 'birth_year', 'created_by'],
      witnesses.map((w, i) => [w.id, w.caseId, `W-${String(i + 1).padStart(7, '0')}`, w.sex, w.birthYear, userId]),
    );
    const testimonyIds = [];
    log(`copying ${testimonies} testimonies with ~2 KB narratives`);
    await copyRows(
      client,
      'testimonies',
      ['id', 'reference', 'case_id', 'witness_id', 'forum', 'original_language', 'title', 'narrative', 'created_by'],
      (function* () {
        for (let i = 0; i < testimonies; i++) {
          const witness = witnesses[i % witnessCount];
          const id = randomUUID();
          testimonyIds.push([id, witness.caseId]);
          if (i % 100_000 === 0 && i) log(`  ${i} testimonies`);
          yield [
            id,
            `T-${String(i + 1).padStart(7, '0')}`,
            witness.caseId,
            witness.id,
            random() < 0.8 ? 'confidential_interview' : 'written_submission',
            random() < 0.7 ? 'ko' : 'en',
            `Testimony ${i + 1} ${words.ko[skewed(random)]} ${words.en[skewed(random)]}`,
            narrative(random, words),
            userId,
          ];
        }
      })(),
    );
    log(`copying ~${testimonies * 5} tags`);
    const precisions = ['exact', 'month', 'year', 'circa', 'circa', 'year'];
    await copyRows(
      client,
      'testimony_annotations',
      [
        'case_id',
        'testimony_id',
        'anchored_revision',
        'violation_term_ids',
        'facility_term_id',
        'date_from',
        'date_to',
        'date_precision',
        'agency_term_ids',
        'source_connection_term_id',
        'reliability_term_id',
        'created_by',
      ],
      (function* () {
        for (const [id, caseId] of testimonyIds) {
          const tags = 3 + Math.floor(random() * 5); // 3-7, 5 on average
          for (let k = 0; k < tags; k++) {
            const year = 1985 + Math.floor(random() * 30);
            const precision = pick(precisions);
            const exact = precision === 'exact' || precision === 'month';
            const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
            yield [
              caseId,
              id,
              1,
              `{${pick(violations).id}}`,
              random() < 0.8 ? pick(facilities).id : null,
              exact ? `${year}-${month}-01` : `${year}-01-01`,
              exact ? `${year}-${month}-28` : `${year}-12-31`,
              precision,
              random() < 0.6 ? `{${pick(agencies).id}}` : '{}',
              pick(connections).id,
              pick(reliabilities).id,
              userId,
            ];
          }
        }
      })(),
    );
    return { userId, caseIds, testimonyIds: testimonyIds.map(([id]) => id), words };
  } finally {
    await client.end();
  }
}

/** Builds every search document from the triggers' views, indexes dropped meanwhile and rebuilt after. */
export async function buildSearchDocuments(url) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const indexes = (
      await admin.query(
        `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'search_documents' AND indexname <> 'search_documents_pkey'`,
      )
    ).rows;
    for (const { indexname } of indexes) await admin.query(`DROP INDEX ${indexname}`);
    const columns = `id, kind, case_id, reference, title, witness_id, language, forum, status, witness_sex,
      witness_birth_decade, withdrawn, violation_term_ids, act_term_ids, facility_term_ids, agency_term_ids,
      source_connection_term_ids, reliability_term_ids, event_dates, document, created_at`;
    log('building search documents (2 connections)');
    const started = Date.now();
    await Promise.all(
      [0, 1].map(async (half) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`SET session_replication_role = replica`);
          await client.query(
            `INSERT INTO search_documents (${columns}, refreshed_txid)
               SELECT ${columns}, 0 FROM search_testimony_sources WHERE (hashtext(id::text) & 1) = $1`,
            [half],
          );
        } finally {
          await client.end();
        }
      }),
    );
    log(`documents built in ${((Date.now() - started) / 1000).toFixed(0)} s; building indexes`);
    await admin.query(`SET maintenance_work_mem = '512MB'`);
    for (const { indexdef } of indexes) await admin.query(indexdef);
    await admin.query(`VACUUM ANALYZE search_documents`);
    await admin.query(`ANALYZE`);
    log(`indexes built; ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
  } finally {
    await admin.end();
  }
}
