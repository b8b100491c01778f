import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { bearer, loginAllRoles, type LoggedInUser, type RoleLogins } from '../support/auth-fixtures.js';
import { createCase, createTwoCases } from '../support/case-fixtures.js';
import { createTestimony, recordConsent, registerWitness, sealIdentity } from '../support/testimony-fixtures.js';
import { CaseRole } from '@sillok/cases';
import { API_ENTRY, runNode } from '../support/processes.js';
import { startTestApp, TEST_SECRETS, type TestApp } from '../support/test-app.js';
import { queryOnce } from '../support/test-database.js';
import { readAuditLog } from '../support/audit-log.js';

const NARRATIVE_KO =
  '1997년 무렵 요덕 수용소에서 강제노동을 했습니다.\n보위원들이 매일 구타했습니다.\n어머니는 아직 함경북도에 계십니다.';
const NARRATIVE_EN = 'Around 1997 I did forced labour at Yodok camp.\nGuards beat us every day.';

describe('testimonies', () => {
  let t: TestApp;
  let as: RoleLogins;
  let outsider: LoggedInUser;
  let caseA: string;
  let caseB: string;

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    ({ caseA, caseB, otherLead: outsider } = await createTwoCases(t, as));
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (user: LoggedInUser, path: string, body: object) => t.http().post(path).set(bearer(user)).send(body);
  const get = (user: LoggedInUser, path: string) => t.http().get(path).set(bearer(user));
  const patch = (user: LoggedInUser, path: string, body: object) => t.http().patch(path).set(bearer(user)).send(body);
  const put = (user: LoggedInUser, path: string, body: object) => t.http().put(path).set(bearer(user)).send(body);

  // Each test makes the records it reads through these, so that any one of them runs alone.
  const IDENTITY = {
    legalName: '김영희',
    otherNames: ['Kim Young-hee'],
    familyInDprk: [{ relation: 'mother', location: '회령' }],
  };
  const CONSENTED_SCOPES = ['internal', 'un_mechanisms', 'courts'];
  /** A witness of case A (or `caseId`), optionally with the sealed identity above. */
  async function aWitness(options: { identity?: boolean; caseId?: string } = {}) {
    const witness = await registerWitness(t, as.investigator, options.caseId ?? caseA);
    if (options.identity) await sealIdentity(t, as.investigator, witness.id, IDENTITY);
    return witness;
  }
  /** A draft Korean testimony with its English translation, as the test of logging one makes. */
  const aTestimony = (witnessId: string, fields: Record<string, unknown> = {}) =>
    createTestimony(t, as.investigator, witnessId, {
      narrative: NARRATIVE_KO,
      translations: [{ language: 'en', text: NARRATIVE_EN }],
      ...fields,
    });
  /** Two testimonies of one witness of case A. */
  async function twoStatements() {
    const witness = await aWitness({ identity: true });
    return { witness, first: await aTestimony(witness.id), second: await aTestimony(witness.id) };
  }

  it('registers a witness under a generated pseudonym', async () => {
    const res = await post(as.investigator, '/witnesses', {
      caseId: caseA,
      sex: 'female',
      birthYear: 1968,
      provinceOfOrigin: 'North Hamgyong',
      leftDprkYear: 2003,
      arrivalYear: 2005,
      currentCountry: 'KR',
      languages: ['ko'],
      reprisalRisk: true,
      reprisalRiskNote: 'mother still in the DPRK',
    });
    expect(res.status).toBe(201);
    expect(res.body.pseudonym).toMatch(/^W-\d{6}$/);
  });

  it('refuses bad witness input naming the field', async () => {
    const res = await post(as.investigator, '/witnesses', { caseId: caseA, birthYear: 1850, legalName: 'x' });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['birthYear', 'legalName']));
  });

  it('keeps the identity encrypted: no plaintext in the table', async () => {
    const witness = await aWitness();
    const res = await t
      .http()
      .put(`/witnesses/${witness.id}/identity`)
      .set(bearer(as.investigator))
      .send({
        legalName: '김영희',
        otherNames: ['Kim Young-hee'],
        familyInDprk: [{ relation: 'mother', location: '회령' }],
      });
    expect(res.status).toBe(200);
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT * FROM witness_identities WHERE witness_id = $1', [witness.id]);
      expect(rows).toHaveLength(1);
      const raw = JSON.stringify(rows[0]) + Buffer.from(rows[0].ciphertext).toString('utf8');
      for (const secret of ['김영희', 'Kim Young-hee', '회령', 'mother']) expect(raw).not.toContain(secret);
      expect(rows[0].key_id).toBe('k1');
    } finally {
      await client.end();
    }
  });

  it('shows the identity only with the permission and a reason, auditing each read', async () => {
    const witness = await aWitness({ identity: true });
    const path = `/witnesses/${witness.id}/identity/read`;
    expect((await post(as.analyst, path, { reason: 'checking a family name' })).status).toBe(403);
    const noReason = await post(as.legal_reviewer, path, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const read = await post(as.legal_reviewer, path, { reason: 'verifying identity before a court filing' });
    expect(read.status).toBe(201);
    expect(read.body.identity.legalName).toBe('김영희');
    const audit = await readAuditLog(
      t.app.get(DataSource),
      `SELECT actor_user_id, reason FROM audit_events WHERE action = 'witness.identity.read' AND subject_id = $1`,
      [witness.id],
    );
    expect(audit).toEqual([
      { actor_user_id: as.legal_reviewer.id, reason: 'verifying identity before a court filing' },
    ]);
    expect((await get(as.investigator, `/witnesses/${witness.id}`)).body).not.toHaveProperty('identity');
  });

  it('records consent as a ledger of versions', async () => {
    const witness = await aWitness();
    const v1 = await post(as.investigator, `/witnesses/${witness.id}/consents`, {
      scopes: ['internal', 'un_mechanisms', 'courts'],
      method: 'written',
      takenAt: '2024-03-01T10:00:00Z',
    });
    expect(v1.status).toBe(201);
    expect(v1.body.current.scopes).toEqual(['courts', 'internal', 'un_mechanisms']);
    const bad = await post(as.investigator, `/witnesses/${witness.id}/consents`, {
      scopes: ['everything'],
      method: 'oral',
      takenAt: 'yesterday',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['scopes', 'takenAt']),
    );
  });

  it('logs two Korean testimonies with English translations, byte for byte', async () => {
    const witness = await aWitness();
    await recordConsent(t, as.investigator, witness.id, CONSENTED_SCOPES);
    const create = (title: string) =>
      post(as.investigator, '/testimonies', {
        witnessId: witness.id,
        forum: 'confidential_interview',
        interviewDate: '2024-03-01',
        interviewCity: 'Seoul',
        interviewCountry: 'KR',
        originalLanguage: 'ko',
        interpreterUsed: false,
        title,
        narrative: NARRATIVE_KO,
        translations: [{ language: 'en', text: NARRATIVE_EN, translator: 'J. Park' }],
      });
    const a = await create('요덕 강제노동');
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({
      status: 'draft',
      revision: 1,
      narrative: NARRATIVE_KO,
      witnessPseudonym: witness.pseudonym,
    });
    expect(a.body.translations[0].text).toBe(NARRATIVE_EN);
    expect(a.body.consent.scopes).toEqual(['courts', 'internal', 'un_mechanisms']);
    expect((await create('두 번째 진술')).status).toBe(201);
  });

  it('round-trips a 100 KB narrative and a narrative of only Hangul exactly', async () => {
    const witness = await aWitness();
    const big = '가나다라마바사 ABC xyz 日本語 — '.repeat(2500).slice(0, 100_000);
    const hangul = '가'.repeat(3000) + '힣';
    for (const narrative of [big, hangul]) {
      const res = await post(as.investigator, '/testimonies', {
        witnessId: witness.id,
        forum: 'written_submission',
        originalLanguage: 'ko',
        title: 'round trip',
        narrative,
      });
      expect(res.status).toBe(201);
      const back = await get(as.investigator, `/testimonies/${res.body.id}`);
      expect(Buffer.from(back.body.narrative, 'utf8').equals(Buffer.from(narrative, 'utf8'))).toBe(true);
    }
  });

  it('approves one, then changes it only with a reason, keeping every revision', async () => {
    const first = await aTestimony((await aWitness()).id);
    const submitted = await post(as.investigator, `/testimonies/${first.id}/status`, {
      action: 'submit',
      version: first.version,
    });
    expect(submitted.status).toBe(201);
    expect(
      (
        await post(as.investigator, `/testimonies/${first.id}/status`, {
          action: 'approve',
          version: submitted.body.version,
        })
      ).status,
    ).toBe(403);
    const approved = await post(as.coordinator, `/testimonies/${first.id}/status`, {
      action: 'approve',
      version: submitted.body.version,
    });
    expect(approved.body.status).toBe('approved');

    const revised = NARRATIVE_KO.replace('1997년 무렵', '1998년 봄');
    const noReason = await patch(as.investigator, `/testimonies/${first.id}`, {
      version: approved.body.version,
      narrative: revised,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');

    const changed = await patch(as.investigator, `/testimonies/${first.id}`, {
      version: approved.body.version,
      narrative: revised,
      reason: 'witness corrected the year in a follow-up call',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ revision: 2, narrative: revised, status: 'under_review' });

    const stale = await patch(as.investigator, `/testimonies/${first.id}`, {
      version: approved.body.version,
      title: 'x',
      reason: 'again',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(changed.body.version);

    const revisions = await get(as.analyst, `/testimonies/${first.id}/revisions`);
    expect(revisions.body.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    expect(revisions.body[1]).toMatchObject({
      changedFields: ['narrative'],
      reason: 'witness corrected the year in a follow-up call',
    });
    const diff = await get(as.analyst, `/testimonies/${first.id}/revisions/diff?from=1&to=2`);
    expect(diff.body.changedFields).toEqual(['narrative']);
    expect(diff.body.fields.narrative).toContainEqual({ op: 'delete', lines: [NARRATIVE_KO.split('\n')[0]] });
    const old = await get(as.analyst, `/testimonies/${first.id}/revisions/1`);
    expect(old.body.content.narrative).toBe(NARRATIVE_KO);
  });

  it('links the two statements of the witness for side-by-side review', async () => {
    const { first, second } = await twoStatements();
    const link = await post(as.investigator, `/testimonies/${first.id}/links`, {
      otherTestimonyId: second.id,
      assessment: 'partly_consistent',
      notes: 'dates differ by a year',
    });
    expect(link.status).toBe(201);
    const fromOther = await get(as.analyst, `/testimonies/${second.id}/links`);
    expect(fromOther.body).toEqual([
      expect.objectContaining({ otherTestimonyId: first.id, assessment: 'partly_consistent' }),
    ]);
  });

  it('withdraws the other: gone from lists, still readable by id and in revisions', async () => {
    const { first, second } = await twoStatements();
    const res = await post(as.investigator, `/testimonies/${second.id}/withdraw`, {
      reason: 'witness asked to withdraw it',
    });
    expect(res.status).toBe(201);
    expect(res.body.withdrawn.reason).toBe('witness asked to withdraw it');
    const list = await get(as.analyst, `/testimonies?caseId=${caseA}`);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(second.id);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(first.id);
    expect((await get(as.analyst, `/testimonies/${second.id}`)).status).toBe(200);
    expect(
      (await patch(as.investigator, `/testimonies/${second.id}`, { version: res.body.version, title: 'x' })).status,
    ).toBe(409);
  });

  it('filters and pages lists', async () => {
    // A case of its own: one testimony matches; one of another forum and a withdrawn one do not.
    const caseId = await createCase(t, as.coordinator, {
      members: [
        [as.investigator, CaseRole.Member],
        [as.analyst, CaseRole.Viewer],
      ],
    });
    const witness = await aWitness({ caseId });
    await aTestimony(witness.id);
    await aTestimony(witness.id, { forum: 'written_submission' });
    const withdrawn = await aTestimony(witness.id);
    await post(as.investigator, `/testimonies/${withdrawn.id}/withdraw`, { reason: 'witness asked' }).expect(201);
    const res = await get(
      as.analyst,
      `/testimonies?caseId=${caseId}&language=ko&forum=confidential_interview&limit=1&sort=reference`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 1, limit: 1, offset: 0 });
    expect((await get(as.analyst, '/testimonies?limit=0')).status).toBe(400);
    expect((await get(as.analyst, '/testimonies?sort=title')).body.errors[0].field).toBe('sort');
  });

  it('answers 404 to a member of another case for every record by id', async () => {
    const { witness, first, second } = await twoStatements();
    await recordConsent(t, as.investigator, witness.id, CONSENTED_SCOPES);
    // A revision 2, so that the revision routes below would answer a member.
    await patch(as.investigator, `/testimonies/${first.id}`, { version: first.version, title: 'retitled' }).expect(200);
    for (const path of [
      `/witnesses/${witness.id}`,
      `/witnesses/${witness.id}/consents`,
      `/testimonies/${first.id}`,
      `/testimonies/${first.id}/revisions`,
      `/testimonies/${first.id}/links`,
    ]) {
      expect({ path, status: (await get(outsider, path)).status }).toEqual({ path, status: 404 });
    }
    expect(
      (await post(outsider, `/witnesses/${witness.id}/identity/read`, { reason: 'not my case at all' })).status,
    ).toBe(404);
    expect((await patch(outsider, `/testimonies/${first.id}`, { version: 1, title: 'x' })).status).toBe(404);
    // Every other route that takes one of case A's ids, with a body that would otherwise be accepted.
    const writes: Array<[string, ReturnType<typeof post>]> = [
      [`PATCH /witnesses/:id`, patch(outsider, `/witnesses/${witness.id}`, { version: 1, sex: 'male' })],
      [`POST /witnesses/:id/withdraw`, post(outsider, `/witnesses/${witness.id}/withdraw`, { reason: 'not mine' })],
      [`PUT /witnesses/:id/identity`, put(outsider, `/witnesses/${witness.id}/identity`, { legalName: 'Someone' })],
      [
        `POST /witnesses/:id/consents`,
        post(outsider, `/witnesses/${witness.id}/consents`, {
          scopes: ['internal'],
          method: 'written',
          takenAt: '2024-01-01T00:00:00Z',
        }),
      ],
      [
        `POST /testimonies/:id/status`,
        post(outsider, `/testimonies/${first.id}/status`, { version: 1, action: 'submit' }),
      ],
      [`POST /testimonies/:id/withdraw`, post(outsider, `/testimonies/${first.id}/withdraw`, { reason: 'not mine' })],
      [
        `POST /testimonies/:id/links`,
        post(outsider, `/testimonies/${first.id}/links`, { otherTestimonyId: second.id }),
      ],
    ];
    for (const [route, answer] of writes)
      expect({ route, status: (await answer).status }).toEqual({ route, status: 404 });
    for (const path of [
      `/testimonies/${first.id}/revisions/1`,
      `/testimonies/${first.id}/revisions/diff?from=1&to=2`,
    ]) {
      expect({ path, status: (await get(outsider, path)).status }).toEqual({ path, status: 404 });
    }
    expect((await get(outsider, `/testimonies?caseId=${caseA}`)).status).toBe(404);
    expect((await get(outsider, '/testimonies')).body.items).toEqual([]);
    expect((await post(outsider, '/witnesses', { caseId: caseA })).status).toBe(404);
    expect((await get(as.auditor, `/testimonies/${first.id}`)).status).toBe(403);
    expect((await t.http().get(`/testimonies/${first.id}`)).status).toBe(401);
    void caseB;
  });

  it('fails loudly, not with garbage, when a sealed identity was tampered with', async () => {
    const witness = await aWitness({ identity: true });
    const tamper = `UPDATE witness_identities SET ciphertext = set_byte(ciphertext, 0, get_byte(ciphertext, 0) # 1) WHERE witness_id = $1`;
    await queryOnce(t.database.url, tamper, [witness.id]);
    try {
      const read = await post(as.legal_reviewer, `/witnesses/${witness.id}/identity/read`, {
        reason: 'testing a tampered record',
      });
      expect(read.status).toBe(500);
      expect(JSON.stringify(read.body)).not.toContain('김영희');
    } finally {
      await queryOnce(t.database.url, tamper, [witness.id]); // the same flip again restores the byte
    }
  });

  it('refuses to start, naming the key id, when the key that sealed stored identities is not configured', async () => {
    await aWitness({ identity: true });
    const result = await runNode([API_ENTRY], {
      ...TEST_SECRETS,
      DATABASE_URL: t.database.url,
      IDENTITY_ENCRYPTION_KEYS: 'k2:ZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmY=',
      LOG_LEVEL: 'silent',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/identity records are sealed with key "k1", which is not configured/);
    expect(result.stderr).not.toContain('ZmZmZm');
  });
});
