// Audit verify rate (target: at least 100,000 rows/s). Uses the compiled build: `npm run build` first.
//   node bench/audit-verify.bench.mjs [rows]      (TEST_DATABASE_URL or postgres://root@127.0.0.1:5432/postgres)
// Writes a valid chain through AuditService (transactions of 10,000 events) on a scratch database,
// times AuditVerifier.verify over it right after the write and then in steady state (best of 3),
// and prints one JSON line.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { AuditAction, AuditService, AuditVerifier } from '../dist/libs/audit/src/index.js';
import { withAdminClient } from '../test/setup/test-postgres.mjs';
import { withAuditBenchApp } from './support/audit-bench-app.mjs';

const rows = Number(process.argv[2] ?? 200_000);

await withAuditBenchApp('sillok_bench_audit_verify', async (app, url) => {
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
  const verifier = app.get(AuditVerifier);
  // Right after the bulk write, reading also sets every row's hint bits and the planner has no statistics.
  const coldStart = performance.now();
  await verifier.verify();
  const coldSeconds = (performance.now() - coldStart) / 1000;
  // Steady state, as autovacuum leaves a table: statistics and hint bits set.
  await withAdminClient(url, (client) => client.query('VACUUM ANALYZE audit_events'));
  let verifySeconds = Infinity;
  let result;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    result = await verifier.verify();
    verifySeconds = Math.min(verifySeconds, (performance.now() - start) / 1000);
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
});
