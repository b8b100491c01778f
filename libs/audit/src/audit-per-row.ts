import type { EntityManager } from 'typeorm';
import type { AuditEventInput } from './audit-event.input.js';
import { prepareAuditEvent } from './audit-event.prepare.js';

/**
 * One audit event for each row a statement writes, in the same statement (bulk imports):
 * `rows` is a data-modifying CTE such as `INSERT INTO witnesses ... RETURNING id AS subject_id,
 * pseudonym`, and every row it returns becomes one event of `event` with that subject id.
 */
export interface AuditPerRow {
  /** Further CTEs before `rows` (`a AS (...), b AS (...)`), e.g. the inserts that `rows` reads from. */
  with?: string;
  /** The CTE body (no WITH): must return a column subject_id and the columns named in `details`. */
  rows: string;
  /** Parameters of `rows` ($1, $2, ...). */
  params: unknown[];
  /** What every event shares; subjectId comes from each row. */
  event: Omit<AuditEventInput, 'subjectId' | 'details'>;
  /** Detail key -> column of `rows`; the value is stored as text (or null). */
  detailColumns?: Record<string, string>;
  /** Detail key -> one text value for every event (an import id). */
  detailValues?: Record<string, string>;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FIELDS = [
  'actor_user_id',
  'actor_role',
  'action',
  'subject_type',
  'case_id',
  'request_id',
  'client_address',
  'user_agent',
  'reason',
] as const;

/**
 * Runs `spec.rows` and appends its events to audit_pending, all in one statement; returns how
 * many rows (and so events) it wrote. The details are built in SQL as RFC 8785 JSON (keys
 * sorted, strings escaped by audit_json as JSON.stringify does), so the hash the commit
 * trigger computes is the one the verifier recomputes from the stored row.
 */
export async function recordPerRow(manager: EntityManager, spec: AuditPerRow): Promise<number> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('audit events must be written inside a transaction');
  const prepared = prepareAuditEvent({ ...spec.event, details: {} });
  const params = [...spec.params];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const detailColumns = spec.detailColumns ?? {};
  const detailValues = spec.detailValues ?? {};
  const keys = [...Object.keys(detailColumns), ...Object.keys(detailValues)].sort();
  for (const key of [...keys, ...Object.values(detailColumns)]) {
    if (!NAME.test(key)) throw new TypeError(`audit detail name "${key}" must be a plain identifier`);
  }
  const members = keys.map(
    (key, i) =>
      `'${i ? ',' : ''}"${key}":' || audit_json(${
        key in detailColumns ? `r.${detailColumns[key]}::text` : `${param(detailValues[key])}::text`
      })`,
  );
  const details = members.length ? `'{' || ${members.join(' || ')} || '}'` : `'{}'`;
  const shared = FIELDS.map((field) => {
    const cast = field === 'actor_user_id' || field === 'case_id' ? '::uuid' : '::text';
    return `${param(prepared[field])}${cast}`;
  });
  const [{ count }]: Array<{ count: number }> = await manager.query(
    `WITH ${spec.with ? `${spec.with},` : ''} r AS (${spec.rows}),
     appended AS (
       INSERT INTO audit_pending (${FIELDS.join(', ')}, subject_id, details_canonical)
       SELECT ${shared.join(', ')}, r.subject_id::text, ${details} FROM r
       RETURNING 1
     )
     SELECT count(*)::int AS count FROM appended`,
    params,
  );
  return count;
}
