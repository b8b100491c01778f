import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { downloadSha256, makeTestimony } from './attachment-fixtures.js';
import { MIB, generatedBytes } from './generated-bytes.js';
import { streamUpload } from './multipart-upload.js';

// 50 MiB by default; BENCH=1 uploads 1 GiB (the "done" measurement, minutes long).
const SIZE = process.env.BENCH === '1' ? 1024 * MIB : 50 * MIB;

describe('attachments: memory stays flat through the API', () => {
  let t: TestApp;
  let as: RoleLogins;
  let testimony: string;

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    const { caseA } = await createTwoCases(t, as);
    testimony = await makeTestimony(t, as.investigator, caseA);
  });
  afterAll(async () => {
    await t.close();
  });

  it(`uploads and downloads ${SIZE / MIB} MiB with bounded RSS growth and the same SHA-256`, async () => {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const bytes = generatedBytes(SIZE);
    const started = process.hrtime.bigint();
    const res = await streamUpload(
      t,
      `/testimonies/${testimony}/attachments`,
      as.investigator.token,
      { kind: 'other' },
      {
        stream: bytes.stream,
        fileName: 'big.bin',
      },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const download = await downloadSha256(t, res.body.id as string, as.investigator.token);
    clearInterval(sampler);
    const growthMb = (peak - rssBefore) / MIB;
    process.stderr.write(
      `attachments: ${SIZE / MIB} MiB upload through the API at ${(SIZE / MIB / seconds).toFixed(0)} MiB/s, ` +
        `peak RSS growth ${growthMb.toFixed(0)} MiB (client and server in one process)\n`,
    );
    expect(res.status).toBe(201);
    expect(res.body.sha256).toBe(bytes.sha256());
    expect(download).toMatchObject({ status: 200, sha256: bytes.sha256(), size: SIZE });
    expect(growthMb).toBeLessThan(150);
  }, 600_000);
});
