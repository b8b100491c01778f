import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, loginAllRoles, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { captureLogs, failEachTestOnErrorLogs } from '../support/log-capture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createTestimony, createWitness } from '../support/testimony-fixtures.js';

/**
 * Input that passes a loose check and then fails in PostgreSQL used to answer 500 (and log the
 * query with its values). Each must be a 400 naming the field, and nothing of it reach a log.
 */
describe('bad input never reaches the database', () => {
  const logs = captureLogs();
  // None of what the tests send may be answered with a 500.
  failEachTestOnErrorLogs(logs);
  let t: TestApp;
  let as: RoleLogins;
  let caseA: string;
  let witness: string;
  let testimony: { id: string; version: number };

  beforeAll(async () => {
    t = await startTestApp({ logDestination: logs.stream });
    as = await loginAllRoles(t);
    ({ caseA } = await createTwoCases(t, as));
    witness = await createWitness(t, as.investigator, caseA);
    testimony = await createTestimony(t, as.investigator, witness, '요덕 수용소에서');
  });
  afterAll(async () => t?.close());

  const get = (path: string, user = as.investigator) => t.http().get(path).set(bearer(user));
  const fields = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);

  it.each([
    ['an offset beyond any list', '/testimonies?offset=100000000000000000000', 'offset'],
    ['a week date as an interview date', '/testimonies?interviewedFrom=2026-W01', 'interviewedFrom'],
    ['a bare year as an interview date', '/testimonies?interviewedTo=2026', 'interviewedTo'],
    ['the 30th of February', '/incidents?dateFrom=2026-02-30', 'dateFrom'],
    ['a NUL character in a query', '/taxonomy/lookup?q=%00', 'q'],
  ])('lists: %s is a 400 naming the field', async (_what, path, field) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(fields(res.body)).toContain(field);
  });

  it('audit: a time PostgreSQL would misread is a 400 naming the field', async () => {
    for (const from of ['2026-W01', '2026-05-01T10']) {
      const res = await get(`/audit?from=${from}`, as.auditor);
      expect({ from, status: res.status, fields: fields(res.body) }).toEqual({ from, status: 400, fields: ['from'] });
    }
  });

  it('revisions: numbers beyond an integer and malformed ids are 400s naming the parameter', async () => {
    const huge = await get(`/testimonies/${testimony.id}/revisions/99999999999`);
    expect([huge.status, fields(huge.body)]).toEqual([400, ['revision']]);
    const diff = await get(`/testimonies/${testimony.id}/revisions/diff?from=1&to=99999999999`);
    expect([diff.status, fields(diff.body)]).toEqual([400, ['to']]);
    const malformed = await get('/testimonies/not-a-uuid');
    expect([malformed.status, fields(malformed.body)]).toEqual([400, ['id']]);
  });

  it('a NUL character in a narrative is a 400 naming the field, and the text reaches no log', async () => {
    const res = await t
      .http()
      .patch(`/testimonies/${testimony.id}`)
      .set(bearer(as.investigator))
      .send({ version: testimony.version, narrative: 'My brother Kim Chol-su\u0000 is in Hoeryong' });
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(['narrative']);
    expect(logs.text()).not.toContain('Kim Chol-su');
  });

  it('an interviewer who is no user is a 400 naming interviewerIds, and nothing is written', async () => {
    const nobody = '00000000-0000-4000-8000-000000000000';
    const res = await t
      .http()
      .post('/testimonies')
      .set(bearer(as.investigator))
      .send({
        witnessId: witness,
        forum: 'confidential_interview',
        originalLanguage: 'ko',
        title: 'x',
        interviewerIds: [nobody],
      });
    expect([res.status, fields(res.body)]).toEqual([400, ['interviewerIds']]);
    const list = await get(`/testimonies?witnessId=${witness}`);
    expect(list.body.total).toBe(1);
    const known = await t
      .http()
      .patch(`/testimonies/${testimony.id}`)
      .set(bearer(as.investigator))
      .send({ version: testimony.version, interviewerIds: [as.investigator.id] });
    expect(known.status).toBe(200);
  });
});
