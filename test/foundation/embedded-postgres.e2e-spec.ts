import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_ENTRY, exited, freePort, runNode, startServer, waitForHealthy } from '../support/processes.js';

// The zero-configuration install: no DATABASE_URL, so the server runs its own PostgreSQL.
describe('embedded PostgreSQL', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let port: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sillok-embedded-'));
    chmodSync(dataDir, 0o755); // the postgres system user must traverse it when tests run as root
    port = await freePort();
    env = { SILLOK_DATA_DIR: dataDir, PORT: String(port), EMBEDDED_POSTGRES_PORT: String(await freePort()) };
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts migrated on first run, survives SIGKILL, and stops cleanly on SIGTERM', async () => {
    const first = startServer(env);
    expect(await waitForHealthy(port)).toEqual({
      status: 'ok',
      components: { database: { status: 'up' }, objectStore: { status: 'up' }, auditChain: { status: 'up' } },
    });
    expect(existsSync(join(dataDir, 'objects'))).toBe(true); // the embedded object store's root
    expect(first.output()).toContain(`embedded PostgreSQL in ${join(dataDir, 'postgres')}`);
    expect(existsSync(join(dataDir, 'secrets.json'))).toBe(true);

    first.kill('SIGKILL');
    await exited(first);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true); // its postgres outlived it

    const second = startServer(env);
    await waitForHealthy(port);
    expect(second.output()).toContain('left running by an earlier process');

    // A command while the server runs uses the server's PostgreSQL, and leaves it running.
    const listed = await runNode([CLI_ENTRY, 'user:list'], env);
    expect(listed.stderr).not.toContain('in use');
    expect(listed.code).toBe(0);
    expect(await waitForHealthy(port)).toMatchObject({ status: 'ok' });

    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 120_000);
});
