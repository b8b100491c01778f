import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_ENTRY, exited, freePort, runNode, startServer, waitForHealthy } from '../support/processes.js';
import { TEST_SECRETS } from '../support/test-app.js';
import { createTestDatabase, queryOnce, type TestDatabase } from '../support/test-database.js';

// The deployment smoke test against a server started as the README starts one (`node dist/apps/api/src/main.js`,
// a real process on a free port), here on a test database, with a second factor required for coordinators so the
// scratch account's enrolment runs as it would in production.
describe('sillok smoke', () => {
  let database: TestDatabase;
  let dataDir: string;
  let server: ChildProcess & { output: () => string };
  let env: Record<string, string>;
  let url: string;
  const ADMIN = 'smoke-admin@example.org';
  const PASSWORD = 'Smoke-admin-passphrase-1';
  const smoke = (password: string) =>
    runNode([CLI_ENTRY, 'smoke', '--url', url, '--email', ADMIN, '--password-stdin'], {}, `${password}\n`, 120_000);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'sillok-smoke-server-'));
    const port = await freePort();
    env = {
      ...TEST_SECRETS,
      DATABASE_URL: database.url,
      SILLOK_DATA_DIR: dataDir,
      PORT: String(port),
      MFA_REQUIRED_ROLES: 'coordinator',
      LOG_LEVEL: 'warn',
    };
    const created = await runNode(
      [CLI_ENTRY, 'user:create', '--email', ADMIN, '--name', 'Smoke Admin', '--role', 'admin', '--password-stdin'],
      env,
      `${PASSWORD}\n`,
    );
    expect(created.code).toBe(0);
    server = startServer(env);
    await waitForHealthy(port);
    url = `http://127.0.0.1:${port}`;
  }, 90_000);

  afterAll(async () => {
    server?.kill('SIGTERM');
    if (server) await exited(server);
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('walks the deployment through every step, then archives and disables what it made', async () => {
    const run = await smoke(PASSWORD);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const steps = run.stdout
      .trim()
      .split('\n')
      .flatMap((line) => /^(OK|FAIL|SKIP) +([^:]+):/.exec(line)?.slice(1, 3).join(' ') ?? []);
    expect(steps).toEqual([
      'OK health',
      'OK log in as the administrator',
      'OK create a scratch coordinator',
      'OK log in as the scratch coordinator',
      'OK create a scratch case',
      'OK upload an attachment',
      'OK read it back',
      'OK export and verify the bundle',
      'OK clean up',
    ]);
    expect(run.stdout).toMatch(/^smoke test of http:\/\/127\.0\.0\.1:\d+ passed$/m);
    expect(run.stdout).not.toContain(PASSWORD);
    // What the product allows as clean-up: the scratch account is disabled (after enrolling a factor), the case archived.
    const [user] = await queryOnce(
      database.url,
      `SELECT status, mfa_enabled_at IS NOT NULL AS enrolled FROM users WHERE email LIKE 'smoke-%@smoke-test.invalid'`,
    );
    expect(user).toEqual({ status: 'disabled', enrolled: true });
    const [scratchCase] = await queryOnce(database.url, `SELECT status FROM cases WHERE title LIKE 'Smoke test %'`);
    expect(scratchCase).toEqual({ status: 'archived' });
  }, 120_000);

  it('fails at the step that fails, skips the rest, and exits 1', async () => {
    const run = await smoke('not-the-admin-password');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^FAIL log in as the administrator: POST \/auth\/login answered 401/m);
    expect(run.stdout).toMatch(/^SKIP upload an attachment: an earlier step failed$/m);
    expect(run.stdout).toMatch(/^OK {3}clean up: nothing was created/m);
    expect(run.stderr).toMatch(/smoke test of http:\/\/127\.0\.0\.1:\d+ failed/);
  }, 60_000);
});
