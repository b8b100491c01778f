// Search latency by query class (issue 24 targets at 1M testimonies: every class p95 <= 100 ms
// without facets and <= 300 ms with them; 8 concurrent clients >= 20 requests/s at p95 <= 1 s).
// Uses the compiled build: `npm run build` first.
//   node bench/search.bench.mjs [--testimonies N] [--queries Q] [--seconds S] [--keep]
//   (or BENCH_SEARCH_TESTIMONIES; default 50,000. TEST_DATABASE_URL or postgres://root@127.0.0.1:5432/postgres)
// Seeds N testimonies (~2 KB mixed Korean/English narratives whose words follow a skewed,
// Zipf-like frequency; ~5 tags each) with COPY and builds the search documents. Then, for each
// class of query (below), Q queries through SearchService without and with facets (p50/p95/p99,
// after an untimed warm-up pass), the same SQL run directly in psql (\timing) as the baseline, and
// 8 clients at once over the mixed classes for S seconds (throughput and latency). Query words are
// drawn with the corpus's own word frequencies, so common words are asked as often as they occur.
// --keep keeps the seeded database (sillok_bench_search_<N>) and reuses it on the next run.
// --seed-only (with --keep) seeds that database and stops, so a long seed can run while the
// machine is busy and the timed run can follow on a quiet one.
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import pg from 'pg';
import { AuditModule } from '../dist/libs/audit/src/index.js';
import { ConfigModule, generateEd25519PrivateKey, loadSettings } from '../dist/libs/config/src/index.js';
import { DatabaseModule, runMigrations } from '../dist/libs/database/src/index.js';
import {
  decodeCursor,
  encodeCursor,
  queryDigest,
  readPage,
  SearchModule,
  SearchQuery,
  SearchService,
  searchSessionSettings,
} from '../dist/libs/search/src/index.js';
import { MIGRATIONS } from '../dist/migrations/index.js';
import { DEFAULT_TEST_SERVER, databaseUrl, withAdminClient } from '../test/setup/test-postgres.mjs';
import { seededRandom } from './support/data-generator.mjs';
import { buildSearchDocuments, seedSearchCorpus, VOCABULARY_SIZE, vocabulary } from './support/search-seed.mjs';

const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const testimonies = Number(option('--testimonies', process.env.BENCH_SEARCH_TESTIMONIES ?? 50_000));
const queries = Number(option('--queries', 40));
const seconds = Number(option('--seconds', 30));
const CLIENTS = 8;
const seedOnly = process.argv.includes('--seed-only');
const keep = process.argv.includes('--keep') || seedOnly;
const log = (message) => process.stderr.write(`search bench: ${message}\n`);

const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_SERVER;
const name = keep ? `sillok_bench_search_${testimonies}` : `sillok_bench_search_${process.pid}`;
const url = databaseUrl(adminUrl, name);
const settings = loadSettings({
  NODE_ENV: 'test',
  DATABASE_URL: url,
  AUDIT_SIGNING_KEY: generateEd25519PrivateKey(),
  JWT_SECRET: 'bench-jwt-secret-that-is-long-enough-0123456789',
  IDENTITY_ENCRYPTION_KEYS: 'k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
  MFA_ENCRYPTION_KEY: 'bench-mfa-encryption-key-long-enough-0123456789',
  LOG_LEVEL: 'silent',
  // The bench's 8 clients share the pool with nothing else.
  SEARCH_STATEMENT_TIMEOUT_MS: process.env.SEARCH_STATEMENT_TIMEOUT_MS ?? '3000',
  // The counting threshold as the server would take it (its default when unset).
  ...(process.env.SEARCH_TRACK_TOTAL_HITS ? { SEARCH_TRACK_TOTAL_HITS: process.env.SEARCH_TRACK_TOTAL_HITS } : {}),
});

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (n) => Number(n.toFixed(1));
const summary = (values) => ({
  p50: round(percentile(values, 50)),
  p95: round(percentile(values, 95)),
  p99: round(percentile(values, 99)),
});

/** A statement with its parameters written in as literals, for psql (every parameter is cast in the SQL). */
function literalSql({ text, values }) {
  const literal = (v) =>
    v === null || v === undefined
      ? 'NULL'
      : typeof v === 'number'
        ? String(v)
        : Array.isArray(v)
          ? `'{${v.join(',')}}'`
          : `'${String(v).replace(/'/g, "''")}'`;
  return text.replace(/\$(\d+)/g, (_, n) => literal(values[Number(n) - 1]));
}

