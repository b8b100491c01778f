// Upload throughput through the API against a direct put of the same bytes into the same store
// (filesystem adapter), plus the server's RSS. Spawns the built server (dist/) on a scratch,
// migrated database and a temporary data directory; streams a generated multipart body over HTTP.
//   node bench/upload.bench.mjs [megabytes=256]
// Prints one JSON line.
import { Buffer } from 'node:buffer';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { clearInterval, setInterval } from 'node:timers';
import { FilesystemObjectStore, newObjectKey } from '../dist/libs/evidence/src/index.js';
import { json, rssOf, withBenchServer } from './support/bench-server.mjs';

const MIB = 1024 * 1024;
const megabytes = Number(process.argv[2] ?? 256);
const bytes = megabytes * MIB;

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

const directRoot = mkdtempSync(join(tmpdir(), 'sillok-bench-direct-'));
try {
  await withBenchServer(
    'bench_upload',
    async ({ port, token: accessToken, pid }) => {
      const { id: caseId } = await json(port, 'POST', '/cases', { title: 'upload benchmark' }, accessToken);

      const source = generated();
      const expected = createHash('sha256');
      for await (const chunk of source()) expected.update(chunk);
      const sha256 = expected.digest('hex');

      const baselineRss = rssOf(pid);
      let peakRss = baselineRss;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(pid))), 20);
      let started = process.hrtime.bigint();
      const uploaded = await streamUpload(port, `/cases/${caseId}/attachments`, accessToken, source);
      const apiSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      clearInterval(sampler);
      peakRss = Math.max(peakRss, rssOf(pid));

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
    },
    { OBJECT_STORE: 'filesystem' },
  );
} finally {
  rmSync(directRoot, { recursive: true, force: true });
}
