import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { FixityScheduler } from '@sillok/evidence';
import { bearer, loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { makeTestimony, uploadTexts } from './attachment-fixtures.js';
import { finalPath } from './filesystem-layout.js';

/** Log lines the app wrote, parsed; `next` resolves on the first line (written so far or later) that matches. */
function logCollector(): {
  stream: PassThrough;
  lines: () => Array<Record<string, unknown>>;
  next: (matches: (line: Record<string, unknown>) => boolean) => Promise<Record<string, unknown>>;
} {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const lines = () =>
    text
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const next = (matches: (line: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const look = () => {
        const found = lines().find(matches);
        if (!found) return;
        stream.off('data', look);
        resolve(found);
      };
      stream.on('data', look);
      look();
    });
  return { stream, lines, next };
}

async function query<T>(t: TestApp, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: t.database.url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('scheduled fixity (FIXITY_INTERVAL_HOURS)', () => {
  let t: TestApp;
  let as: RoleLogins;
  const logs = logCollector();
  const ids: string[] = [];

  beforeAll(async () => {
    // 0.0005 h = 1.8 s: short enough for the timer itself to fire during the test.
    t = await startTestApp({ env: { FIXITY_INTERVAL_HOURS: '0.0005' }, logDestination: logs.stream });
    as = await loginAllRoles(t);
    const { caseA } = await createTwoCases(t, as);
    const testimony = await makeTestimony(t, as.investigator, caseA);
    ids.push(...(await uploadTexts(t, as.investigator, testimony, ['one', 'two'])));
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs on its own on the interval, recording and auditing each check as the CLI does', async () => {
    // Event-driven: the log line of a timer-started run that found both files (one started during
    // the set-up finds fewer), however long the machine takes: the test's timeout is the only limit.
    const finished = /^fixity run [0-9a-f-]{36}: 2 checked in \d+ ms, all match$/;
    await logs.next((l) => finished.test(String(l.msg)));
    const runs = await query<{ n: number }>(t, 'SELECT count(DISTINCT run_id)::int AS n FROM fixity_checks');
    expect(runs[0].n).toBeGreaterThanOrEqual(1);
    const history = await t.http().get(`/attachments/${ids[0]}/fixity`).set(bearer(as.analyst));
    expect(history.body[0]).toMatchObject({ ok: true, missing: false });
    const custody = await t.http().get(`/attachments/${ids[0]}/custody`).set(bearer(as.coordinator));
    expect(custody.body.map((e: { action: string }) => e.action)).toContain('attachment.fixity.check');
  }, 30_000);

  it('runs one at a time: a tick while a run is going skips', async () => {
    const scheduler = t.app.get(FixityScheduler);
    // Wait out any timer-started run so the two ticks below are the only ones.
    await scheduler.onApplicationShutdown();
    const first = scheduler.tick();
    const second = await scheduler.tick();
    expect(second).toEqual({ ran: false, reason: 'busy' });
    const outcome = await first;
    expect(outcome).toMatchObject({ ran: true, report: { checked: 2, failures: [] } });
  });

  it('names a damaged object in an error log line and records the failed check', async () => {
    const scheduler = t.app.get(FixityScheduler);
    // Stop the timer and wait out its run, so the tick below is not skipped as busy.
    await scheduler.onApplicationShutdown();
    const [{ object_key: key }] = await query<{ object_key: string }>(
      t,
      'SELECT object_key FROM attachments WHERE id = $1',
      [ids[1]],
    );
    const path = finalPath(join(t.settings.SILLOK_DATA_DIR, 'objects'), key);
    await chmod(path, 0o640);
    await writeFile(path, 'twX');
    const outcome = await scheduler.tick();
    expect(outcome).toMatchObject({
      ran: true,
      report: { failures: [expect.objectContaining({ attachmentId: ids[1] })] },
    });
    const failed = logs.lines().find((l) => String(l.msg).includes(`mismatched: ${ids[1]}; missing: none`));
    expect(failed).toMatchObject({ level: 'error', context: 'Fixity' });
    const history = await t.http().get(`/attachments/${ids[1]}/fixity`).set(bearer(as.analyst));
    expect(history.body.at(-1)).toMatchObject({ ok: false, missing: false });
  });
});
