// Export throughput through the API against `zip -0` of the same files, plus the server's RSS.
// Spawns the built server (dist/) on a scratch, migrated database and a temporary data directory;
// puts generated attachments straight into its filesystem store (and their rows into the database,
// as an upload would leave them), then times POST /cases/:id/exports (the bag streamed into the
// same store, every attachment re-hashed on the way) and `zip -0 -q` of the same object files.
//   node bench/export.bench.mjs [megabytes=256] [files=4]     (the figure: 2048 8)
// Prints one JSON line.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { clearInterval, setInterval } from 'node:timers';
import pg from 'pg';
import { FilesystemObjectStore, newObjectKey } from '../dist/libs/evidence/src/index.js';
import { json, rssOf, withBenchServer } from './support/bench-server.mjs';

const MIB = 1024 * 1024;

const megabytes = Number(process.argv[2] ?? 256);
const files = Number(process.argv[3] ?? 4);
const perFile = Math.floor((megabytes * MIB) / files);

/** `size` bytes of 1 MiB random blocks, each stamped with its file and index so no two are alike. */
function generated(size, fileIndex, block) {
  let produced = 0;
  return new Readable({
    highWaterMark: MIB,
    read() {
      if (produced >= size) return this.push(null);
      const chunk = Buffer.from(block.subarray(0, Math.min(MIB, size - produced)));
      if (chunk.length >= 8) {
        chunk.writeUInt32BE(fileIndex, 0);
        chunk.writeUInt32BE(produced / MIB, 4);
      }
      produced += chunk.length;
      this.push(chunk);
    },
  });
}

/** Where FilesystemObjectStore keeps a key. */
function objectPath(root, key) {
  const [, year, month, id] = key.split('/');
  return join(root, year, month, id.slice(0, 2), id);
}

await withBenchServer(
  'bench_export',
  async ({ port, pid, url, dataDir, token: accessToken }) => {
    const me = await json(port, 'GET', '/auth/me', undefined, accessToken);
    const { id: caseId } = await json(port, 'POST', '/cases', { title: 'export benchmark' }, accessToken);

    // The attachments, as an upload leaves them: objects in the store, rows with their hashes.
    const root = join(dataDir, 'objects');
    const store = new FilesystemObjectStore(root);
    const block = randomBytes(MIB);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const paths = [];
    try {
      for (let i = 0; i < files; i++) {
        const sha256 = createHash('sha256');
        const md5 = createHash('md5');
        for await (const chunk of generated(perFile, i, block)) {
          sha256.update(chunk);
          md5.update(chunk);
        }
        const key = newObjectKey();
        await store.put(key, generated(perFile, i, block), { size: perFile });
        paths.push(objectPath(root, key));
        await client.query(
          `INSERT INTO attachments (case_id, owner_type, owner_id, object_key, original_file_name, detected_media_type,
                                  size, sha256, md5, kind, uploaded_by)
         VALUES ($1, 'case', $1, $2, $3, 'application/octet-stream', $4, $5, $6, 'other', $7)`,
          [caseId, key, `bench-${i}.bin`, perFile, sha256.digest('hex'), md5.digest('hex'), me.id],
        );
      }
    } finally {
      await client.end();
    }

    // Baseline: zip -0 of the same files (read from the same disk, written beside them), page cache warm for both.
    const zipOut = join(dataDir, 'baseline.zip');
    spawnSync('cat', paths, { stdio: 'ignore' });
    let started = process.hrtime.bigint();
    const zipped = spawnSync('zip', ['-0', '-q', '-j', zipOut, ...paths]);
    const zipSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (zipped.status !== 0) throw new Error(`zip failed: ${zipped.stderr}`);
    const zipBytes = statSync(zipOut).size;
    rmSync(zipOut);

    const baselineRss = rssOf(pid);
    let peakRss = baselineRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(pid))), 20);
    started = process.hrtime.bigint();
    const exported = await json(
      port,
      'POST',
      `/cases/${caseId}/exports`,
      { profile: 'internal', recipient: 'bench' },
      accessToken,
    );
    const exportSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, rssOf(pid));

    const mb = (files * perFile) / 1e6;
    const round = (n) => Math.round(n * 10) / 10;
    console.log(
      JSON.stringify({
        name: 'export',
        megabytes,
        files,
        exportMBps: round(mb / exportSeconds),
        zipStoreMBps: round(mb / zipSeconds),
        ratio: Math.round((zipSeconds / exportSeconds) * 1000) / 1000,
        bagBytes: exported.size,
        zipBytes,
        serverBaselineRssMB: round(baselineRss / MIB),
        serverPeakRssMB: round(peakRss / MIB),
        serverRssGrowthMB: round((peakRss - baselineRss) / MIB),
      }),
    );
  },
  { OBJECT_STORE: 'filesystem' },
);
