import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@sillok/auth';
import { bearer, createUser, login, requestAs } from '../support/auth-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Issue 23.3: an enrolment token issued before an administrator's reset still enrolled a factor. */
describe('enrolment and second-step tokens die with the password they were issued for', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { MFA_REQUIRED_ROLES: 'investigator' } });
  });
  afterAll(async () => {
    await t.close();
  });

  const passwordStep = (email: string, password: string) =>
    t.http().post('/auth/login').send({ email, password }).expect(200);

  it('refuses an enrolment token issued before a password reset', async () => {
    const user = await createUser(t, Role.Investigator);
    const step = await passwordStep(user.email, user.password);
    expect(step.body.status).toBe('mfa_enrolment_required');
    const enrolmentToken = step.body.enrolmentToken as string;
    await t
      .http()
      .get('/auth/me')
      .set(bearer({ token: enrolmentToken }))
      .expect(200);

    const admin = await login(t, await createUser(t, Role.Admin));
    await requestAs(t, admin, 'post', `/users/${user.id}/reset-password`).expect(200);
    await t
      .http()
      .post('/auth/mfa/enrol')
      .set(bearer({ token: enrolmentToken }))
      .expect(401);
  });

  it('refuses an enrolment token issued before the owner changed the password', async () => {
    const user = await createUser(t, Role.Investigator);
    const stale = (await passwordStep(user.email, user.password)).body.enrolmentToken as string;
    const fresh = (await passwordStep(user.email, user.password)).body.enrolmentToken as string;
    await t
      .http()
      .post('/auth/password')
      .set(bearer({ token: fresh }))
      .send({ currentPassword: user.password, newPassword: 'Another-long-passphrase-88' })
      .expect(204);
    await t
      .http()
      .post('/auth/mfa/enrol')
      .set(bearer({ token: stale }))
      .expect(401);
  });
});
