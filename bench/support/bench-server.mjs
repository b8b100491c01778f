// The built API server (dist/) on a scratch, migrated database and a temporary data directory,
// with one coordinator account logged in: for the benchmarks that go through HTTP.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout } from 'node:timers';
import { withScratchDatabase } from './bench-app.mjs';

// Node's global fetch (the lint environment does not declare it).
const { fetch } = globalThis;
export const BENCH_PASSWORD = 'bench-Password-7f3k9Qz!';

export function freePort() {
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

/** CPU seconds (user + system) the process `pid` has used so far (Linux ticks are 1/100 s). */
export function cpuSecondsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
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
 * Runs `work({ port, token, pid, url, dataDir })` against a started server; stops it and drops the
 * database afterwards. `env` adds settings (OBJECT_STORE, LOG_LEVEL, ...).
 */
export async function withBenchServer(prefix, work, env = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), `sillok-${prefix}-`));
  let server;
  try {
    return await withScratchDatabase(prefix, async (url) => {
      const port = await freePort();
      // Development mode: the server and the CLI share the secrets generated in the data directory.
      const settings = {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: url,
        SILLOK_DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        ...env,
      };
      const args = ['user:create', '--email', 'bench@example.org', '--name', 'bench', '--role', 'coordinator'];
      const created = spawnSync(process.execPath, ['dist/apps/cli/src/main.js', ...args, '--password-stdin'], {
        env: settings,
        input: BENCH_PASSWORD,
        encoding: 'utf8',
      });
      if (created.status !== 0) throw new Error(`user:create failed: ${created.stderr}`);
      // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
      const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
      server = spawn(process.execPath, [...nodeArgs, 'dist/apps/api/src/main.js'], {
        env: settings,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      for (let i = 0; ; i++) {
        const up = await fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (up) break;
        if (i > 300) throw new Error('the server did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
      const login = { email: 'bench@example.org', password: BENCH_PASSWORD };
      const { accessToken } = await json(port, 'POST', '/auth/login', login);
      return await work({ port, token: accessToken, pid: server.pid, url, dataDir });
    });
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => (server && server.exitCode === null ? server.once('exit', r) : r()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
