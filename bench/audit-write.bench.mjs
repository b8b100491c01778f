// Audited write rate: 32 concurrent clients, each transaction one insert, with and without an
// audit event (AuditService.transaction), 4 s each. Target (issue 18): audited at least 0.6 of plain.
// The chain is verified after (verification first seals what commits left pending under contention). Uses the compiled build: `npm run build` first.
//   node bench/audit-write.bench.mjs     (TEST_DATABASE_URL or postgres://root@127.0.0.1:5432/postgres)
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { AuditAction, AuditService, AuditVerifier } from '../dist/libs/audit/src/index.js';
import { inTransaction } from '../dist/libs/database/src/index.js';
import { withAuditBenchApp } from './support/audit-bench-app.mjs';

const CLIENTS = 32;
const SECONDS = 4;

async function rate(work) {
  let done = 0;
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) {
        await work();
        done++;
      }
    }),
  );
  return Math.round(done / SECONDS);
}

await withAuditBenchApp('sillok_bench_audit_write', async (app) => {
  const dataSource = app.get(DataSource);
  const audit = app.get(AuditService);
  await dataSource.query(`CREATE TABLE bench_change (id serial PRIMARY KEY, label text NOT NULL)`);
  const insert = (manager) => manager.query(`INSERT INTO bench_change (label) VALUES ('x')`);
  const plain = await rate(() => inTransaction(dataSource, insert));
  const audited = await rate(() =>
    audit.transaction(async (manager, record) => {
      await insert(manager);
      record({ action: AuditAction.TestimonyCreate, subjectType: 'testimony', subjectId: 'x' });
    }),
  );
  const verified = await app.get(AuditVerifier).verify();
  console.log(
    JSON.stringify({
      bench: 'audit-write',
      clients: CLIENTS,
      plainTransactionsPerSecond: plain,
      auditedTransactionsPerSecond: audited,
      ratio: Number((audited / plain).toFixed(3)),
      target: 0.6,
      chainOk: verified.ok,
    }),
  );
});
