import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loginAllRoles, requestAs, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { uploadTexts } from '../evidence/attachment-fixtures.js';
import { listRoutes } from '../support/route-listing.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createTestimony, createWitness } from '../support/testimony-fixtures.js';

// "Missing and forbidden answer the same 404" means the same answer, not only the same status:
// a detail that said "case not found" for another case's record and "incident not found" for a
// missing one told an outsider which references exist. Every GET route on one record is asked,
// by a user of another case, about a record of case B and about one that does not exist.
describe('a record of another case answers exactly as a missing one', () => {
  let t: TestApp;
  let as: RoleLogins;
  /** Case B's records by the path segment that reads them: [id, reference]. */
  const records: Record<string, { id: string; reference: string | null; missingReference: string | null }> = {};

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    const { caseB, otherLead } = await createTwoCases(t, as);
    const witness = await createWitness(t, otherLead, caseB);
    const testimony = await createTestimony(t, otherLead, witness, '요덕에서 본 일');
    const incident = (await requestAs(t, otherLead, 'post', '/incidents', { caseId: caseB, title: 'B' })).body;
    const abductee = (await requestAs(t, otherLead, 'post', '/abductees', { caseId: caseB, name: 'B' })).body;
    const [attachment] = await uploadTexts(t, otherLead, testimony.id, ['B']);
    const read = async (path: string) => (await requestAs(t, otherLead, 'get', path)).body;
    records.cases = {
      id: caseB,
      reference: (await read(`/cases/${caseB}`)).reference,
      missingReference: 'CASE-1999-9999',
    };
    records.witnesses = {
      id: witness,
      reference: (await read(`/witnesses/${witness}`)).pseudonym,
      missingReference: 'W-999999',
    };
    records.testimonies = {
      id: testimony.id,
      reference: (await read(`/testimonies/${testimony.id}`)).reference,
      missingReference: 'T-999999',
    };
    records.incidents = { id: incident.id, reference: incident.reference, missingReference: 'I-999999' };
    records.abductees = { id: abductee.id, reference: abductee.reference, missingReference: 'A-999999' };
    records.attachments = { id: attachment, reference: null, missingReference: null };
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  /** The answer without what differs from request to request. */
  const answer = async (path: string) => {
    const res = await requestAs(t, as.investigator, 'get', path);
    const { instance: _instance, requestId: _requestId, ...body } = res.body as Record<string, unknown>;
    return { status: res.status, body };
  };

  /** GET routes on one record of a kind above: `/testimonies/:id`, `/testimonies/:id/revisions`, ... */
  const oneRecordRoutes = () =>
    listRoutes(t.app)
      .filter((r) => r.method === 'GET')
      .map((r) => r.path.match(/^\/([a-z]+)\/:id(\/[a-z/-]*)?$/))
      .filter((m): m is RegExpMatchArray => m !== null && m[1] in records)
      .map(([path, kind, rest]) => ({ path, kind, rest: rest ?? '' }));

  it('by id, on every GET route of a record', async () => {
    const routes = oneRecordRoutes();
    expect(routes.length).toBeGreaterThan(15);
    const differing: string[] = [];
    let answered404 = 0;
    for (const { path, kind, rest } of routes) {
      const foreign = await answer(`/${kind}/${records[kind].id}${rest}`);
      const missing = await answer(`/${kind}/${randomUUID()}${rest}`);
      // A 403 (the role lacks the permission in any case) or 400 (a required query parameter) comes first,
      // for a missing record as well; what counts is that the two answers are the same.
      if (foreign.status === 404) answered404++;
      if (JSON.stringify(foreign) !== JSON.stringify(missing))
        differing.push(`${path}: ${JSON.stringify(foreign.body)} vs ${JSON.stringify(missing.body)}`);
    }
    expect(differing).toEqual([]);
    expect(answered404).toBeGreaterThan(15);
  });

  it('by reference, where the route takes one', async () => {
    const differing: string[] = [];
    for (const { path, kind, rest } of oneRecordRoutes()) {
      const { reference, missingReference } = records[kind];
      if (!reference || !missingReference) continue;
      const foreign = await answer(`/${kind}/${reference}${rest}`);
      const missing = await answer(`/${kind}/${missingReference}${rest}`);
      if (foreign.status === 400 && missing.status === 400) continue; // the route takes ids only
      if (JSON.stringify(foreign) !== JSON.stringify(missing))
        differing.push(`${path}: ${JSON.stringify(foreign.body)} vs ${JSON.stringify(missing.body)}`);
    }
    expect(differing).toEqual([]);
  });
});
