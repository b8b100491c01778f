import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@sillok/auth';
import { createUser, type FixtureUser } from '../support/auth-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Each application checks a password against its own accounts, even with another application
 * alive in the same process (tests do this; so would an embedding host). passport keeps one
 * process-wide registry of strategies by name, so before each app kept its own, the app booted
 * last answered every app's logins: against its own database, or against a closed connection.
 */
describe('password login answers from the application that received it', () => {
  let first: TestApp;
  let second: TestApp | undefined;
  let user: FixtureUser;
  beforeAll(async () => {
    first = await startTestApp();
    user = await createUser(first, Role.Investigator);
    // A second application on a database of its own, where the first's account does not exist.
    second = await startTestApp();
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  function logIn(app: TestApp) {
    return app.http().post('/auth/login').send({ email: user.email, password: user.password });
  }

  it('logs in on the first application while a second one is alive, and is refused on the second', async () => {
    expect((await logIn(first)).status).toBe(200);
    expect((await logIn(second!)).status).toBe(401);
  });

  it('logs in on the first application after the second one closed', async () => {
    await second!.close();
    second = undefined;
    const res = await logIn(first);
    expect({ status: res.status, outcome: res.body.status }).toEqual({ status: 200, outcome: 'authenticated' });
  });
});
