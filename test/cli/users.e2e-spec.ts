import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { verify } from '@node-rs/argon2';
import {
  FIRST_ADMINISTRATOR_HINT,
  FirstAdministratorNotice,
  Role,
  UserService,
  type CreateUserInput,
} from '@sillok/auth';
import { createUser } from '../support/auth-fixtures.js';
import { captureLogs } from '../support/log-capture.js';
import { CLI_ENTRY, runNode } from '../support/processes.js';
import { startServiceContext } from '../support/service-context.js';
import { startTestApp, TEST_SECRETS } from '../support/test-app.js';
import { createTestDatabase, queryOnce, type TestDatabase } from '../support/test-database.js';
import { readAuditLog } from '../support/audit-log.js';

// Each test starts several CLI processes (up to seven), each a few seconds on a loaded 2-core machine.
const CLI_TEST_MS = 180_000;

describe('sillok user:* commands', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const sillok = (args: string[], input?: string) => runNode([CLI_ENTRY, ...args], env, input);
  const query = (sql: string, params: unknown[] = []) => queryOnce(database.url, sql, params);

  // A database of each test's own (a clone of the migrated template, no app to boot): the
  // tests count and list every account, so each makes the accounts it needs with these.
  beforeEach(async () => {
    database = await createTestDatabase();
    env = { ...TEST_SECRETS, DATABASE_URL: database.url };
  });
  afterEach(async () => {
    await database.drop();
  });
  /**
   * The accounts a test starts from, made in process by the UserService the command calls: the
   * first two tests prove user:create itself, and a CLI process per account costs about 2 s of CPU.
   */
  const created = async (...accounts: CreateUserInput[]) => {
    const context = await startServiceContext({ reuseDatabase: database });
    try {
      for (const account of accounts) await context.app.get(UserService).create(account);
    } finally {
      await context.close();
    }
  };
  /** The administrator of the first test. */
  const firstAdmin: CreateUserInput = {
    email: 'Admin@Example.org',
    displayName: 'First Admin',
    role: Role.Admin,
    password: 'Chosen-admin-passphrase-1',
  };
  /** Kim, the investigator of the second test, with a one-time password. */
  const kim: CreateUserInput = { email: 'kim@example.org', displayName: 'Kim', role: Role.Investigator };

  it(
    'creates the first administrator with a password from stdin',
    async () => {
      const result = await sillok(
        ['user:create', '--email', 'Admin@Example.org', '--name', 'First Admin', '--role', 'admin', '--password-stdin'],
        'Chosen-admin-passphrase-1\n',
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^created admin Admin@Example\.org \([0-9a-f-]{36}\)\n$/);
      const [row] = await query(
        `SELECT password_hash, must_change_password FROM users WHERE email = 'Admin@Example.org'`,
      );
      expect(row.must_change_password).toBe(false);
      expect(await verify(row.password_hash, 'Chosen-admin-passphrase-1')).toBe(true);
      const [audit] = await readAuditLog(
        database.url,
        `SELECT actor_user_id, action FROM audit_events WHERE action = 'user.create'`,
      );
      expect(audit).toEqual({ actor_user_id: null, action: 'user.create' });
    },
    CLI_TEST_MS,
  );

  it(
    'generates and prints a one-time password once when none is given and no terminal asks',
    async () => {
      const result = await sillok([
        'user:create',
        '--email',
        'kim@example.org',
        '--name',
        'Kim',
        '--role',
        'investigator',
      ]);
      expect(result.code).toBe(0);
      const password = /one-time password .*: (\S+)$/m.exec(result.stdout)?.[1];
      expect(password?.length).toBeGreaterThanOrEqual(20);
      const [row] = await query(
        `SELECT password_hash, must_change_password FROM users WHERE email = 'kim@example.org'`,
      );
      expect(row.must_change_password).toBe(true);
      expect(await verify(row.password_hash, password!)).toBe(true);
    },
    CLI_TEST_MS,
  );

  it(
    'refuses a duplicate email, a weak password and an unknown role with one line and exit 1',
    async () => {
      await created(kim);
      const duplicate = await sillok(['user:create', '--email', 'KIM@example.org', '--name', 'K', '--role', 'analyst']);
      expect(duplicate.code).toBe(1);
      expect(duplicate.stderr.trim()).toBe('sillok: a user with this email already exists');
      const weak = await sillok(
        ['user:create', '--email', 'w@example.org', '--name', 'W', '--role', 'analyst', '--password-stdin'],
        'password1234',
      );
      expect(weak.code).toBe(1);
      expect(weak.stderr.trim()).toMatch(/^sillok: password: password is one of the most common passwords$/);
      const email = await sillok(['user:create', '--email', 'not-an-email', '--name', 'N', '--role', 'analyst']);
      expect(email.code).toBe(1);
      expect(email.stderr.trim()).toBe('sillok: email: email must be an email address');
      const role = await sillok(['user:create', '--email', 'r@example.org', '--name', 'R', '--role', 'root']);
      expect(role.code).toBe(1);
      expect(role.stderr.trim()).toMatch(/--role must be one of admin, coordinator/);
    },
    CLI_TEST_MS,
  );

  it(
    'disables, enables and lists',
    async () => {
      await created(firstAdmin, kim); // in this order: the list is in order of creation
      expect((await sillok(['user:disable', '--email', 'kim@example.org'])).stdout.trim()).toBe(
        'disabled kim@example.org',
      );
      let listed = JSON.parse((await sillok(['user:list', '--json'])).stdout);
      expect(listed.find((u: { email: string }) => u.email === 'kim@example.org').status).toBe('disabled');

      expect((await sillok(['user:enable', '--email', 'kim@example.org'])).stdout.trim()).toBe(
        'enabled kim@example.org',
      );
      listed = JSON.parse((await sillok(['user:list', '--json'])).stdout);
      expect(listed.map((u: { email: string; status: string }) => [u.email, u.status])).toEqual([
        ['Admin@Example.org', 'active'],
        ['kim@example.org', 'active'],
      ]);
      const table = await sillok(['user:list']);
      expect(table.stdout).toMatch(/^Admin@Example\.org\s+admin\s+active/m);
      expect(table.stdout).not.toMatch(/password|argon2/i);

      const missing = await sillok(['user:disable', '--email', 'ghost@example.org']);
      expect(missing.code).toBe(1);
      expect(missing.stderr.trim()).toBe('sillok: no user with the email ghost@example.org');
    },
    CLI_TEST_MS,
  );

  it(
    'resets an account that reads identities only by break-glass, loudly',
    async () => {
      await created(firstAdmin, kim); // in this order: the list is in order of creation
      const admin = await sillok(['user:reset-password', '--email', 'Admin@Example.org']);
      expect(admin.code).toBe(0);
      expect(admin.stdout).toMatch(/one-time password/);
      // Kim is an investigator (reads identities): no single administrator resets her, not even here.
      const refused = await sillok(['user:reset-password', '--email', 'kim@example.org']);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toBe(
        'sillok: kim@example.org reads witness identities or exports: a second administrator must approve its reset, or use sillok user:break-glass-reset',
      );
      const noReason = await sillok(['user:break-glass-reset', '--email', 'kim@example.org', '--kind', 'password']);
      expect(noReason.code).not.toBe(0);
      expect(noReason.stderr).toContain("required option '--reason <text>' not specified");
      const reset = await sillok([
        'user:break-glass-reset',
        '--email',
        'kim@example.org',
        '--kind',
        'password',
        '--reason',
        'the second administrator is on leave',
      ]);
      expect(reset.code).toBe(0);
      expect(reset.stderr).toContain('BREAK-GLASS: password reset of kim@example.org recorded in the audit log');
      expect(reset.stdout).toMatch(/one-time password/);
      const [loud] = await readAuditLog(
        database.url,
        `SELECT actor_user_id, reason, details FROM audit_events WHERE action = 'user.reset.break_glass'`,
      );
      expect(loud).toMatchObject({
        actor_user_id: null,
        reason: 'the second administrator is on leave',
        details: { kind: 'password', breakGlass: true, operator: expect.any(String) },
      });
      const [held] = await query(
        `SELECT r.status, u.reset_confirmed_at FROM users u JOIN account_reset_requests r ON r.id = u.reset_request_id
        WHERE u.email = 'kim@example.org'`,
      );
      expect(held).toEqual({ status: 'break_glass', reset_confirmed_at: null });
    },
    CLI_TEST_MS,
  );
});

describe('first start with no accounts', () => {
  it('logs one line telling how to create the first administrator, and stays quiet once one exists', async () => {
    const logs = captureLogs();
    const t = await startTestApp({ logDestination: logs.stream });
    try {
      // JSON escapes the hint's quotes, so count its opening words.
      const count = () => logs.text().split('no user accounts exist yet').length - 1;
      expect(count()).toBe(1);
      expect(FIRST_ADMINISTRATOR_HINT).toContain('npx sillok user:create --role admin');
      await createUser(t, Role.Admin);
      await t.app.get(FirstAdministratorNotice).onApplicationBootstrap();
      expect(count()).toBe(1);
    } finally {
      await t.close();
    }
  });
});
