import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Issue 14: with several API processes behind a load balancer the login rate limit is one, kept in PostgreSQL. */
describe('the /auth rate limit is shared by every API process on the database', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    first = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '4' } });
    second = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '4' }, reuseDatabase: first.database });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('counts requests to either process against one allowance', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const app = i % 2 === 0 ? first : second;
      statuses.push(
        (await app.http().post('/auth/login').send({ email: 'x@example.org', password: 'whatever' })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });
});
