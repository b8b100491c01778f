// Creating a testimony with 5 tags through the API under 32 concurrent clients, against the same
// rows inserted directly with pg (one transaction each, 32 connections): into trigger-less copies of
// the tables (the raw baseline; issue 18's target: at least 0.25 of it, p99 under 100 ms, 0 errors)
// and into Sillok's own tables with their triggers (search documents), so each layer's cost shows.
//   node bench/api-create.bench.mjs [--seconds 8] [--clients 32] [--api-only]     (after npm run build)
// `--api-only` runs only the one-request operations (for profiling the server: BENCH_SERVER_NODE_ARGS).
// Each operation is one POST /testimonies carrying its five tags (one transaction, as the baseline
// has it); the same rows as POST /testimonies and five POST /testimonies/:id/tags are measured too
// (`sixRequests`). Seeded Korean and English narratives, tags over the real vocabularies with quotes
// from the narrative. Prints one JSON line: operations and requests per second, p50/p99 latency of
// an operation and of a request, errors, and the CPU milliseconds an operation costs the server process
// and PostgreSQL's backends (on a shared machine wall-clock rates follow the load; CPU per operation does not).
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { canonicalContent } from '../dist/libs/testimonies/src/index.js';
import { benchOption, cpuSince, cpuSnapshot, round } from './support/bench-args.mjs';
import { cpuSecondsOf, json, withBenchServer } from './support/bench-server.mjs';
import { CaseDataGenerator, loadVocabularies } from './support/data-generator.mjs';

const seconds = benchOption('seconds', 8);
const clients = benchOption('clients', 32);
const TAGS = 5;
const apiOnly = process.argv.includes('--api-only');

/** The body of a testimony and of its five tags (term ids), generated from the seed. */
function operations(vocabularies, witnessId) {
  const g = new CaseDataGenerator(7, vocabularies);
  const ids = (scheme, n) => Array.from({ length: n }, () => g.pick(vocabularies[scheme]).id);
  return (i) => {
    const t = g.testimony(i, null);
    const testimony = {
      witnessId,
      forum: t.forum,
      interviewDate: t.interviewDate,
      originalLanguage: t.originalLanguage,
      title: t.title,
      summary: t.summary,
      narrative: t.narrative,
    };
    const tags = Array.from({ length: TAGS }, () => {
      const quote = g.tag(i, t).quote ?? t.narrative.slice(0, 20);
      const start = t.narrative.indexOf(quote);
      return {
        start,
        end: start + quote.length,
        quote,
        violationTermIds: ids('coi-violation', 1),
        facilityTermId: ids('facility', 1)[0],
        agencyTermIds: ids('agency', 1),
        reliabilityTermId: ids('reliability', 1)[0],
        dateFrom: '1997-01-01',
        dateTo: '1999-12-31',
        datePrecision: 'year',
      };
    });
    return { testimony, tags };
  };
}

