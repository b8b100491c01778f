import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loginAllRoles, requestAs, type LoggedInUser, type RoleLogins } from '../support/auth-fixtures.js';
import { createListedCase, createTwoCases } from '../support/case-fixtures.js';
import { createAbductee, createIncident } from '../support/incident-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createTestimony, createWitness, termIds } from '../support/testimony-fixtures.js';
import { readAuditLog } from '../support/audit-log.js';

const SEALED_NAME = '최영철';

describe('abductees', () => {
  let t: TestApp;
  let as: RoleLogins;
  let otherLead: LoggedInUser;
  let caseA: string;
  let caseB: string;
  let testimony: string;
  let incident: string;
  let foreignTestimony: string;
  let foreignIncident: string;
  let foreignAbductee: string;
  const terms: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    ({ caseA, caseB, otherLead } = await createTwoCases(t, as));
    Object.assign(
      terms,
      await termIds(t, [
        ['postWar', 'abduction-category', 'post-war-rok'],
        ['japanese', 'abduction-category', 'japanese'],
        ['missing', 'abductee-status', 'missing'],
        ['returned', 'abductee-status', 'returned'],
        ['yodok', 'facility', 'kwanliso-15'],
      ]),
    );
    testimony = (await createTestimony(t, as.investigator, await createWitness(t, as.investigator, caseA), '납북')).id;
    incident = (await requestAs(t, as.investigator, 'post', '/incidents', { caseId: caseA, title: 'Abduction at sea' }))
      .body.id;
    foreignTestimony = (await createTestimony(t, otherLead, await createWitness(t, otherLead, caseB), '납북')).id;
    foreignIncident = (await requestAs(t, otherLead, 'post', '/incidents', { caseId: caseB, title: 'B' })).body.id;
    foreignAbductee = (await requestAs(t, otherLead, 'post', '/abductees', { caseId: caseB, name: 'B' })).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  // Each test makes the abductees it reads with these, so that any one of them runs alone.
  /** The first test's abductee, whose name is sealed, linked to a testimony and an incident. */
  const sealedBody = (caseId: string, testimonyId: string, incidentId: string) => ({
    caseId,
    name: SEALED_NAME,
    nameAtRisk: true,
    nationality: 'KR',
    abductionCategoryTermId: terms.postWar,
    abductedFrom: '1977-08-01',
    abductedTo: '1977-08-31',
    abductionDatePrecision: 'month',
    abductionPlace: 'off Hongdo island, fishing boat',
    lastSeenDate: '1998-01-01',
    lastSeenDatePrecision: 'circa',
    lastSeenPlace: 'Yodok',
    lastSeenSource: 'a former prisoner',
    statusTermId: terms.missing,
    externalReferences: [{ authority: 'Ministry of Unification', reference: 'KAR-1977-0042' }],
    testimonyIds: [testimonyId],
    incidentIds: [incidentId],
  });
  /** The second test's abductee, in the clear (`fields` change it). */
  const openBody = (fields: Record<string, unknown> = {}) => ({
    name: 'Yokota Megumi',
    nationality: 'JP',
    abductionCategoryTermId: terms.japanese,
    statusTermId: terms.missing,
    ...fields,
  });
  const aSealed = () => createAbductee(t, as.investigator, caseA, sealedBody(caseA, testimony, incident));
  /**
   * A case of its own (its analyst lists it alone) with both abductees, the sealed one linked to a
   * testimony and an incident of that case, the other one's status changed to returned.
   */
  async function listedAbductees() {
    const { caseId, analyst } = await createListedCase(t, as);
    const testimonyId = (
      await createTestimony(t, as.investigator, await createWitness(t, as.investigator, caseId), '납북')
    ).id;
    const incidentId = (await createIncident(t, as.investigator, caseId, { title: 'Abduction at sea' })).id;
    const sealed = await createAbductee(t, as.investigator, caseId, sealedBody(caseId, testimonyId, incidentId));
    const open = await createAbductee(t, as.investigator, caseId, openBody({ statusTermId: terms.returned }));
    return { caseId, analyst, testimonyId, incidentId, sealed, open };
  }

  it('registers an abductee whose name is sealed because relatives are at risk', async () => {
    const res = await requestAs(t, as.investigator, 'post', '/abductees', sealedBody(caseA, testimony, incident));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      reference: expect.stringMatching(/^A-\d{6}$/),
      name: null,
      nameSealed: true,
      lastSeen: { date: '1998-01-01', datePrecision: 'circa', place: 'Yodok', source: 'a former prisoner' },
      externalReferences: [{ authority: 'Ministry of Unification', reference: 'KAR-1977-0042' }],
      testimonyIds: [testimony],
      incidentIds: [incident],
    });
    const sealed = res.body;
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT * FROM abductees WHERE id = $1', [sealed.id]);
      const raw = JSON.stringify(rows[0]) + Buffer.from(rows[0].name_ciphertext).toString('utf8');
      expect(raw).not.toContain(SEALED_NAME);
      expect(rows[0].name_key_id).toBe('k1');
    } finally {
      await client.end();
    }
  });

  it('registers one whose name is not at risk, shown in the clear', async () => {
    const res = await requestAs(t, as.investigator, 'post', '/abductees', { caseId: caseA, ...openBody() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Yokota Megumi', nameSealed: false });
  });

  it('opens a sealed name only with witness.identity.read and a reason, auditing the read', async () => {
    const sealed = await aSealed();
    const path = `/abductees/${sealed.id}/name/read`;
    expect((await requestAs(t, as.analyst, 'post', path, { reason: 'checking a name' })).status).toBe(403);
    expect((await requestAs(t, as.auditor, 'post', path, { reason: 'checking a name' })).status).toBe(403);
    const noReason = await requestAs(t, as.legal_reviewer, 'post', path, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const read = await requestAs(t, as.legal_reviewer, 'post', path, { reason: 'matching a government list' });
    expect(read.status).toBe(201);
    expect(read.body).toEqual({ abducteeId: sealed.id, name: SEALED_NAME });
    const rows = await readAuditLog(
      t.app.get(DataSource),
      `SELECT actor_user_id, reason FROM audit_events WHERE action = 'abductee.name.read' AND subject_id = $1`,
      [sealed.id],
    );
    expect(rows).toEqual([{ actor_user_id: as.legal_reviewer.id, reason: 'matching a government list' }]);
    expect((await requestAs(t, as.analyst, 'get', `/abductees/${sealed.id}`)).body.name).toBeNull();
  });

  it('changes a record with its version; sealing and unsealing a name', async () => {
    const open = await createAbductee(t, as.investigator, caseA, openBody());
    const stale = await requestAs(t, as.investigator, 'patch', `/abductees/${open.id}`, { version: 0, notes: 'x' });
    expect(stale.status).toBe(409);
    const sealedNow = await requestAs(t, as.investigator, 'patch', `/abductees/${open.id}`, {
      version: open.version,
      nameAtRisk: true,
      statusTermId: terms.returned,
    });
    expect(sealedNow.status).toBe(200);
    expect(sealedNow.body).toMatchObject({ name: null, nameSealed: true, statusTermId: terms.returned, version: 2 });
    const read = await requestAs(t, as.coordinator, 'post', `/abductees/${open.id}/name/read`, {
      reason: 'confirming the seal kept the name',
    });
    expect(read.body.name).toBe('Yokota Megumi');
    const unsealWithoutName = await requestAs(t, as.investigator, 'patch', `/abductees/${open.id}`, {
      version: 2,
      nameAtRisk: false,
    });
    expect(unsealWithoutName.status).toBe(400);
    expect(unsealWithoutName.body.errors[0].field).toBe('name');
    const unsealed = await requestAs(t, as.investigator, 'patch', `/abductees/${open.id}`, {
      version: 2,
      nameAtRisk: false,
      name: 'Yokota Megumi',
    });
    expect(unsealed.body).toMatchObject({ name: 'Yokota Megumi', nameSealed: false, version: 3 });
  });

  it('lists with filters: category, status, nationality, testimony, incident', async () => {
    const { analyst, testimonyId: testimony, incidentId: incident, sealed, open } = await listedAbductees();
    const ids = async (query: string) =>
      ((await requestAs(t, analyst, 'get', `/abductees?${query}`)).body.items as Array<{ id: string }>)
        .map((a) => a.id)
        .sort();
    expect(await ids('')).toEqual([sealed.id, open.id].sort());
    expect(await ids(`category=${terms.japanese}`)).toEqual([open.id]);
    expect(await ids(`status=${terms.missing}`)).toEqual([sealed.id]);
    expect(await ids('nationality=KR')).toEqual([sealed.id]);
    expect(await ids(`testimonyId=${testimony}`)).toEqual([sealed.id]);
    expect(await ids(`incidentId=${incident}`)).toEqual([sealed.id]);
  });

  it('refuses bad input and references to another case, naming the field', async () => {
    const cases: Array<[object, string]> = [
      [{ caseId: caseA, nameAtRisk: true }, 'name'],
      [{ caseId: caseA, nationality: 'Korea' }, 'nationality'],
      [{ caseId: caseA, abductionCategoryTermId: terms.missing }, 'abductionCategoryTermId'],
      [{ caseId: caseA, statusTermId: terms.yodok }, 'statusTermId'],
      [{ caseId: caseA, abductedFrom: '1978-01-01', abductedTo: '1977-01-01' }, 'abductedTo'],
      [{ caseId: caseA, lastSeenDate: 'yesterday' }, 'lastSeenDate'],
      [{ caseId: caseA, externalReferences: [{ authority: 'x' }] }, 'externalReferences.0.reference'],
      [{ caseId: caseA, testimonyIds: [foreignTestimony] }, 'testimonyIds'],
      [{ caseId: caseA, incidentIds: [foreignIncident] }, 'incidentIds'],
      [{ caseId: caseA, notes: null }, 'notes'],
    ];
    for (const [body, field] of cases) {
      const res = await requestAs(t, as.investigator, 'post', '/abductees', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('answers 404 for every route with an id of another case, 401 and 403', async () => {
    const sealed = await aSealed();
    for (const [method, path, body, user] of [
      ['post', '/abductees', { caseId: caseB }, as.investigator],
      ['get', `/abductees/${foreignAbductee}`, undefined, as.investigator],
      ['patch', `/abductees/${foreignAbductee}`, { version: 1, notes: 'x' }, as.investigator],
      ['post', `/abductees/${foreignAbductee}/withdraw`, { reason: 'because' }, as.investigator],
      ['post', `/abductees/${foreignAbductee}/name/read`, { reason: 'because' }, as.coordinator],
    ] as const) {
      const res = await requestAs(t, user, method, path, body);
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
    }
    expect((await requestAs(t, undefined, 'get', '/abductees')).status).toBe(401);
    expect((await requestAs(t, as.analyst, 'post', '/abductees', { caseId: caseA })).status).toBe(403);
    expect((await requestAs(t, as.auditor, 'get', `/abductees/${sealed.id}`)).status).toBe(403);
  });

  it('withdraws a record without deleting it; audit rows never hold the name', async () => {
    const { caseId, analyst, sealed, open } = await listedAbductees();
    // The other writes of the tests above, so that the audit below holds one of each kind.
    const changed = await requestAs(t, as.investigator, 'patch', `/abductees/${sealed.id}`, {
      version: sealed.version,
      notes: 'seen again in 1999',
    });
    expect(changed.status).toBe(200);
    const read = await requestAs(t, as.coordinator, 'post', `/abductees/${sealed.id}/name/read`, {
      reason: 'matching a government list',
    });
    expect(read.status).toBe(201);
    const res = await requestAs(t, as.investigator, 'post', `/abductees/${open.id}/withdraw`, {
      reason: 'registered twice',
    });
    expect(res.status).toBe(201);
    expect(res.body.withdrawn.reason).toBe('registered twice');
    const listed = await requestAs(t, analyst, 'get', '/abductees?includeWithdrawn=true');
    expect(listed.body.total).toBe(2);
    expect((await requestAs(t, analyst, 'get', '/abductees')).body.total).toBe(1);
    const rows = await readAuditLog(
      t.app.get(DataSource),
      `SELECT action, details FROM audit_events WHERE subject_type = 'abductee' AND case_id = $1 ORDER BY seq`,
      [caseId],
    );
    expect(new Set(rows.map((r: { action: string }) => r.action))).toEqual(
      new Set(['abductee.create', 'abductee.update', 'abductee.withdraw', 'abductee.name.read']),
    );
    expect(JSON.stringify(rows)).not.toContain(SEALED_NAME);
    expect(JSON.stringify(rows)).not.toContain('Yokota');
  });
});
