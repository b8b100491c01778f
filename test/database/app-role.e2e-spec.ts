/* eslint-disable no-restricted-syntax -- this file works on the raw audit_events table on purpose (tampering, grants, the sealer itself) */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CLI_ENTRY, runNode } from '../support/processes.js';
import { createEmptyDatabase, queryOnce, type TestDatabase } from '../support/test-database.js';
import { TEST_SECRETS } from '../support/test-app.js';

/** Production runs the API as a role that may read the audit log and append to it only through audit_pending (README, Audit trail). */
describe('sillok migrate --grant-to', () => {
  let database: TestDatabase;
  const role = `sillok_app_${randomBytes(4).toString('hex')}`;
  const asRole = () => {
    const url = new URL(database.url);
    url.username = role;
    return url.toString();
  };
  const sql = (url: string, text: string) => queryOnce(url, text);

  beforeAll(async () => {
    database = await createEmptyDatabase();
    await sql(database.url, `CREATE ROLE ${role} LOGIN`);
  });
  afterAll(async () => {
    await sql(database.url, `DROP OWNED BY ${role}`).catch(() => undefined);
    await database.drop();
    await sql(database.url.replace(/\/[^/]*$/, '/postgres'), `DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
  });

  it('migrates, then leaves the role only SELECT on audit_events and INSERT on audit_pending', async () => {
    const env = { ...TEST_SECRETS, DATABASE_URL: database.url };
    const result = await runNode([CLI_ENTRY, 'migrate', '--grant-to', role], env);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain(`granted ${role}`);
    const grants = await sql(
      database.url,
      `SELECT privilege_type FROM information_schema.role_table_grants
        WHERE table_name = 'audit_events' AND grantee = '${role}' ORDER BY privilege_type`,
    );
    expect(grants.map((row) => row.privilege_type)).toEqual(['SELECT']);
    const pending = await sql(
      database.url,
      `SELECT privilege_type FROM information_schema.role_table_grants
        WHERE table_name = 'audit_pending' AND grantee = '${role}' ORDER BY privilege_type`,
    );
    expect(pending.map((row) => row.privilege_type)).toEqual(['INSERT']);
    // The role reads the log and writes the application's tables, but cannot switch off the triggers or edit a row.
    expect(await sql(asRole(), `SELECT count(*)::int AS n FROM audit_events`)).toEqual([{ n: 0 }]);
    await expect(sql(asRole(), `ALTER TABLE audit_events DISABLE TRIGGER USER`)).rejects.toThrow(/owner/);
    await expect(sql(asRole(), `UPDATE audit_events SET action = action`)).rejects.toThrow(/permission denied/);
    await expect(sql(asRole(), `TRUNCATE audit_events`)).rejects.toThrow(/permission denied/);
    expect(await sql(asRole(), `SELECT count(*)::int AS n FROM cases`)).toEqual([{ n: 0 }]);
  });

  it('refuses an unknown role or a name that is not plain before migrating, with one line and exit 1', async () => {
    const fresh = await createEmptyDatabase();
    const env = { ...TEST_SECRETS, DATABASE_URL: fresh.url };
    const unknown = await runNode([CLI_ENTRY, 'migrate', '--grant-to', 'no_such_role_here'], env);
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.stderr.trim()).toBe(
      'sillok: --grant-to: the role no_such_role_here does not exist (create it first)',
    );
    expect(await sql(fresh.url, `SELECT to_regclass('audit_events') AS t`)).toEqual([{ t: null }]);
    const injected = await runNode([CLI_ENTRY, 'migrate', '--grant-to', 'x; DROP TABLE cases'], env);
    expect(injected).toMatchObject({ code: 1 });
    expect(injected.stderr).toContain('is not a plain role name');
    await fresh.drop();
  });
});
