// Bulk import against a raw COPY of the same rows (issue 18: at least 5,000 testimonies/s end to end and
// at least 0.25 of the raw COPY).
//   node bench/import.bench.mjs [--testimonies 20000]      (after npm run build; one witness per 4 testimonies)
// Generates seeded witnesses and testimonies (Korean and English narratives of varying length, ~4.7 KB on
// average) as the import's CSV templates, imports them through ImportService (staging COPY, checks, set-based
// inserts, search documents, one audit event per record) and seals the audit chain: that is the import's time.
// Then COPYs the same rows, prepared in memory, into copies of witnesses, testimonies and testimony_revisions
// without triggers or foreign keys (CREATE TABLE ... LIKE ... INCLUDING ALL: indexes and defaults, no triggers;
// the raw baseline), and into Sillok's own tables with their search triggers, in a second case. Each layer's
// cost shows as a ratio; `searchVectorSeconds` is the time PostgreSQL takes to compute the imported
// testimonies' text vectors alone (a SELECT, nothing written). Prints one JSON line.
import 'reflect-metadata';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import copyStreams from 'pg-copy-streams';
import { AuditModule, AuditSealer, AuditVerifier } from '../dist/libs/audit/src/index.js';
import { AuthModule, UserService } from '../dist/libs/auth/src/index.js';
import { CaseService, CasesModule } from '../dist/libs/cases/src/index.js';
import { IMPORT_RECORD_TYPES, ImportService, ImportsModule } from '../dist/libs/imports/src/index.js';
import { canonicalContent } from '../dist/libs/testimonies/src/index.js';
import { benchOption, cpuSince, cpuSnapshot, MIB, round, withPeakRss } from './support/bench-args.mjs';
import { withBenchApp } from './support/bench-app.mjs';
import { CaseDataGenerator, toCsv } from './support/data-generator.mjs';

const testimonies = benchOption('testimonies', 20_000);
const witnesses = Math.max(1, Math.ceil(testimonies / 4));
const scratch = mkdtempSync(join(tmpdir(), 'sillok-bench-import-'));
const CHUNK = 1000;
const COPIED_TABLES = ['witnesses', 'testimonies', 'testimony_revisions'];

const columnsOf = (type) => IMPORT_RECORD_TYPES[type].fields.filter((f) => !f.jsonOnly).map((f) => [f.column, f.key]);

/** Writes `count` generated records as a CSV file, a chunk at a time; returns the path and its size. */
async function writeCsv(name, type, count, make) {
  const path = join(scratch, name);
  const out = createWriteStream(path);
  const columns = columnsOf(type);
  for (let start = 0; start < count; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, count - start) }, (_, i) => make(start + i));
    const text = toCsv(rows, columns);
    out.write(start === 0 ? text : text.slice(text.indexOf('\n') + 1));
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  return path;
}

const copyText = (values) =>
  values
    .map((v) =>
      v === null || v === undefined
        ? '\\N'
        : String(Array.isArray(v) ? `{${v.map((x) => `"${x}"`).join(',')}}` : v).replace(
            /[\\\t\n\r]/g,
            (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c],
          ),
    )
    .join('\t') + '\n';

async function copyInto(client, sql, lines) {
  await pipeline(
    (function* () {
      for (let i = 0; i < lines.length; i += CHUNK) yield lines.slice(i, i + CHUNK).join('');
    })(),
    client.query(copyStreams.from(sql)),
  );
}

