import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, ROLES } from '@sillok/auth';
import { loginAllRoles, requestAs } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { CaseAccessPolicy } from '@sillok/cases';
import { Permission } from '@sillok/core';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('case fixtures for later features', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('builds case A for every case-reading role and case B for none of them', async () => {
    const as = await loginAllRoles(t);
    const { caseA, caseB, otherLead } = await createTwoCases(t, as);
    for (const role of ROLES.filter((r) => r !== Role.Auditor && r !== Role.Admin)) {
      await requestAs(t, as[role], 'get', `/cases/${caseA}`).expect(200);
      await requestAs(t, as[role], 'get', `/cases/${caseB}`).expect(404);
    }
    await requestAs(t, as.admin, 'get', `/cases/${caseA}`).expect(404);
    await requestAs(t, otherLead, 'get', `/cases/${caseB}`).expect(200);

    const withAdmin = await createTwoCases(t, as, { adminIsMember: true });
    const admin = await requestAs(t, as.admin, 'get', `/cases/${withAdmin.caseA}`).expect(200);
    expect(admin.body.myCaseRole).toBe('member');
  });

  it('scopes lists to the cases where the case role allows the permission (CaseAccessPolicy.scopeCaseIds)', async () => {
    const as = await loginAllRoles(t);
    const { caseA, caseB } = await createTwoCases(t, as);
    const policy = t.app.get(CaseAccessPolicy);
    const actor = (user: { id: string; role: string }) => ({ userId: user.id, role: user.role });
    expect(await policy.scopeCaseIds(actor(as.analyst), Permission.TestimonyRead)).toEqual([caseA]);
    expect(await policy.scopeCaseIds(actor(as.analyst), Permission.CaseRead)).toEqual([caseA]);
    expect(await policy.scopeCaseIds(actor(as.legal_reviewer), Permission.WitnessIdentityRead)).toEqual([caseA]);
    expect(await policy.scopeCaseIds(actor(as.investigator), Permission.TestimonyWrite)).toEqual([caseA]);
    expect(await policy.scopeCaseIds(actor(as.admin), Permission.TestimonyRead)).toEqual([]);
    await expect(policy.scopeCaseIds(actor(as.analyst), Permission.TestimonyRead, caseB)).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(policy.scopeCaseIds(actor(as.auditor), Permission.TestimonyRead)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
