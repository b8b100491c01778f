import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { loginAllRoles, requestAs, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases, type TwoCases } from '../support/case-fixtures.js';
import { createTestimony, createWitness } from '../support/testimony-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Routes take a case reference (CASE-2026-0001) wherever they take a case id, and a testimony
 * reference or witness pseudonym where they take those ids. A reference reveals exactly what an
 * id reveals: unknown and not-a-member answer the same 404.
 */
describe('references in place of ids', () => {
  let t: TestApp;
  let as: RoleLogins;
  let cases: TwoCases;
  let refA: string;
  let refB: string;
  let testimony: { id: string; reference: string };
  let witness: { id: string; pseudonym: string };

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    cases = await createTwoCases(t, as);
    const rows: Array<{ id: string; reference: string }> = await t.app
      .get(DataSource)
      .query(`SELECT id, reference FROM cases WHERE id = ANY($1::uuid[])`, [[cases.caseA, cases.caseB]]);
    refA = rows.find((r) => r.id === cases.caseA)!.reference;
    refB = rows.find((r) => r.id === cases.caseB)!.reference;
    const witnessId = await createWitness(t, as.investigator, cases.caseA);
    const created = await createTestimony(t, as.investigator, witnessId, '요덕 수용소에서 강제노동을 했다.');
    testimony = { id: created.id, reference: (created as unknown as { reference: string }).reference };
    const w = await requestAs(t, as.investigator, 'get', `/witnesses/${witnessId}`).expect(200);
    witness = { id: witnessId, pseudonym: w.body.pseudonym };
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads a case, its members and its exports by reference, answering with the id', async () => {
    expect(refA).toMatch(/^CASE-\d{4}-\d{4,}$/);
    const res = await requestAs(t, as.investigator, 'get', `/cases/${refA}`).expect(200);
    expect(res.body).toMatchObject({ id: cases.caseA, reference: refA });
    const members = await requestAs(t, as.investigator, 'get', `/cases/${refA}/members`).expect(200);
    expect(members.body.total).toBe(4);
    await requestAs(t, as.coordinator, 'get', `/cases/${refA}/member-candidates?q=x`).expect(200);
    await requestAs(t, as.legal_reviewer, 'get', `/cases/${refA}/exports`).expect(200);
    await requestAs(t, as.investigator, 'get', `/cases/${refA}/attachments`).expect(200);
    const patched = await requestAs(t, as.coordinator, 'patch', `/cases/${refA}`, { title: 'Renamed by reference' });
    expect(patched.status).toBe(200);
    expect(patched.body.id).toBe(cases.caseA);
  });

  it('answers an unknown reference and another case reference with the same 404 as an unknown id', async () => {
    const unknown = await requestAs(t, as.investigator, 'get', '/cases/CASE-1999-9999').expect(404);
    const other = await requestAs(t, as.investigator, 'get', `/cases/${refB}`).expect(404);
    const byId = await requestAs(t, as.investigator, 'get', `/cases/${cases.caseB}`).expect(404);
    const shape = (body: Record<string, unknown>) => ({ ...body, instance: undefined, requestId: undefined });
    expect(shape(unknown.body)).toEqual(shape(byId.body));
    expect(shape(other.body)).toEqual(shape(byId.body));
    await requestAs(t, as.investigator, 'get', `/cases/${refB}/members`).expect(404);
    await requestAs(t, as.investigator, 'get', '/cases/CASE-1999-9999/members').expect(404);
  });

  it('refuses a parameter that is neither an id nor a reference with a 400 naming it', async () => {
    const res = await requestAs(t, as.investigator, 'get', '/cases/case-2026-1').expect(400);
    expect(res.body.errors).toEqual([{ field: 'id', reason: expect.stringContaining('CASE-2026-0001') }]);
  });

  it('keeps the role check first: a role without the permission gets 403 before any lookup', async () => {
    await requestAs(t, as.auditor, 'get', `/cases/${refA}`).expect(403);
    await requestAs(t, as.auditor, 'get', '/cases/CASE-1999-9999').expect(403);
  });

  it('reads a testimony by its reference and a witness by its pseudonym', async () => {
    expect(testimony.reference).toMatch(/^T-\d{6,}$/);
    const res = await requestAs(t, as.investigator, 'get', `/testimonies/${testimony.reference}`).expect(200);
    expect(res.body.id).toBe(testimony.id);
    await requestAs(t, as.investigator, 'get', `/testimonies/${testimony.reference}/tags`).expect(200);
    await requestAs(t, as.investigator, 'get', `/testimonies/${testimony.reference}/revisions`).expect(200);
    const w = await requestAs(t, as.investigator, 'get', `/witnesses/${witness.pseudonym}`).expect(200);
    expect(w.body.id).toBe(witness.id);
    await requestAs(t, as.investigator, 'get', '/testimonies/T-999999999').expect(404);
    await requestAs(t, cases.otherLead, 'get', `/testimonies/${testimony.reference}`).expect(404);
    await requestAs(t, cases.otherLead, 'get', `/witnesses/${witness.pseudonym}`).expect(404);
  });

  it('declares the id-or-reference pattern in the OpenAPI document', async () => {
    const doc = (await t.http().get('/api/openapi.json').expect(200)).body;
    const param = doc.paths['/cases/{id}'].get.parameters.find((p: { name: string }) => p.name === 'id');
    expect(param.schema.pattern).toContain('CASE-');
    expect(new RegExp(param.schema.pattern).test(refA)).toBe(true);
    expect(new RegExp(param.schema.pattern).test(cases.caseA)).toBe(true);
    expect(new RegExp(param.schema.pattern).test('case-2026-1')).toBe(false);
    const exportsParam = doc.paths['/cases/{id}/exports'].post.parameters.find(
      (p: { name: string }) => p.name === 'id',
    );
    expect(exportsParam.schema.pattern).toBe(param.schema.pattern);
  });
});
