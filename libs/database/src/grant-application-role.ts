import pg from 'pg';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Lets `role` (the API's database login) read and write the application's tables but only
 * insert into and read the audit log: the triggers refuse changes, and a role that neither
 * owns `audit_events` nor may UPDATE, DELETE or TRUNCATE it cannot switch them off either.
 * Run by the migrating owner after each migration (new tables need their grants). Idempotent.
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
      `GRANT SELECT, INSERT ON audit_events TO ${role}`,
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
