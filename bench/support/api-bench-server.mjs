// The built API server (dist/) on a scratch, migrated database and a temporary data directory,
// with one logged-in coordinator, for the benchmarks that go through HTTP.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout } from 'node:timers';
import { runMigrations } from '../../dist/libs/database/src/index.js';
import { MIGRATIONS } from '../../dist/migrations/index.js';
import { DEFAULT_TEST_SERVER, databaseUrl, withAdminClient } from '../../test/setup/test-postgres.mjs';

// Node's global fetch (the lint environment does not declare it).
const { fetch } = globalThis;
export const MIB = 1024 * 1024;
const PASSWORD = 'bench-Password-7f3k9Qz!';

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) * 1024;
}

export async function json(port, method, path, body, token) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

/**
 * Runs `work({ port, pid, url, dataDir, token })` against a fresh server (filesystem store), then
 * stops it and drops its database and data directory.
 */
export async function withApiBenchServer(prefix, work) {
  const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_SERVER;
  const dbName = `${prefix}_${process.pid}`;
  const dataDir = mkdtempSync(join(tmpdir(), `sillok-${prefix}-`));
  let server;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${dbName}`));
  try {
    const url = databaseUrl(adminUrl, dbName);
    await runMigrations(url, MIGRATIONS);
    const port = await freePort();
    // Development mode: the server and the CLI share the secrets generated in the data directory.
    const env = {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: url,
      SILLOK_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      OBJECT_STORE: 'filesystem',
    };
    const args = ['user:create', '--email', 'bench@example.org', '--name', 'bench', '--role', 'coordinator'];
    const created = spawnSync(process.execPath, ['dist/apps/cli/src/main.js', ...args, '--password-stdin'], {
      env,
      input: PASSWORD,
      encoding: 'utf8',
    });
    if (created.status !== 0) throw new Error(`user:create failed: ${created.stderr}`);
    server = spawn(process.execPath, ['dist/apps/api/src/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    for (let i = 0; ; i++) {
      const up = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (i > 300) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const login = { email: 'bench@example.org', password: PASSWORD };
    const { accessToken } = await json(port, 'POST', '/auth/login', login);
    return await work({ port, pid: server.pid, url, dataDir, token: accessToken });
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => (server && server.exitCode === null ? server.once('exit', r) : r()));
    await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
