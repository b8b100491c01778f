import { queryOnce } from './test-database.js';

/** Anything that runs SQL and answers rows: a DataSource, an EntityManager. */
interface RowQuery {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of any SELECT
  query(sql: string, params?: unknown[]): Promise<any[]>;
}

/**
 * Reads the audit log as the API's own readers do: seal first. An event committed while another
 * commit (or the scheduled sealer) held the chain lock waits in `audit_pending` until the next seal
 * (README "Audit trail"), so a test reading `audit_events` straight after its requests could miss
 * it now and then. `db` is a DataSource or EntityManager, or a database URL for one connection.
 * The lint rule in eslint.config.js sends every test that reads `audit_events` here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows typed by the caller, as DataSource.query's
export async function readAuditLog<Row = any>(
  db: RowQuery | string,
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  if (typeof db === 'string') {
    await queryOnce(db, `SELECT audit_seal()`);
    return (await queryOnce(db, sql, params)) as Row[];
  }
  await db.query(`SELECT audit_seal()`);
  return (await db.query(sql, params)) as Row[];
}
