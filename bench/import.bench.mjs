// Bulk import against a raw COPY of the same rows into the same tables (target: at least half).
//   node bench/import.bench.mjs [--testimonies 20000]      (after npm run build; one witness per 4 testimonies)
// Generates seeded witnesses and testimonies (Korean and English narratives of varying length) as the
// import's CSV templates, imports them through ImportService (staging COPY, checks, set-based inserts,
// one audit event per record), then COPYs the same rows, prepared in memory, straight into witnesses,
// testimonies and testimony_revisions of a second case. Prints one JSON line.
import 'reflect-metadata';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import copyStreams from 'pg-copy-streams';
import { AuditModule, AuditVerifier } from '../dist/libs/audit/src/index.js';
import { AuthModule, UserService } from '../dist/libs/auth/src/index.js';
import { CaseService, CasesModule } from '../dist/libs/cases/src/index.js';
import { IMPORT_RECORD_TYPES, ImportService, ImportsModule } from '../dist/libs/imports/src/index.js';
import { canonicalContent } from '../dist/libs/testimonies/src/index.js';
import { benchOption, MIB, round, withPeakRss } from './support/bench-args.mjs';
import { withBenchApp } from './support/bench-app.mjs';
import { CaseDataGenerator, toCsv } from './support/data-generator.mjs';

const testimonies = benchOption('testimonies', 20_000);
const witnesses = Math.max(1, Math.ceil(testimonies / 4));
const scratch = mkdtempSync(join(tmpdir(), 'sillok-bench-import-'));
const CHUNK = 1000;

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
    const started = performance.now();
    const {
      result: reports,
      baselineRss,
      peakRss,
    } = await withPeakRss(async () => [
      await importFile(witnessFile, 'witnesses'),
      await importFile(testimonyFile, 'testimonies'),
    ]);
    const importSeconds = (performance.now() - started) / 1000;
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
    const runner = dataSource.createQueryRunner();
    const client = await runner.connect();
    const copyStarted = performance.now();
    try {
      await client.query('BEGIN');
      await copyInto(
        client,
        `COPY witnesses (id, case_id, pseudonym, sex, birth_year, province_of_origin, left_dprk_year, current_country,
                         languages, reprisal_risk, external_id, created_by) FROM STDIN`,
        witnessLines,
      );
      await copyInto(
        client,
        `COPY testimonies (id, reference, case_id, witness_id, forum, interview_date, interview_city, interview_country,
                           original_language, interpreter_used, title, summary, narrative, external_id, created_by)
         FROM STDIN`,
        testimonyLines,
      );
      await copyInto(
        client,
        `COPY testimony_revisions (testimony_id, revision, content, content_sha256, changed_fields, created_by) FROM STDIN`,
        revisionLines,
      );
      await client.query('COMMIT');
    } finally {
      await runner.release();
    }
    const copySeconds = (performance.now() - copyStarted) / 1000;

    const rows = witnesses + testimonies;
    const fileMB = (statSync(witnessFile).size + statSync(testimonyFile).size) / 1e6;
    const verified = await app.get(AuditVerifier).verify();
    console.log(
      JSON.stringify({
        name: 'import',
        witnesses,
        testimonies,
        fileMB: round(fileMB),
        importRowsPerSecond: Math.round(rows / importSeconds),
        copyRowsPerSecond: Math.round(rows / copySeconds),
        ratio: round(copySeconds / importSeconds, 3),
        importSeconds: round(importSeconds, 2),
        copySeconds: round(copySeconds, 2),
        auditEventsWritten: created,
        chainOk: verified.ok,
        rssGrowthMB: round((peakRss - baselineRss) / MIB),
      }),
    );
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
