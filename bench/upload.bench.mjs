// Upload throughput through the API against a direct put of the same bytes into the same store
// (filesystem adapter), plus the server's RSS. Spawns the built server (dist/) on a scratch,
// migrated database and a temporary data directory; streams a generated multipart body over HTTP.
//   node bench/upload.bench.mjs [megabytes=256]
// Prints one JSON line.
import { Buffer } from 'node:buffer';
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { clearInterval, setInterval, setTimeout } from 'node:timers';
import { runMigrations } from '../dist/libs/database/src/index.js';
import { FilesystemObjectStore, newObjectKey } from '../dist/libs/evidence/src/index.js';
import { MIGRATIONS } from '../dist/migrations/index.js';
import { DEFAULT_TEST_SERVER, databaseUrl, withAdminClient } from '../test/setup/test-postgres.mjs';

// Node's global fetch (the lint environment does not declare it).
const { fetch } = globalThis;
const MIB = 1024 * 1024;
const megabytes = Number(process.argv[2] ?? 256);
const bytes = megabytes * MIB;
const PASSWORD = 'bench-Password-7f3k9Qz!';

/** The same deterministic bytes every call: 1 MiB blocks of random data, each stamped with its index. */
function generated() {
  const block = randomBytes(MIB);
  return () => {
    let produced = 0;
    return new Readable({
      highWaterMark: MIB,
      read() {
        if (produced >= bytes) return this.push(null);
        const chunk = Buffer.from(block.subarray(0, Math.min(MIB, bytes - produced)));
        if (chunk.length >= 4) chunk.writeUInt32BE(produced / MIB, 0);
        produced += chunk.length;
        this.push(chunk);
      },
    });
  };
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) * 1024;
}

async function json(port, method, path, body, token) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** POST a multipart body (fields first, then the file) streamed chunk by chunk; resolves with the JSON answer. */
function streamUpload(port, path, token, source) {
  const boundary = `bench-${randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.bin"\r\n` +
    `Content-Type: application/octet-stream\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': Buffer.byteLength(head) + bytes + Buffer.byteLength(tail),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () =>
          res.statusCode === 201 ? resolve(JSON.parse(text)) : reject(new Error(`${res.statusCode} ${text}`)),
        );
      },
    );
    req.on('error', reject);
    req.write(head);
    const body = source();
    body.on('data', (chunk) => {
      if (!req.write(chunk)) {
        body.pause();
        req.once('drain', () => body.resume());
      }
    });
    body.on('end', () => req.end(tail));
  });
}

const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_SERVER;
const dbName = `bench_upload_${process.pid}`;
const dataDir = mkdtempSync(join(tmpdir(), 'sillok-bench-upload-'));
const directRoot = mkdtempSync(join(tmpdir(), 'sillok-bench-direct-'));
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
  const created = spawnSync(
    process.execPath,
    [
      'dist/apps/cli/src/main.js',
      'user:create',
      '--email',
      'bench@example.org',
      '--name',
      'bench',
      '--role',
      'coordinator',
      '--password-stdin',
    ],
    { env, input: PASSWORD, encoding: 'utf8' },
  );
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
  const { accessToken } = await json(port, 'POST', '/auth/login', { email: 'bench@example.org', password: PASSWORD });
  const { id: caseId } = await json(port, 'POST', '/cases', { title: 'upload benchmark' }, accessToken);

  const source = generated();
  const expected = createHash('sha256');
  for await (const chunk of source()) expected.update(chunk);
  const sha256 = expected.digest('hex');

  const baselineRss = rssOf(server.pid);
  let peakRss = baselineRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(server.pid))), 20);
  let started = process.hrtime.bigint();
  const uploaded = await streamUpload(port, `/cases/${caseId}/attachments`, accessToken, source);
  const apiSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, rssOf(server.pid));

  const store = new FilesystemObjectStore(directRoot);
  started = process.hrtime.bigint();
  await store.put(newObjectKey(), source(), {});
  const directSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  const mb = bytes / 1e6;
  const round = (n) => Math.round(n * 10) / 10;
  console.log(
    JSON.stringify({
      name: 'upload',
      megabytes,
      apiMBps: round(mb / apiSeconds),
      directPutMBps: round(mb / directSeconds),
      ratio: Math.round((directSeconds / apiSeconds) * 1000) / 1000,
      serverBaselineRssMB: round(baselineRss / MIB),
      serverPeakRssMB: round(peakRss / MIB),
      serverRssGrowthMB: round((peakRss - baselineRss) / MIB),
      sha256Match: uploaded.sha256 === sha256,
    }),
  );
} finally {
  server?.kill('SIGTERM');
  await new Promise((r) => (server && server.exitCode === null ? server.once('exit', r) : r()));
  await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
  for (const dir of [dataDir, directRoot]) rmSync(dir, { recursive: true, force: true });
}
