import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { CaseRole } from '@sillok/cases';
import { Role } from '@sillok/auth';
import { bearer, createAndLogin, type LoggedInUser } from '../support/auth-fixtures.js';
import { createCase } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWitness } from '../support/testimony-fixtures.js';
import { readAuditLog } from '../support/audit-log.js';

/**
 * The case role caps identity reads: a viewer reads the case's pseudonymised content, and only
 * members and leads (whose global role allows it) read who a witness is. An investigator or
 * legal reviewer added as a viewer used to read identities.
 */
describe('identity reads need case role member or lead', () => {
  let t: TestApp;
  let lead: LoggedInUser;
  let member: LoggedInUser;
  let viewingInvestigator: LoggedInUser;
  let viewingReviewer: LoggedInUser;
  let witness: string;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    lead = await createAndLogin(t, Role.Coordinator);
    member = await createAndLogin(t, Role.LegalReviewer);
    viewingInvestigator = await createAndLogin(t, Role.Investigator);
    viewingReviewer = await createAndLogin(t, Role.LegalReviewer);
    caseId = await createCase(t, lead, {
      members: [
        [member, CaseRole.Member],
        [viewingInvestigator, CaseRole.Viewer],
        [viewingReviewer, CaseRole.Viewer],
      ],
    });
    witness = await createWitness(t, lead, caseId);
    await t.http().put(`/witnesses/${witness}/identity`).set(bearer(lead)).send({ legalName: '김영희' }).expect(200);
  });
  afterAll(async () => t?.close());

  const readIdentity = (user: LoggedInUser) =>
    t.http().post(`/witnesses/${witness}/identity/read`).set(bearer(user)).send({ reason: 'preparing a filing' });

  it('a viewer is refused (403: they may know the case) and the refusal is audited; the witness stays readable', async () => {
    for (const viewer of [viewingInvestigator, viewingReviewer]) {
      const res = await readIdentity(viewer);
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('김영희');
      expect((await t.http().get(`/witnesses/${witness}`).set(bearer(viewer))).status).toBe(200);
    }
    const refusals = await readAuditLog(
      t.app.get(DataSource),
      `SELECT actor_user_id FROM audit_events WHERE action = 'access.refused' AND details->>'permission' = $1`,
      ['witness.identity.read'],
    );
    expect(refusals.map((r: { actor_user_id: string }) => r.actor_user_id).sort()).toEqual(
      [viewingInvestigator.id, viewingReviewer.id].sort(),
    );
  });

  it('a member and the lead read it', async () => {
    for (const reader of [member, lead]) {
      const res = await readIdentity(reader);
      expect(res.status).toBe(201);
      expect(res.body.identity.legalName).toBe('김영희');
    }
  });

  it('a viewer cannot export the case with identities either, though a viewer may export what it reads', async () => {
    const exportWithIdentities = await t.http().post(`/cases/${caseId}/exports`).set(bearer(viewingReviewer)).send({
      profile: 'prosecution',
      recipient: 'Prosecutor',
      includeIdentities: true,
      identityReason: 'preparing a court filing',
      includeUnapproved: true,
      confirmEmpty: true,
    });
    expect(exportWithIdentities.status).toBe(403);
    const rows = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM case_exports`);
    expect(rows[0].n).toBe(0);
  });
});
