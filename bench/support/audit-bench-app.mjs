// The audit library on a scratch, migrated database of its own, for the audit benchmarks.
import { AuditModule } from '../../dist/libs/audit/src/index.js';
import { withBenchApp } from './bench-app.mjs';

/** Runs `work(app, url)` with a Nest context holding AuditModule; drops the database after. */
export function withAuditBenchApp(prefix, work) {
  return withBenchApp(prefix, [AuditModule], work);
}
