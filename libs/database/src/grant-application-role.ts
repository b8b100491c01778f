import pg from 'pg';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Lets `role` (the API's database login) read and write the application's tables but only
 * read the audit log and append to it through `audit_pending` (INSERT only): the chaining
 * trigger, which runs as the schema owner, moves the rows into `audit_events` at commit with
 * the database's time and order. The role cannot insert a row of its own making into
 * `audit_events` (a backdated one), nor delete its pending events before they are chained,
 * nor, owning neither table, switch the triggers off. Run by the migrating owner after each
 * migration (new tables need their grants). Idempotent.
 */
export async function grantApplicationRole(url: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'sillok-migrate' });
  await client.connect();
  try {
    await requireOrdinaryRole(client, role);
    await client.query('BEGIN');
    for (const statement of [
      `GRANT USAGE ON SCHEMA public TO ${role}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
      `REVOKE ALL ON audit_events FROM ${role}`,
      `GRANT SELECT ON audit_events TO ${role}`,
      `REVOKE ALL ON audit_pending FROM ${role}`,
      `GRANT INSERT ON audit_pending TO ${role}`,
    ]) {
      await client.query(statement);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Checks `role` before anything is migrated: a plain name, an existing role, not a superuser. */
export async function checkApplicationRole(url: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'sillok-migrate' });
  await client.connect();
  try {
    await requireOrdinaryRole(client, role);
  } finally {
    await client.end();
  }
}

async function requireOrdinaryRole(client: pg.Client, role: string): Promise<void> {
  if (!ROLE_NAME.test(role)) throw new Error(`--grant-to: "${role}" is not a plain role name (a-z, 0-9, _)`);
  const { rows } = await client.query(`SELECT rolsuper FROM pg_roles WHERE rolname = $1`, [role]);
  if (rows.length === 0) throw new Error(`--grant-to: the role ${role} does not exist (create it first)`);
  if (rows[0].rolsuper) throw new Error(`--grant-to: ${role} is a superuser; the API must run as an ordinary role`);
}
