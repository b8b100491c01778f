import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:net';
import { API_ENTRY, freePort, runNode, type Finished } from '../support/processes.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { TEST_SECRETS } from '../support/test-app.js';

/** One clear line naming the cause, exit code 1, and no stack trace. */
function expectCleanFailure(result: Finished, message: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('the server refuses to start, clearly', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('on a bad setting, naming the variable', async () => {
    const result = await runNode([API_ENTRY], { PORT: 'abc', ...TEST_SECRETS, DATABASE_URL: database.url });
    expectCleanFailure(result, /PORT: must be a whole number between 1 and 65535 \(got "abc"\)/);
  });

  it('in production without secrets, naming each', async () => {
    const result = await runNode([API_ENTRY], { NODE_ENV: 'production', DATABASE_URL: database.url });
    expectCleanFailure(result, /JWT_SECRET: is required in production/);
  });

  it('when the database is unreachable', async () => {
    const port = await freePort();
    const result = await runNode([API_ENTRY], {
      ...TEST_SECRETS,
      DATABASE_URL: `postgres://sillok:secret-password@127.0.0.1:${port}/sillok`,
    });
    expectCleanFailure(result, new RegExp(`cannot reach the database at 127\\.0\\.0\\.1:${port}/sillok`));
    expect(result.stderr).not.toContain('secret-password');
  });

  describe('when the port is taken', () => {
    let blocker: Server;
    let port: number;
    beforeAll(async () => {
      port = await freePort();
      blocker = createServer().listen(port, '127.0.0.1');
    });
    afterAll(() => {
      blocker.close();
    });

    it('says which port and what to do', async () => {
      const result = await runNode([API_ENTRY], {
        ...TEST_SECRETS,
        PORT: String(port),
        DATABASE_URL: database.url,
        LOG_LEVEL: 'silent',
      });
      expectCleanFailure(result, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
    });
  });
});