/**
 * Runs groups of statements in one psql session with \timing, each group in a transaction with
 * the search's session settings; returns each group's time in ms (its statements' sum).
 */
function psqlTimings(groups) {
  const lines = ['\\timing on', '\\o /dev/null'];
  const timed = []; // per timing line: the group it belongs to, or -1 for a setting
  groups.forEach((group, g) => {
    lines.push('BEGIN;');
    timed.push(-1);
    for (const setting of searchSessionSettings(600_000)) {
      lines.push(`${setting};`);
      timed.push(-1);
    }
    for (const { sql, settings } of group) {
      for (const setting of settings) {
        lines.push(`${setting};`);
        timed.push(-1);
      }
      lines.push(`${sql.replace(/\s+/g, ' ')};`);
      timed.push(g);
    }
    lines.push('COMMIT;');
    timed.push(-1);
  });
  const run = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url], {
    input: lines.join('\n'),
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`psql failed: ${run.stderr}`);
  const times = [...run.stdout.matchAll(/Time: ([\d.]+) ms/g)].map((m) => Number(m[1]));
  const sums = groups.map(() => 0);
  times.forEach((ms, i) => {
    if (timed[i] >= 0) sums[timed[i]] += ms;
  });
  return sums;
}

async function prepareDatabase() {
  const exists = await withAdminClient(adminUrl, (client) =>
    client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]),
  );
  if (keep && exists.rowCount) {
    log(`reusing ${name}`);
    return null;
  }
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  await runMigrations(url, MIGRATIONS);
  const started = performance.now();
  await seedSearchCorpus(url, testimonies);
  await buildSearchDocuments(url);
  const took = (performance.now() - started) / 1000;
  log(`seeded ${testimonies} testimonies in ${took.toFixed(0)} s`);
  return Math.round(took);
}

async function withSearchService(work) {
  class BenchModule {}
  Module({ imports: [ConfigModule.forRoot(settings), DatabaseModule.forRoot(url), AuditModule, SearchModule] })(
    BenchModule,
  );
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
  try {
    return await work(app.get(SearchService));
  } finally {
    await app.close();
  }
}