/** One operation of the direct baselines: the API's rows inserted with plain SQL into `${prefix}<table>`. */
function directInserts(pool, { caseId, witnessId, userId, vocabularies, prefix }) {
  const operation = operations(vocabularies, witnessId);
  return async (i) => {
    const { testimony: t, tags } = operation(i);
    const content = canonicalContent({
      title: t.title,
      summary: t.summary,
      narrative: t.narrative,
      translations: [],
    });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(
        `INSERT INTO ${prefix}testimonies (reference, case_id, witness_id, forum, interview_date, original_language, title,
                                    summary, narrative, created_by)
           VALUES ('T-' || lpad(nextval('testimony_reference_seq')::text, 6, '0'), $1, $2, $3, $4, $5, $6, $7, $8, $9)
           RETURNING id, revision`,
        [caseId, witnessId, t.forum, t.interviewDate, t.originalLanguage, t.title, t.summary, t.narrative, userId],
      );
      await client.query(
        `INSERT INTO ${prefix}testimony_revisions (testimony_id, revision, content, content_sha256, changed_fields, created_by)
           VALUES ($1, 1, $2, $3, $4, $5)`,
        [
          rows[0].id,
          content,
          createHash('sha256').update(content).digest('hex'),
          ['title', 'summary', 'narrative'],
          userId,
        ],
      );
      for (const tag of tags) {
        await client.query(
          `INSERT INTO ${prefix}testimony_annotations (case_id, testimony_id, range_start, range_end, quote, anchored_revision,
                                               violation_term_ids, facility_term_id, agency_term_ids, reliability_term_id,
                                               date_from, date_to, date_precision, created_by)
             VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            caseId,
            rows[0].id,
            tag.start,
            tag.end,
            tag.quote,
            tag.violationTermIds,
            tag.facilityTermId,
            tag.agencyTermIds,
            tag.reliabilityTermId,
            tag.dateFrom,
            tag.dateTo,
            tag.datePrecision,
            userId,
          ],
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
}

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : 0;

/** `clients` loops running `operation` until the time is up. */
async function load(operation) {
  const latencies = [];
  let errors = 0;
  let next = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        try {
          await operation(next++);
          latencies.push(performance.now() - started);
        } catch {
          errors++;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { done: latencies.length, errors, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

await withBenchServer('bench_api_create', async ({ port, token, url, pid }) => {
  const { id: caseId } = await json(port, 'POST', '/cases', { title: 'create benchmark' }, token);
  const { id: witnessId } = await json(port, 'POST', '/witnesses', { caseId, languages: ['ko'] }, token);
  const pool = new pg.Pool({ connectionString: url, max: clients });
  // The scratch database is dropped (WITH FORCE) when the run fails: that must not hide the failure.
  pool.on('error', () => undefined);
  try {
    const query = async (sql) => (await pool.query(sql)).rows;
    const vocabularies = await loadVocabularies(query);
    const agent = new Agent({ keepAlive: true, maxSockets: clients });
    const requestLatencies = [];
    const post = (path, body) =>
      new Promise((resolve, reject) => {
        const payload = Buffer.from(JSON.stringify(body));
        const started = performance.now();
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path,
            method: 'POST',
            agent,
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              'content-length': payload.length,
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c) => (text += c));
            res.on('end', () => {
              requestLatencies.push(performance.now() - started);
              if (res.statusCode === 201) resolve(JSON.parse(text));
              else reject(new Error(`${path}: ${res.statusCode} ${text.slice(0, 200)}`));
            });
          },
        );
        req.on('error', reject);
        req.end(payload);
      });

    // CPU milliseconds an operation of `phase` costs the server process and the database's backends.
    const withCpu = async (phase) => {
      const [server, backends] = [cpuSecondsOf(pid), await cpuSnapshot(query)];
      const result = await phase();
      const postgres = cpuSince(backends, await cpuSnapshot(query)).postgres;
      const perOperation = (s) => round((s * 1000) / Math.max(1, result.done), 2);
      return {
        ...result,
        serverCpuMs: perOperation(cpuSecondsOf(pid) - server),
        postgresCpuMs: perOperation(postgres),
      };
    };
    const skipped = { done: 0, errors: 0, p50: 0, p99: 0 };

    const sixRequestOperation = operations(vocabularies, witnessId);
    const sixRequests = apiOnly
      ? skipped
      : await withCpu(() =>
          load(async (i) => {
            const { testimony, tags } = sixRequestOperation(i);
            const created = await post('/testimonies', testimony);
            for (const tag of tags) await post(`/testimonies/${created.id}/tags`, tag);
          }),
        );
    const sixRequestLatencies = requestLatencies.splice(0).sort((a, b) => a - b);
    const apiOperation = operations(vocabularies, witnessId);
    const api = await withCpu(() =>
      load(async (i) => {
        const { testimony, tags } = apiOperation(i);
        await post('/testimonies', { ...testimony, tags });
      }),
    );
    agent.destroy();

    // The same rows, one transaction an operation: into the tables themselves (with their triggers),
    // and into copies without triggers or foreign keys (CREATE TABLE ... LIKE copies neither).
    const [{ id: userId }] = (await pool.query(`SELECT id FROM users LIMIT 1`)).rows;
    for (const table of ['testimonies', 'testimony_revisions', 'testimony_annotations']) {
      await pool.query(`CREATE TABLE bench_raw_${table} (LIKE ${table} INCLUDING ALL)`);
    }
    const baseline = (prefix) =>
      apiOnly ? skipped : withCpu(() => load(directInserts(pool, { caseId, witnessId, userId, vocabularies, prefix })));
    const direct = await baseline('');
    const raw = await baseline('bench_raw_');

    const perSecond = (n) => round(n / seconds);
    console.log(
      JSON.stringify({
        name: 'api-create-testimony-5-tags',
        clients,
        seconds,
        apiOperationsPerSecond: perSecond(api.done),
        rawOperationsPerSecond: perSecond(raw.done),
        directOperationsPerSecond: perSecond(direct.done),
        ratio: apiOnly ? null : round(api.done / Math.max(1, raw.done), 3),
        ratioWithTriggers: apiOnly ? null : round(api.done / Math.max(1, direct.done), 3),
        target: { ratio: 0.25, p99Ms: 100 },
        operationP50Ms: round(api.p50),
        operationP99Ms: round(api.p99),
        serverCpuMsPerOperation: api.serverCpuMs,
        postgresCpuMsPerOperation: api.postgresCpuMs,
        rawPostgresCpuMsPerOperation: raw.postgresCpuMs,
        sixRequests: {
          operationsPerSecond: perSecond(sixRequests.done),
          requestsPerSecond: perSecond(sixRequestLatencies.length),
          ratio: round(sixRequests.done / Math.max(1, raw.done), 3),
          requestP50Ms: round(percentile(sixRequestLatencies, 0.5)),
          requestP99Ms: round(percentile(sixRequestLatencies, 0.99)),
          errors: sixRequests.errors,
          serverCpuMsPerOperation: sixRequests.serverCpuMs,
        },
        directP50Ms: round(direct.p50),
        directP99Ms: round(direct.p99),
        rawP50Ms: round(raw.p50),
        rawP99Ms: round(raw.p99),
        errors: api.errors,
        directErrors: direct.errors,
        rawErrors: raw.errors,
      }),
    );
  } finally {
    await pool.end();
  }
});
