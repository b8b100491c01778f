import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Role } from '@sillok/auth';
import { bearer, createAndLogin, createUser, login, requestAs, type LoggedInUser } from '../support/auth-fixtures.js';
import { createCase } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWitness } from '../support/testimony-fixtures.js';
import { codeFor, enrolAndConfirm, freezeDateMidTotpStep } from '../support/totp-fixtures.js';
import { readAuditLog } from '../support/audit-log.js';

describe('account resets and second factors', () => {
  freezeDateMidTotpStep();

  let t: TestApp;
  let admin: LoggedInUser;
  let secondAdmin: LoggedInUser;
  beforeAll(async () => {
    t = await startTestApp({ env: { MFA_REQUIRED_ROLES: 'investigator' } });
    admin = await createAndLogin(t, Role.Admin);
    secondAdmin = await createAndLogin(t, Role.Admin);
  });
  afterAll(async () => {
    await t.close();
  });

  const passwordStep = (email: string, password: string) =>
    t.http().post('/auth/login').send({ email, password }).expect(200);

  async function auditRows(
    subjectId: string,
  ): Promise<Array<{ action: string; actor: string | null; details: Record<string, unknown> }>> {
    return readAuditLog(
      t.app.get(DataSource),
      `SELECT action, actor_user_id AS actor, details FROM audit_events WHERE subject_id = $1 AND action LIKE 'user.reset.%' ORDER BY seq`,
      [subjectId],
    );
  }

  /** Issue 23.3: an enrolment token issued before an administrator's reset still enrolled a factor. */
  describe('enrolment and second-step tokens die with the password they were issued for', () => {
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

      // An investigator reads identities: the reset takes a second administrator.
      const asked = await requestAs(t, admin, 'post', `/users/${user.id}/reset-password`).expect(202);
      await requestAs(t, secondAdmin, 'post', `/account-resets/${asked.body.id}/approve`).expect(200);
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

  /** Issue 23.2: one phished administrator password reset a coordinator and read every witness. */
  describe('two-person resets of accounts that read identities or export', () => {
    const NEW_PASSWORD = 'Owner-chosen-passphrase-42';

    it('waits for a second administrator, then resets; identities stay shut until the owner confirms a factor', async () => {
      const fixture = await createUser(t, Role.Coordinator);
      const owner = await login(t, fixture);
      const caseId = await createCase(t, owner);
      const witness = await createWitness(t, owner, caseId);
      await requestAs(t, owner, 'put', `/witnesses/${witness}/identity`, { legalName: '김영희' }).expect(200);
      const readIdentity = (user: LoggedInUser) =>
        requestAs(t, user, 'post', `/witnesses/${witness}/identity/read`, { reason: 'preparing a filing' });

      const asked = await requestAs(t, admin, 'post', `/users/${fixture.id}/reset-password`).expect(202);
      expect(asked.body).toMatchObject({
        userId: fixture.id,
        kind: 'password',
        status: 'pending',
        requestedBy: admin.id,
      });
      expect(asked.body.temporaryPassword).toBeUndefined();
      // Nothing happened yet: the owner's session and password still work.
      await requestAs(t, owner, 'get', '/auth/me').expect(200);
      await requestAs(t, admin, 'post', `/users/${fixture.id}/reset-password`).expect(409);

      const listed = await requestAs(t, secondAdmin, 'get', '/account-resets').expect(200);
      expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(asked.body.id);
      const own = await requestAs(t, admin, 'post', `/account-resets/${asked.body.id}/approve`).expect(403);
      expect(own.body.detail).toBe('a second administrator must approve the reset you asked for');

      const approved = await requestAs(t, secondAdmin, 'post', `/account-resets/${asked.body.id}/approve`).expect(200);
      expect(approved.body.request).toMatchObject({ status: 'approved', decidedBy: secondAdmin.id });
      await requestAs(t, secondAdmin, 'post', `/account-resets/${asked.body.id}/approve`).expect(409);
      await requestAs(t, owner, 'get', '/auth/me').expect(401);
      expect((await auditRows(fixture.id)).map((r) => [r.action, r.actor])).toEqual([
        ['user.reset.requested', admin.id],
        ['user.reset.approved', secondAdmin.id],
      ]);

      // The owner signs in with the one-time password and chooses their own.
      const temporary = { ...fixture, password: approved.body.temporaryPassword as string };
      const first = await login(t, temporary);
      await requestAs(t, first, 'post', '/auth/password', {
        currentPassword: temporary.password,
        newPassword: NEW_PASSWORD,
      }).expect(204);
      const me = await requestAs(t, first, 'get', '/auth/me').expect(200);
      expect(me.body.lastReset).toEqual({
        kind: 'password',
        via: 'two_administrators',
        at: expect.any(String),
        requestedBy: { id: admin.id, displayName: expect.any(String) },
        approvedBy: { id: secondAdmin.id, displayName: expect.any(String) },
        confirmed: false,
      });

      // Whoever knows the new password (an administrator, a thief) reads no identity and exports nothing.
      const held = await readIdentity(first).expect(403);
      expect(held.body.resetConfirmationRequired).toBe(true);
      expect(JSON.stringify(held.body)).not.toContain('김영희');
      await requestAs(t, first, 'get', `/cases/${caseId}/exports`).expect(403);
      await requestAs(t, first, 'get', `/cases/${caseId}`).expect(200);

      // Confirming takes a factor of the owner's, and a code from it.
      await requestAs(t, first, 'post', '/auth/reset/confirm', { code: '123456' }).expect(409);
      const { secret } = await enrolAndConfirm(t, first.token);
      await requestAs(t, first, 'post', '/auth/reset/confirm', { code: '000000' }).expect(400);
      await requestAs(t, first, 'post', '/auth/reset/confirm', { code: await codeFor(secret, 1) }).expect(204);
      await readIdentity(first).expect(201);
      const after = await requestAs(t, first, 'get', '/auth/me').expect(200);
      expect(after.body.lastReset.confirmed).toBe(true);
      await requestAs(t, first, 'post', '/auth/reset/confirm', { code: await codeFor(secret, 1) }).expect(409);
      expect((await auditRows(fixture.id)).map((r) => r.action)).toEqual([
        'user.reset.requested',
        'user.reset.approved',
        'user.reset.confirmed',
      ]);
    });

    it('lets the asker withdraw a second-factor reset, and leaves the factor in place', async () => {
      const fixture = await createUser(t, Role.LegalReviewer);
      await enrolAndConfirm(t, (await login(t, fixture)).token);
      const asked = await requestAs(t, admin, 'post', `/users/${fixture.id}/mfa/reset`).expect(202);
      expect(asked.body.kind).toBe('mfa');
      const rejected = await requestAs(t, admin, 'post', `/account-resets/${asked.body.id}/reject`).expect(200);
      expect(rejected.body.request.status).toBe('rejected');
      expect(rejected.body.temporaryPassword).toBeUndefined();
      await requestAs(t, secondAdmin, 'post', `/account-resets/${asked.body.id}/approve`).expect(409);
      expect((await passwordStep(fixture.email, fixture.password)).body.status).toBe('mfa_required');
      expect((await auditRows(fixture.id)).map((r) => [r.action, r.actor])).toEqual([
        ['user.reset.requested', admin.id],
        ['user.reset.rejected', admin.id],
      ]);
    });

    it('lets a request expire after 24 hours; a new one can then be asked', async () => {
      const fixture = await createUser(t, Role.Investigator);
      const asked = await requestAs(t, admin, 'post', `/users/${fixture.id}/mfa/reset`).expect(202);
      // 24 hours on: aged in the database, since moving the clock would also expire the administrators' tokens.
      await t.app
        .get(DataSource)
        .query(
          `UPDATE account_reset_requests SET requested_at = requested_at - interval '24 hours', expires_at = expires_at - interval '24 hours' WHERE id = $1`,
          [asked.body.id],
        );
      const late = await requestAs(t, secondAdmin, 'post', `/account-resets/${asked.body.id}/approve`).expect(409);
      expect(late.body.detail).toBe('the reset request is expired');
      expect((await requestAs(t, secondAdmin, 'get', `/account-resets/${asked.body.id}`).expect(200)).body.status).toBe(
        'expired',
      );
      const listed = await requestAs(t, secondAdmin, 'get', '/account-resets').expect(200);
      expect(listed.body.items.map((r: { id: string }) => r.id)).not.toContain(asked.body.id);
      const again = await requestAs(t, admin, 'post', `/users/${fixture.id}/mfa/reset`).expect(202);
      expect(again.body.id).not.toBe(asked.body.id);
    });

    it('resets an account that reads no identity at once, as before', async () => {
      const analyst = await createUser(t, Role.Analyst);
      const reset = await requestAs(t, admin, 'post', `/users/${analyst.id}/reset-password`).expect(200);
      expect(reset.body.temporaryPassword).toEqual(expect.any(String));
      expect(await auditRows(analyst.id)).toEqual([]);
    });

    it('asks a second administrator for an account demoted out of its role but still in a case', async () => {
      const lead = await createAndLogin(t, Role.Coordinator);
      await createCase(t, lead);
      await requestAs(t, admin, 'patch', `/users/${lead.id}`, { role: 'analyst' }).expect(200);
      // Otherwise: demote, reset at once, promote back into the cases it leads.
      await requestAs(t, admin, 'post', `/users/${lead.id}/reset-password`).expect(202);
    });

    it('keeps the requests to administrators; an unknown request is 404', async () => {
      const coordinator = await createAndLogin(t, Role.Coordinator);
      await requestAs(t, coordinator, 'get', '/account-resets').expect(403);
      await requestAs(t, coordinator, 'post', `/users/${coordinator.id}/reset-password`).expect(403);
      await requestAs(t, admin, 'post', '/account-resets/00000000-0000-4000-8000-000000000000/approve').expect(404);
      await requestAs(t, admin, 'get', '/account-resets/not-a-uuid').expect(400);
    });
  });
});