const seedSeconds = await prepareDatabase();
if (seedOnly) {
  log(`seeded ${name}; run again with --keep for the timed run`);
  process.exit(0);
}
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const [{ id: userId }] = (await client.query(`SELECT id FROM users WHERE email = 'bench@example.org'`)).rows;
  const [server] = (
    await client.query(
      `SELECT current_setting('shared_buffers') AS shared_buffers,
              (pg_database_size(current_database()) / 1048576)::int AS database_mb,
              (pg_total_relation_size('search_documents') / 1048576)::int AS search_documents_mb,
              (pg_relation_size('search_documents_match_idx') / 1048576)::int AS match_index_mb`,
    )
  ).rows;
  const [{ n: documents }] = (await client.query(`SELECT count(*)::int AS n FROM search_documents`)).rows;
  const term = async (scheme, code) =>
    (await client.query(`SELECT id FROM taxonomy_terms WHERE scheme = $1 AND code = $2`, [scheme, code])).rows[0].id;
  const violationE = await term('coi-violation', 'E');
  const actor = { userId, role: 'analyst' };
  const caseIds = (await client.query(`SELECT case_id FROM case_members WHERE user_id = $1`, [userId])).rows.map(
    (r) => r.case_id,
  );

  // The query mix. Words are drawn as the corpus draws them (random()^3 over the ranks), so a
  // word is asked about as often as it occurs; each class is reported on its own.
  const random = seededRandom(7);
  const words = vocabulary();
  const byFrequency = (list) => list[Math.floor(random() ** 3 * VOCABULARY_SIZE)];
  const pick = (list) => list[Math.floor(random() * list.length)];
  // Two narratives' adjacent word pairs, for phrases that occur.
  const narratives = (
    await client.query(`SELECT narrative FROM testimonies ORDER BY reference LIMIT $1`, [queries])
  ).rows.map((r) => r.narrative.split(/[\s.]+/).filter(Boolean));
  const filters = [
    { violation: violationE, witnessSex: 'female' },
    { facility: 'Yodeok', dateFrom: '1995-01-01', dateTo: '1999-12-31' },
    {},
  ];
  const classes = {
    // A word drawn by frequency, Korean or English, with two filters or none.
    words: (i) => ({ q: byFrequency(i % 2 ? words.en : words.ko), ...filters[i % 3] }),
    // The most frequent words of the corpus, alone.
    frequent: (i) => ({ q: (i % 2 ? words.en : words.ko)[Math.floor(random() * 8)] }),
    // Korean two-syllable words (the vocabulary's first 3,000 Korean words have two syllables).
    korean2: () => ({ q: words.ko[Math.floor(random() ** 3 * 3000)] }),
    // A facility by any of its names (each matches every spelling).
    facility: () => ({ q: pick(['Yodeok', '요덕', 'Yodok', 'Camp 15', 'Kwanliso No. 15']) }),
    // Browsing: filters only, no words.
    browse: (i) => [{ violation: violationE, witnessSex: 'female' }, { kind: 'testimony', language: 'ko' }, {}][i % 3],
    // Two adjacent words of a narrative, quoted.
    phrase: (i) => {
      const text = narratives[i % narratives.length];
      const at = Math.floor(random() * (text.length - 1));
      return { q: `"${text[at]} ${text[at + 1]}"` };
    },
  };
  const plans = Object.entries(classes).flatMap(([cls, make]) =>
    Array.from({ length: queries }, (_, i) => ({ cls, query: make(i) })),
  );
  const toQuery = (plan, facets, page = {}) =>
    plainToInstance(SearchQuery, { ...plan.query, facets, limit: 20, offset: 0, ...page });

  await withSearchService(async (search) => {
    const timed = async (fn) => {
      const start = performance.now();
      const result = await fn();
      return [performance.now() - start, result];
    };
    // Deep pages: the page after the 1,000th-5,000th hit of a frequent word (or a browse), as a client
    // reaches it by following `next`: the cursor is made here from the hit found by direct SQL, and
    // carries what the query's first page counted, as every `next` past the count does.
    const deepPlans = [];
    const deepSources = plans.filter((p) => p.cls === 'frequent' || p.cls === 'browse');
    for (let i = 0; i < queries; i++) {
      const source = deepSources[(i * 7) % deepSources.length];
      const sql = await search.buildSql(toQuery(source, false), caseIds);
      const depth = 1000 + Math.floor(random() * 4000);
      const [row] = (
        await client.query(
          `SELECT to_json(d.created_at) #>> '{}' AS t, d.id FROM ${sql.from} WHERE ${sql.where.join(' AND ')}
            ORDER BY d.created_at DESC, d.id OFFSET ${depth} LIMIT 1`,
          sql.params.values,
        )
      ).rows;
      if (!row) continue;
      const first = await search.search(actor, toQuery(source, false));
      const counted = first.next ? decodeCursor(first.next).counted : null;
      deepPlans.push({
        cls: 'deep',
        query: source.query,
        after: encodeCursor({ order: 'newest', rank: null, createdAt: row.t, id: row.id, counted }),
      });
    }
    const all = [...plans, ...deepPlans];
    // A search stopped by SEARCH_STATEMENT_TIMEOUT_MS (503) counts as an error, timed as it took.
    let errors503 = 0;
    const run = (plan, facets) =>
      search.search(actor, toQuery(plan, facets, plan.after ? { after: plan.after } : {})).catch((error) => {
        if (error?.code !== 'unavailable') throw error;
        errors503++;
        return { failed: true, total: { value: -1, relation: 'eq' } };
      });

    // Steady state, as a running server has it: a first pass over every query, untimed for the
    // classes, so that the service and psql then both run warm.
    const firstPass = [];
    for (const plan of all) firstPass.push((await timed(() => run(plan, true)))[0]);
    const firstPassErrors = errors503;
    const results = {};
    const psqlGroups = [];
    const psqlFacetGroups = [];
    for (const plan of all) {
      const entry = (results[plan.cls] ??= {
        service: [],
        facets: [],
        hits: [],
        gte: 0,
        errors: 0,
        psql: [],
        psqlFacets: [],
      });
      const [ms, result] = await timed(() => run(plan, false));
      entry.service.push(ms);
      if (result.failed) entry.errors++;
      else entry.hits.push(result.total.value);
      if (result.total.relation === 'gte') entry.gte++;
      const [facetMs, withFacets] = await timed(() => run(plan, true));
      entry.facets.push(facetMs);
      if (withFacets.failed) entry.errors++;
      // The same SQL the service ran, for psql.
      const query = toQuery(plan, false, plan.after ? { after: plan.after } : {});
      const sql = await search.buildSql(query, caseIds);
      const page = { limit: 20, offset: 0, after: plan.after ? decodeCursor(plan.after) : null };
      // The statements the service's own page reader runs, recorded for psql (with the walk's settings).
      const countAtMost = settings.SEARCH_TRACK_TOTAL_HITS;
      const groupOf = async (facets) => {
        const group = [];
        await client.query('BEGIN READ ONLY');
        for (const setting of searchSessionSettings(600_000)) await client.query(setting);
        const recording = async (statement, walkSettings = []) => {
          group.push({ sql: literalSql(statement), settings: walkSettings });
          for (const setting of walkSettings) await client.query(setting);
          return (await client.query(statement.text, statement.values)).rows;
        };
        const carried = page.after?.counted?.query === queryDigest(sql) ? page.after.counted.density : null;
        const read = await readPage(recording, sql, { page, countAtMost, facets, carried });
        await client.query('COMMIT');
        return { group, plan: read.plan };
      };
      const [plainRead, facetRead] = [await groupOf(false), await groupOf(true)];
      const plans = (results[plan.cls].plans ??= {});
      plans[plainRead.plan] = (plans[plainRead.plan] ?? 0) + 1;
      psqlGroups.push([plan.cls, plainRead.group]);
      psqlFacetGroups.push([plan.cls, facetRead.group]);
    }
    psqlTimings(psqlGroups.map(([, g]) => g)).forEach((ms, i) => results[psqlGroups[i][0]].psql.push(ms));
    psqlTimings(psqlFacetGroups.map(([, g]) => g)).forEach((ms, i) =>
      results[psqlFacetGroups[i][0]].psqlFacets.push(ms),
    );

    // 8 clients at once over the mixed classes (facets on, as the web client asks), for `seconds`.
    const latencies = [];
    let errors = 0;
    const until = performance.now() + seconds * 1000;
    const mix = seededRandom(11);
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < until) {
          const plan = all[Math.floor(mix() * all.length)];
          const start = performance.now();
          const result = await run(plan, true).catch(() => ({ failed: true }));
          latencies.push(performance.now() - start);
          if (result.failed) errors++;
        }
      }),
    );

    const classes = Object.fromEntries(
      Object.entries(results).map(([cls, r]) => [
        cls,
        {
          queries: r.service.length,
          hits: { p50: percentile(r.hits, 50), max: Math.max(...r.hits), countedPast: r.gte },
          timeouts: r.errors,
          // How many queries each page plan served: bounded (all hits counted), sorted or walk.
          plans: r.plans,
          ms: summary(r.service),
          facetsMs: summary(r.facets),
          psqlMs: summary(r.psql),
          psqlFacetsMs: summary(r.psqlFacets),
        },
      ]),
    );
    const worst = (key) => Math.max(...Object.values(classes).map((c) => c[key].p95));
    const worstPsql = Math.max(...Object.values(classes).map((c) => Math.max(c.psqlMs.p95, c.psqlFacetsMs.p95)));
    console.log(
      JSON.stringify({
        bench: 'search',
        testimonies,
        documents,
        seedSeconds,
        queriesPerClass: queries,
        sharedBuffers: server.shared_buffers,
        databaseMB: server.database_mb,
        searchDocumentsMB: server.search_documents_mb,
        matchIndexMB: server.match_index_mb,
        countedExactlyUpTo: settings.SEARCH_TRACK_TOTAL_HITS,
        classes,
        worstP95Ms: round(worst('ms')),
        worstFacetsP95Ms: round(worst('facetsMs')),
        firstPassWithFacetsMs: summary(firstPass),
        firstPassTimeouts: firstPassErrors,
        concurrent: {
          clients: CLIENTS,
          seconds,
          requests: latencies.length,
          errors,
          perSecond: round(latencies.length / seconds),
          ms: summary(latencies),
        },
        // Our worst class p95 (with facets) over the worst bare-SQL p95 of the same statements.
        ratio: Number((worst('facetsMs') / worstPsql).toFixed(2)),
        target: { p95Ms: 100, facetsP95Ms: 300, concurrentPerSecond: 20, concurrentP95Ms: 1000 },
      }),
    );
  });
} finally {
  await client.end();
  if (!keep) await withAdminClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
