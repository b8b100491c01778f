import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loginAllRoles, requestAs, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { MIB, generatedBytes } from '../evidence/generated-bytes.js';
import { streamUpload } from '../evidence/multipart-upload.js';

// 4 x 16 MiB by default; BENCH=1 exports 4 x 256 MiB. The 2 GB figure and the zip -0 ratio: bench/export.bench.mjs.
const FILE = process.env.BENCH === '1' ? 256 * MIB : 16 * MIB;
const FILES = 4;

describe('exports: memory stays flat while a bag streams to the store', () => {
  let t: TestApp;
  let as: RoleLogins;
  let caseA: string;

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    ({ caseA } = await createTwoCases(t, as));
    for (let i = 0; i < FILES; i++) {
      const bytes = generatedBytes(FILE);
      const res = await streamUpload(
        t,
        `/cases/${caseA}/attachments`,
        as.coordinator.token,
        { kind: 'other' },
        {
          stream: bytes.stream,
          fileName: `big-${i}.bin`,
        },
      );
      expect(res.status).toBe(201);
    }
  }, 600_000);
  afterAll(async () => {
    await t.close();
  });

  it(`exports ${(FILE * FILES) / MIB} MiB of attachments with bounded RSS growth`, async () => {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = process.hrtime.bigint();
    const res = await requestAs(t, as.coordinator, 'post', `/cases/${caseA}/exports`, {
      profile: 'internal',
      recipient: 'memory test',
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    const growthMb = (peak - rssBefore) / MIB;
    process.stderr.write(
      `exports: ${(FILE * FILES) / MIB} MiB bag at ${((FILE * FILES) / MIB / seconds).toFixed(0)} MiB/s, ` +
        `peak RSS growth ${growthMb.toFixed(0)} MiB\n`,
    );
    expect(res.status).toBe(201);
    expect(res.body.size).toBeGreaterThan(FILE * FILES);
    expect(res.body.payloadOxum).toMatch(new RegExp(`^\\d+\\.${FILES + 6}$`));
    expect(growthMb).toBeLessThan(200);
    // The stored bag holds every byte: count them as they stream back.
    const download = await requestAs(t, as.coordinator, 'get', `/exports/${res.body.id}/download`)
      .buffer(true)
      .parse((stream, callback) => {
        let size = 0;
        stream.on('data', (chunk: Buffer) => (size += chunk.length));
        stream.on('end', () => callback(null, size));
      });
    expect(download.body).toBe(res.body.size);
  }, 600_000);
});
