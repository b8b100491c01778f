import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { bearer, type LoggedInUser } from '../support/auth-fixtures.js';
import { ROOT } from '../support/processes.js';
import type { TestApp } from '../support/test-app.js';
import { readAuditLog } from '../support/audit-log.js';

export const EXAMPLES = join(ROOT, 'examples/import');

/** The example files, in the order an archive is imported (later types refer to earlier ones). */
export const EXAMPLE_FILES = [
  ['witnesses', 'witnesses.csv'],
  ['witnesses', 'witnesses.jsonl'],
  ['testimonies', 'testimonies.csv'],
  ['testimonies', 'testimonies.jsonl'],
  ['tags', 'tags.csv'],
  ['incidents', 'incidents.csv'],
  ['incidents', 'incidents.jsonl'],
] as const;

const MEDIA_TYPE = { csv: 'text/csv', jsonl: 'application/x-ndjson' };

/** POSTs a file's text to /cases/:id/imports as the raw body. */
export function postImport(
  t: TestApp,
  user: LoggedInUser,
  caseId: string,
  type: string,
  body: string,
  format: 'csv' | 'jsonl' = 'csv',
  query = '',
) {
  return t
    .http()
    .post(`/cases/${caseId}/imports?type=${type}${query}`)
    .set(bearer(user))
    .set('content-type', MEDIA_TYPE[format])
    .send(body);
}

export function example(name: string): string {
  return readFileSync(join(EXAMPLES, name), 'utf8');
}

export const formatOf = (name: string) => (name.endsWith('.csv') ? 'csv' : 'jsonl');

/** Row counts of the tables an import writes, and of the audit trail. */
export async function counts(t: TestApp, caseId: string): Promise<Record<string, number>> {
  const [row] = await readAuditLog(
    t.app.get(DataSource),
    `SELECT (SELECT count(*) FROM witnesses WHERE case_id = $1)::int AS witnesses,
            (SELECT count(*) FROM testimonies WHERE case_id = $1)::int AS testimonies,
            (SELECT count(*) FROM testimony_revisions r JOIN testimonies t ON t.id = r.testimony_id
              WHERE t.case_id = $1)::int AS revisions,
            (SELECT count(*) FROM testimony_annotations WHERE case_id = $1)::int AS tags,
            (SELECT count(*) FROM incidents WHERE case_id = $1)::int AS incidents,
            (SELECT count(*) FROM audit_events WHERE case_id = $1 AND action <> 'import.run')::int AS audit`,
    [caseId],
  );
  return row;
}
