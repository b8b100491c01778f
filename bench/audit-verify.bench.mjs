// Audit verify rate (target: at least 100,000 rows/s). Uses the compiled build: `npm run build` first.
//   node bench/audit-verify.bench.mjs [rows]      (TEST_DATABASE_URL or postgres://root@127.0.0.1:5432/postgres)
// Creates a scratch database, writes a valid chain through AuditService (one transaction, multi-row
// inserts), times AuditVerifier.verify over it (best of 3), prints one JSON line, and drops the database.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditAction, AuditModule, AuditService, AuditVerifier } from '../dist/libs/audit/src/index.js';
import { ConfigModule, generateEd25519PrivateKey, loadSettings } from '../dist/libs/config/src/index.js';
import { DatabaseModule, runMigrations } from '../dist/libs/database/src/index.js';
import { MIGRATIONS } from '../dist/migrations/index.js';
import { DEFAULT_TEST_SERVER, databaseUrl, withAdminClient } from '../test/setup/test-postgres.mjs';

const rows = Number(process.argv[2] ?? 200_000);
const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_SERVER;
const name = process.env.BENCH_KEEP_DB ?? `sillok_bench_audit_${process.pid}`;

await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
try {
  const url = databaseUrl(adminUrl, name);
  await runMigrations(url, MIGRATIONS);
  const settings = loadSettings({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    AUDIT_SIGNING_KEY: generateEd25519PrivateKey(),
  });
  class BenchModule {}
  Module({ imports: [ConfigModule.forRoot(settings), DatabaseModule.forRoot(url), AuditModule] })(BenchModule);
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
  try {
    const writeStart = performance.now();
    for (let done = 0; done < rows; done += 10_000) {
      await app.get(AuditService).transaction(async (_manager, audit) => {
        for (let i = done; i < Math.min(done + 10_000, rows); i++) {
          audit({
            action: AuditAction.TestimonyUpdate,
            subjectType: 'testimony',
            subjectId: `t${i}`,
            caseId: '6f1c1a8e-3f0b-4c55-9d0e-2b7f3c1d9a10',
            actor: { userId: '0b6c3b1e-58a4-4a6f-8f7e-6d3c2a1b0f9e', role: 'investigator' },
            details: { fields: ['summary', 'tags'], revision: i },
          });
        }
      });
    }
    const writeSeconds = (performance.now() - writeStart) / 1000;
    // Right after the bulk write, reading also sets every row's hint bits and the planner has no statistics.
    const coldStart = performance.now();
    await app.get(AuditVerifier).verify();
    const coldSeconds = (performance.now() - coldStart) / 1000;
    // Steady state, as autovacuum leaves a table: statistics and hint bits set.
    await withAdminClient(databaseUrl(adminUrl, name), (client) => client.query('VACUUM ANALYZE audit_events'));
    let verifySeconds = Infinity;
    let result;
    for (let run = 0; run < 3; run++) {
      const verifyStart = performance.now();
      result = await app.get(AuditVerifier).verify();
      verifySeconds = Math.min(verifySeconds, (performance.now() - verifyStart) / 1000);
      if (!result.ok) throw new Error(`chain broken at ${result.seq}: ${result.problem}`);
    }
    console.log(
      JSON.stringify({
        bench: 'audit-verify',
        rows: result.count,
        verifySeconds: Number(verifySeconds.toFixed(3)),
        verifyRowsPerSecond: Math.round(result.count / verifySeconds),
        coldVerifyRowsPerSecond: Math.round(rows / coldSeconds),
        writeRowsPerSecond: Math.round(rows / writeSeconds),
        target: 100_000,
      }),
    );
  } finally {
    await app.close();
  }
} finally {
  if (!process.env.BENCH_KEEP_DB) {
    await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}
