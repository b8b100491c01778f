import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Role, UserService } from '@sillok/auth';
import { CaseMemberService, CaseRole, CaseService } from '@sillok/cases';
import { DomainError, ErrorCode, requestContext, type Actor } from '@sillok/core';
import { IdentityVaultService, WitnessService } from '@sillok/testimonies';
import { readAuditLog } from '../support/audit-log.js';
import { startServiceContext, type ServiceContext } from '../support/service-context.js';

/**
 * The witness-protection rules of the identity vault, on the real providers and database but
 * without HTTP (the pattern of the service tier): a pseudonym for every witness, the identity sealed
 * at rest, read only with the permission and a reason, each read audited with that reason, and a
 * witness of another case not found at all. What the HTTP answers look like stays in
 * test/testimonies/testimonies.e2e-spec.ts.
 */
describe('witness identities (service level)', () => {
  let t: ServiceContext;
  let witnesses: WitnessService;
  let vault: IdentityVaultService;
  let lead: Actor;
  let investigator: Actor;
  let analyst: Actor;
  let reviewer: Actor;
  let outsider: Actor;
  let caseId: string;
  let witnessId: string;

  // Services read the actor from their arguments; the audit rows take the request's id from the context.
  const as = <T>(actor: Actor, work: () => Promise<T>) =>
    requestContext.run({ requestId: `req-${actor.role}-${Date.now()}`, actor }, work);
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    );

  beforeAll(async () => {
    t = await startServiceContext();
    witnesses = t.app.get(WitnessService);
    vault = t.app.get(IdentityVaultService);
    const users = t.app.get(UserService);
    const actorOf = async (role: Role, name: string): Promise<Actor> => {
      const { user } = await users.create({
        email: `${name}-${process.pid}@example.org`,
        displayName: name,
        role,
        password: 'Fixture-Passphrase-7319',
      });
      return { userId: user.id, role };
    };
    [lead, investigator, analyst, reviewer, outsider] = await Promise.all([
      actorOf(Role.Coordinator, 'lead'),
      actorOf(Role.Investigator, 'investigator'),
      actorOf(Role.Analyst, 'analyst'),
      actorOf(Role.LegalReviewer, 'reviewer'),
      actorOf(Role.Coordinator, 'outsider'),
    ]);
    caseId = (await as(lead, () => t.app.get(CaseService).create(lead, { title: 'Service tier case' }))).id;
    const members = t.app.get(CaseMemberService);
    for (const [actor, caseRole] of [
      [investigator, CaseRole.Member],
      [analyst, CaseRole.Viewer],
      [reviewer, CaseRole.Member],
    ] as const) {
      await as(lead, () => members.add(lead, caseId, { userId: actor.userId, caseRole }));
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('registers a witness under a generated pseudonym', async () => {
    const witness = await as(investigator, () =>
      witnesses.create(investigator, { caseId, sex: 'female', birthYear: 1968, languages: ['ko'] }),
    );
    expect(witness.pseudonym).toMatch(/^W-\d{6}$/);
    witnessId = witness.id;
  });

  it('seals the identity: no plaintext in the table, the current key named', async () => {
    const identity = {
      legalName: '김영희',
      otherNames: ['Kim Young-hee'],
      familyInDprk: [{ relation: 'mother', location: '회령' }],
    };
    expect(await as(investigator, () => vault.put(investigator, witnessId, identity))).toEqual({ version: 1 });
    const rows = await t.app
      .get(DataSource)
      .query('SELECT * FROM witness_identities WHERE witness_id = $1', [witnessId]);
    expect(rows).toHaveLength(1);
    const raw = JSON.stringify(rows[0]) + Buffer.from(rows[0].ciphertext).toString('utf8');
    for (const secret of ['김영희', 'Kim Young-hee', '회령', 'mother']) expect(raw).not.toContain(secret);
    expect(rows[0].key_id).toBe('k1');
  });

  it('changes an identity only at the version it was read at', async () => {
    const unversioned = await failure(as(investigator, () => vault.put(investigator, witnessId, { legalName: 'x' })));
    expect(unversioned).toBeInstanceOf(DomainError);
    expect((unversioned as DomainError).extensions.errors).toEqual([{ field: 'version', reason: expect.any(String) }]);
    const stale = await failure(
      as(investigator, () => vault.put(investigator, witnessId, { legalName: 'x', version: 7 })),
    );
    expect((stale as DomainError).code).toBe(ErrorCode.StaleVersion);
  });

  it('opens the identity only with the permission, and audits each read with its reason', async () => {
    const refused = await failure(as(analyst, () => vault.read(analyst, witnessId, 'checking a family name')));
    expect((refused as DomainError).code).toBe(ErrorCode.Forbidden);
    const reason = 'verifying identity before a court filing';
    const read = await as(reviewer, () => vault.read(reviewer, witnessId, reason));
    expect(read.identity.legalName).toBe('김영희');
    const audit = await readAuditLog(
      t.app.get(DataSource),
      `SELECT actor_user_id, reason FROM audit_events WHERE action = 'witness.identity.read' AND subject_id = $1`,
      [witnessId],
    );
    expect(audit).toEqual([{ actor_user_id: reviewer.userId, reason }]);
  });

  it('answers not found, never forbidden, to a coordinator of another case', async () => {
    for (const attempt of [
      () => witnesses.get(outsider, witnessId),
      () => vault.read(outsider, witnessId, 'curious'),
      () => vault.put(outsider, witnessId, { legalName: 'x', version: 1 }),
    ]) {
      expect(((await failure(as(outsider, attempt))) as DomainError).code).toBe(ErrorCode.NotFound);
    }
  });
});
