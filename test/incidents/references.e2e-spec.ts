import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loginAllRoles, requestAs, type LoggedInUser, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A problem without what differs per request (its instance and request id). */
const problem = ({ instance: _instance, requestId: _requestId, ...rest }: Record<string, unknown>) => rest;

/**
 * `/incidents/:id` and `/abductees/:id` take the reference (I-000042, A-000007) in place of the
 * id, so the web client's URLs can name records as people do; a reference reveals no more than an
 * id: another case's record answers the same 404 as a missing one.
 */
describe('incident and abductee references in routes', () => {
  let t: TestApp;
  let as: RoleLogins;
  let otherLead: LoggedInUser;
  const mine = { incident: { id: '', reference: '' }, abductee: { id: '', reference: '' } };
  const foreign = { incident: '', abductee: '' };

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    const { caseA, caseB, otherLead: lead } = await createTwoCases(t, as);
    otherLead = lead;
    const incident = await requestAs(t, as.investigator, 'post', '/incidents', { caseId: caseA, title: 'Mine' });
    const abductee = await requestAs(t, as.investigator, 'post', '/abductees', { caseId: caseA, name: '김철수' });
    mine.incident = incident.body;
    mine.abductee = abductee.body;
    foreign.incident = (
      await requestAs(t, otherLead, 'post', '/incidents', { caseId: caseB, title: 'Theirs' })
    ).body.reference;
    foreign.abductee = (
      await requestAs(t, otherLead, 'post', '/abductees', { caseId: caseB, name: '이영희' })
    ).body.reference;
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads, changes and withdraws an incident by its reference', async () => {
    const byRef = await requestAs(t, as.investigator, 'get', `/incidents/${mine.incident.reference}`).expect(200);
    const byId = await requestAs(t, as.investigator, 'get', `/incidents/${mine.incident.id}`).expect(200);
    expect(problem(byRef.body)).toEqual(problem(byId.body));
    const changed = await requestAs(t, as.investigator, 'patch', `/incidents/${mine.incident.reference}`, {
      title: 'Mine, renamed',
      version: byRef.body.version,
    }).expect(200);
    expect(changed.body).toMatchObject({ id: mine.incident.id, title: 'Mine, renamed' });
    await requestAs(t, as.investigator, 'get', `/incidents/${mine.incident.reference}/sources`).expect(200);
  });

  it('reads an abductee and its name by reference', async () => {
    const byRef = await requestAs(t, as.investigator, 'get', `/abductees/${mine.abductee.reference}`).expect(200);
    expect(byRef.body.id).toBe(mine.abductee.id);
    const name = await requestAs(t, as.investigator, 'post', `/abductees/${mine.abductee.reference}/name/read`, {
      reason: 'checking the registry',
    }).expect(201);
    expect(name.body).toEqual({ abducteeId: mine.abductee.id, name: '김철수' });
  });

  it('answers another case’s reference exactly as its id, an unknown reference as an unknown id (404), and a malformed one with a 400 naming id', async () => {
    for (const [kind, reference] of [
      ['incidents', foreign.incident],
      ['abductees', foreign.abductee],
    ]) {
      const id = (await requestAs(t, otherLead, 'get', `/${kind}/${reference}`).expect(200)).body.id;
      const byRef = await requestAs(t, as.investigator, 'get', `/${kind}/${reference}`).expect(404);
      const byId = await requestAs(t, as.investigator, 'get', `/${kind}/${id}`).expect(404);
      expect(problem(byRef.body)).toEqual(problem(byId.body));
      const unknownRef = await requestAs(
        t,
        as.investigator,
        'get',
        `/${kind}/${kind === 'incidents' ? 'I' : 'A'}-999999`,
      );
      const unknownId = await requestAs(t, as.investigator, 'get', `/${kind}/00000000-0000-4000-8000-000000000000`);
      expect(unknownRef.status).toBe(404);
      expect(problem(unknownRef.body)).toEqual(problem(unknownId.body));
    }
    for (const path of ['/incidents/I-12', '/abductees/T-000001', '/incidents/A-000001']) {
      const bad = await requestAs(t, as.investigator, 'get', path).expect(400);
      expect(bad.body.errors[0].field).toBe('id');
    }
  });
});
