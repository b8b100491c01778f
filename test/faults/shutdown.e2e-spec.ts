import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { queryOnce } from '../support/test-database.js';
import { createWitness } from '../support/testimony-fixtures.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { holdLock, waitUntil, waitingOnLocks, type HeldLock } from './lock-helpers.js';
import { slowUpload } from './slow-upload.js';

const CREATES = 5;

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

// SIGTERM (docker stop, systemd, Kubernetes) must not cut an investigator's upload or lose a
// create that is waiting on the database: the server stops listening and lets them finish.
describe('SIGTERM drains in-flight requests', () => {
  let t: TestApp;
  let as: RoleLogins;
  let caseA: string;
  let witnessId: string;
  let server: ServerProcess | undefined;
  let lock: HeldLock | undefined;

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    ({ caseA } = await createTwoCases(t, as));
    witnessId = await createWitness(t, as.investigator, caseA);
  });
  afterAll(async () => {
    await lock?.release();
    await server?.dispose();
    await t?.close();
  });

  const createTestimony = (s: ServerProcess, n: number) =>
    fetch(s.url('/testimonies'), {
      method: 'POST',
      headers: { authorization: `Bearer ${as.investigator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        witnessId,
        forum: 'confidential_interview',
        originalLanguage: 'ko',
        title: `during shutdown ${n}`,
        narrative: '보위부 구류장에서 조사를 받았다.',
      }),
    }).then(async (res) => ({ status: res.status, body: await res.json() }));

  it('finishes an upload and creates blocked on a lock, refuses new connections, and exits 0', async () => {
    const s = (server = await startServerProcess(t.database.url, { SHUTDOWN_GRACE_SECONDS: '30' }));
    // Creates wait on this lock until the test lets them go, well after SIGTERM.
    lock = await holdLock(t.database.url, 'testimonies');

    const upload = slowUpload(s.url(`/cases/${caseA}/attachments`), as.investigator.token, {
      chunks: 30,
      chunkSize: 64 * 1024,
      intervalMs: 100,
    });
    await upload.started;
    const creates = Array.from({ length: CREATES }, (_, n) => createTestimony(s, n));
    await waitUntil('the creates to wait on the lock', async () => (await waitingOnLocks(t.database.url)) >= CREATES);

    const exitCode = s.stop('SIGTERM');
    await waitUntil('the server to stop listening', () => refusesConnections(s.port));
    expect(s.child.exitCode).toBeNull(); // still draining
    await lock.release();

    const answers = await Promise.all(creates);
    expect(answers.map((a) => a.status)).toEqual(Array(CREATES).fill(201));
    const uploaded = await upload.answer;
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.sha256).toBe(createHash('sha256').update(upload.bytes).digest('hex'));
    expect(await exitCode).toBe(0);
    expect(s.child.output()).toContain('"msg":"stopped"');

    const [{ count }] = await queryOnce(t.database.url, `SELECT count(*)::int AS count FROM testimonies`);
    expect(count).toBe(CREATES);
  }, 90_000);

  it('cuts what is still running at the deadline and still exits', async () => {
    const s = (server = await startServerProcess(t.database.url, { SHUTDOWN_GRACE_SECONDS: '1' }));
    lock = await holdLock(t.database.url, 'testimonies');
    const stuck = createTestimony(s, 99).catch((error: unknown) => ({ status: 0, body: { error: String(error) } }));
    await waitUntil('the create to wait on the lock', async () => (await waitingOnLocks(t.database.url)) >= 1);
    const exitCode = await s.stop('SIGTERM');
    expect(exitCode).not.toBeNull(); // it exited by itself, not by the signal's default action
    expect(s.child.output()).toContain('shutdown deadline');
    expect((await stuck).status).toBe(0); // the connection was cut, not answered
    await lock.release();
    const [{ count }] = await queryOnce(
      t.database.url,
      `SELECT count(*)::int AS count FROM testimonies WHERE title = 'during shutdown 99'`,
    );
    expect(count).toBe(0); // the cut request's transaction never committed
  }, 60_000);
});