try {
  await withBenchApp('sillok_bench_import', [AuditModule, AuthModule, CasesModule, ImportsModule], async (app) => {
    const dataSource = app.get(DataSource);
    const { user } = await app.get(UserService).create({
      email: 'bench@example.org',
      displayName: 'bench',
      role: 'coordinator',
      password: 'bench-Password-7f3k9Qz!',
    });
    const actor = { userId: user.id, role: user.role };
    const imported = await app.get(CaseService).create(actor, { title: 'import benchmark' });
    const copied = await app.get(CaseService).create(actor, { title: 'COPY baseline' });
    const generate = () => new CaseDataGenerator(42, {});
    let g = generate();
    const witnessFile = await writeCsv('witnesses.csv', 'witnesses', witnesses, (i) => g.witness(i));
    const testimonyFile = await writeCsv('testimonies.csv', 'testimonies', testimonies, (i) =>
      g.testimony(i, `W-${i % witnesses}`),
    );

    const importFile = (path, type) =>
      app.get(ImportService).run(actor, { caseId: imported.id, type, format: 'csv', source: createReadStream(path) });
    const cpu = () => cpuSnapshot((sql) => dataSource.query(sql));
    const importCpuStart = await cpu();
    const started = performance.now();
    let testimonySeconds = 0;
    const {
      result: reports,
      baselineRss,
      peakRss,
    } = await withPeakRss(async () => {
      const witnessReport = await importFile(witnessFile, 'witnesses');
      const testimoniesStarted = performance.now();
      const testimonyReport = await importFile(testimonyFile, 'testimonies');
      // End to end: the import's audit events chained too (the commit usually chains them; this seals any left).
      await app.get(AuditSealer).seal();
      testimonySeconds = (performance.now() - testimoniesStarted) / 1000;
      return [witnessReport, testimonyReport];
    });
    const importSeconds = (performance.now() - started) / 1000;
    const importCpu = cpuSince(importCpuStart, await cpu());
    const created = reports.reduce((n, r) => n + r.created, 0);
    if (created !== witnesses + testimonies) throw new Error(`imported ${created} of ${witnesses + testimonies}`);

    // The same rows, prepared before the clock starts, straight into the same tables.
    g = generate();
    const witnessIds = [];
    const witnessLines = Array.from({ length: witnesses }, (_, i) => {
      const w = g.witness(i);
      witnessIds.push(randomUUID());
      return copyText([
        witnessIds[i],
        copied.id,
        `W-${900_000_000 + i}`,
        w.sex,
        w.birthYear,
        w.provinceOfOrigin,
        w.leftDprkYear,
        w.currentCountry,
        w.languages,
        w.reprisalRisk ? 't' : 'f',
        w.externalId,
        user.id,
      ]);
    });
    const testimonyLines = [];
    const revisionLines = [];
    for (let i = 0; i < testimonies; i++) {
      const t = g.testimony(i, `W-${i % witnesses}`);
      const id = randomUUID();
      const content = canonicalContent({
        title: t.title,
        summary: t.summary,
        narrative: t.narrative,
        translations: [],
      });
      testimonyLines.push(
        copyText([
          id,
          `T-${900_000_000 + i}`,
          copied.id,
          witnessIds[i % witnesses],
          t.forum,
          t.interviewDate,
          t.interviewCity,
          t.interviewCountry,
          t.originalLanguage,
          t.interpreterUsed ? 't' : 'f',
          t.title,
          t.summary,
          t.narrative,
          t.externalId,
          user.id,
        ]),
      );
      const sha = createHash('sha256').update(content).digest('hex');
      revisionLines.push(copyText([id, 1, content, sha, ['title', 'summary', 'narrative'], user.id]));
    }
    // COPY of the prepared rows in one transaction, into `prefix`witnesses, ... ; returns the seconds it took.
    const copyAll = async (prefix) => {
      const runner = dataSource.createQueryRunner();
      const client = await runner.connect();
      const copyStarted = performance.now();
      try {
        await client.query('BEGIN');
        await copyInto(
          client,
          `COPY ${prefix}witnesses (id, case_id, pseudonym, sex, birth_year, province_of_origin, left_dprk_year,
                                   current_country, languages, reprisal_risk, external_id, created_by) FROM STDIN`,
          witnessLines,
        );
        await copyInto(
          client,
          `COPY ${prefix}testimonies (id, reference, case_id, witness_id, forum, interview_date, interview_city,
                                     interview_country, original_language, interpreter_used, title, summary,
                                     narrative, external_id, created_by)
           FROM STDIN`,
          testimonyLines,
        );
        await copyInto(
          client,
          `COPY ${prefix}testimony_revisions (testimony_id, revision, content, content_sha256, changed_fields, created_by)
           FROM STDIN`,
          revisionLines,
        );
        await client.query('COMMIT');
      } finally {
        await runner.release();
      }
      return (performance.now() - copyStarted) / 1000;
    };
    for (const table of COPIED_TABLES) {
      await dataSource.query(`CREATE TABLE bench_raw_${table} (LIKE ${table} INCLUDING ALL)`);
    }
    let cpuStart = await cpu();
    const rawSeconds = await copyAll('bench_raw_');
    const rawCopyCpu = cpuSince(cpuStart, await cpu());
    cpuStart = await cpu();
    const copySeconds = await copyAll('');
    const copyCpu = cpuSince(cpuStart, await cpu());

    // The floor the search documents set: computing the imported testimonies' text vectors, nothing else.
    cpuStart = await cpu();
    const vectorStarted = performance.now();
    await dataSource.query(
      `SELECT sum(length(search_vector(title, concat_ws(E'\\n', summary, narrative)))) FROM testimonies WHERE case_id = $1`,
      [imported.id],
    );
    const searchVectorSeconds = (performance.now() - vectorStarted) / 1000;
    const searchVectorCpu = cpuSince(cpuStart, await cpu());
    const [{ documents }] = await dataSource.query(
      `SELECT count(*)::int AS documents FROM search_documents WHERE case_id = $1 AND kind = 'testimony'`,
      [imported.id],
    );
    if (documents !== testimonies) throw new Error(`${documents} search documents for ${testimonies} testimonies`);

    const rows = witnesses + testimonies;
    const fileMB = (statSync(witnessFile).size + statSync(testimonyFile).size) / 1e6;
    const verified = await app.get(AuditVerifier).verify();
    const perSecond = (n, seconds) => Math.round(n / seconds);
    console.log(
      JSON.stringify({
        name: 'import',
        witnesses,
        testimonies,
        fileMB: round(fileMB),
        testimoniesPerSecond: perSecond(testimonies, testimonySeconds),
        importRowsPerSecond: perSecond(rows, importSeconds),
        rawCopyRowsPerSecond: perSecond(rows, rawSeconds),
        copyRowsPerSecond: perSecond(rows, copySeconds),
        ratio: round(rawSeconds / importSeconds, 3),
        ratioWithTriggers: round(copySeconds / importSeconds, 3),
        target: { testimoniesPerSecond: 5000, ratio: 0.25 },
        importSeconds: round(importSeconds, 2),
        testimonySeconds: round(testimonySeconds, 2),
        rawCopySeconds: round(rawSeconds, 2),
        copySeconds: round(copySeconds, 2),
        searchVectorSeconds: round(searchVectorSeconds, 2),
        // CPU seconds (this process, PostgreSQL's backends): what each phase costs whatever the machine's load.
        cpuSeconds: { import: importCpu, rawCopy: rawCopyCpu, copy: copyCpu, searchVector: searchVectorCpu },
        searchDocuments: documents,
        auditEventsWritten: created,
        chainOk: verified.ok,
        rssGrowthMB: round((peakRss - baselineRss) / MIB),
        loadAverage: round(loadavg()[0], 2),
      }),
    );
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
