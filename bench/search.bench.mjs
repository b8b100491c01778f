// Search latency (targets at 1M testimonies: text + two filters p95 under 100 ms, facets under
// 300 ms, within 2x of the bare SQL). Uses the compiled build: `npm run build` first.
//   node bench/search.bench.mjs [--testimonies N] [--queries Q] [--keep]
//   (or BENCH_SEARCH_TESTIMONIES; default 50,000. TEST_DATABASE_URL or postgres://root@127.0.0.1:5432/postgres)
// Seeds N testimonies (~2 KB mixed Korean/English narratives, ~5 tags each) with COPY, builds the
// search documents, then times Q queries (a word, Korean or English, with two filters) through
// SearchService, and the same SQL run directly in psql (\timing) as the baseline. --keep keeps the
// seeded database (sillok_bench_search_<N>) and reuses it on the next run.
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
  facetStatement,
  pageStatement,
  SearchModule,
  SearchQuery,
  SearchService,
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
const queries = Number(option('--queries', 200));
const keep = process.argv.includes('--keep');
const log = (message) => process.stderr.write(`search bench: ${message}\n`);

const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_SERVER;
const name = keep ? `sillok_bench_search_${testimonies}` : `sillok_bench_search_${process.pid}`;
const url = databaseUrl(adminUrl, name);

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const summary = (values) => ({
  p50: Number(percentile(values, 50).toFixed(1)),
  p95: Number(percentile(values, 95).toFixed(1)),
  p99: Number(percentile(values, 99).toFixed(1)),
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

/** Runs the statements in one psql session with \timing; returns each statement's time in ms. */
function psqlTimings(statements) {
  const script = ['\\timing on', '\\o /dev/null', ...statements.map((s) => `${s.replace(/\s+/g, ' ')};`)].join('\n');
  const run = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url], { input: script, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`psql failed: ${run.stderr}`);
  return [...run.stdout.matchAll(/Time: ([\d.]+) ms/g)].map((m) => Number(m[1]));
}

async function prepareDatabase() {
  const exists = await withAdminClient(adminUrl, (client) =>
    client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]),
  );
  if (keep && exists.rowCount) {
    log(`reusing ${name}`);
    return;
  }
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  await runMigrations(url, MIGRATIONS);
  const started = performance.now();
  await seedSearchCorpus(url, testimonies);
  await buildSearchDocuments(url);
  log(`seeded ${testimonies} testimonies in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

async function withSearchService(work) {
  const settings = loadSettings({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    AUDIT_SIGNING_KEY: generateEd25519PrivateKey(),
    JWT_SECRET: 'bench-jwt-secret-that-is-long-enough-0123456789',
    IDENTITY_ENCRYPTION_KEYS: 'k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
    MFA_ENCRYPTION_KEY: 'bench-mfa-encryption-key-long-enough-0123456789',
    LOG_LEVEL: 'silent',
  });
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

await prepareDatabase();
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const [{ id: userId }] = (await client.query(`SELECT id FROM users WHERE email = 'bench@example.org'`)).rows;
  const [server] = (
    await client.query(
      `SELECT current_setting('shared_buffers') AS shared_buffers,
              (pg_relation_size('search_documents') / 1048576)::int AS table_mb,
              (pg_relation_size('search_documents_match_idx') / 1048576)::int AS index_mb`,
    )
  ).rows;
  const [{ n: documents }] = (await client.query(`SELECT count(*)::int AS n FROM search_documents`)).rows;
  const term = async (scheme, code) =>
    (await client.query(`SELECT id FROM taxonomy_terms WHERE scheme = $1 AND code = $2`, [scheme, code])).rows[0].id;
  const violationE = await term('coi-violation', 'E');
  const actor = { userId, role: 'analyst' };
  // Query words drawn evenly over the vocabulary's ranks (common and rare alike), Korean and English in turn.
  const random = seededRandom(7);
  const words = vocabulary();
  const shapes = [
    (w) => ({ q: w, violation: violationE, witnessSex: 'female' }),
    (w) => ({ q: w, facility: 'Yodeok', dateFrom: '1995-01-01', dateTo: '1999-12-31' }),
  ];
  const plans = Array.from({ length: queries }, (_, i) => {
    const list = i % 2 ? words.en : words.ko;
    const word = list[Math.floor(random() * VOCABULARY_SIZE)];
    return shapes[Math.floor(i / 2) % shapes.length](word);
  });
  const toQuery = (plan, facets) => plainToInstance(SearchQuery, { ...plan, facets, limit: 20, offset: 0 });

  await withSearchService(async (search) => {
    const caseIds = (await client.query(`SELECT case_id FROM case_members WHERE user_id = $1`, [userId])).rows.map(
      (r) => r.case_id,
    );
    const timed = async (fn) => {
      const start = performance.now();
      const result = await fn();
      return [performance.now() - start, result];
    };
    // Steady state, as a running server has it: a first pass over every query, timed on its own
    // (what each query costs when its pages are not yet in memory), so that the service and psql
    // then both run warm: whichever ran first would otherwise pay for the other's cache misses.
    const firstPass = [];
    for (const plan of plans) firstPass.push((await timed(() => search.search(actor, toQuery(plan, true))))[0]);
    const service = [];
    const serviceFacets = [];
    const hits = [];
    const statements = { page: [], facets: [] };
    for (const plan of plans) {
      const [ms, result] = await timed(() => search.search(actor, toQuery(plan, false)));
      service.push(ms);
      hits.push(result.total);
      serviceFacets.push((await timed(() => search.search(actor, toQuery(plan, true))))[0]);
      const sql = await search.buildSql(toQuery(plan, false), caseIds);
      statements.page.push(literalSql(pageStatement(sql, 20, 0)));
      statements.facets.push(literalSql(facetStatement(sql.from, sql.where, sql.params.values)));
    }
    const direct = psqlTimings(statements.page);
    const directFacets = psqlTimings(statements.facets);
    const s = summary(service);
    const f = summary(serviceFacets);
    const d = summary(direct);
    const df = summary(directFacets);
    console.log(
      JSON.stringify({
        bench: 'search',
        testimonies,
        documents,
        tags: Number((await client.query(`SELECT count(*)::int AS n FROM testimony_annotations`)).rows[0].n),
        queries,
        // What the corpus needs in memory, against what the server gives it (README, "Search at scale").
        sharedBuffers: server.shared_buffers,
        tableMB: server.table_mb,
        indexMB: server.index_mb,
        hitsPerQuery: { p50: percentile(hits, 50), p95: percentile(hits, 95), max: Math.max(...hits) },
        textTwoFiltersMs: s,
        withFacetsMs: f,
        firstPassWithFacetsMs: summary(firstPass),
        psqlTextTwoFiltersMs: d,
        psqlFacetsMs: df,
        ratio: Number((s.p95 / d.p95).toFixed(2)),
        facetsRatio: Number((f.p95 / Math.max(d.p95, df.p95)).toFixed(2)),
        target: { p95Ms: 100, facetsP95Ms: 300, ratioAtMost: 2 },
      }),
    );
  });
} finally {
  await client.end();
  if (!keep) await withAdminClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
