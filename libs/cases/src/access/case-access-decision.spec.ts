import { describe, expect, it } from '@jest/globals';
import { requireRolePermission, Role, ROLES, roleHasPermission } from '@sillok/auth';
import { DomainError, ErrorCode, Permission } from '@sillok/core';
import { CaseRole } from '../members/case-role.js';
import { caseRoleAllows, decideCaseAccess, isCaseId } from './case-access-decision.js';
import { minimumCaseRole } from './minimum-case-role.js';

const P = Permission;
const CASE_ID = '0b9c6c1e-5d0a-4f3e-9a51-3f1f2b7c9d10';

// Which minimums each case role meets (minimumCaseRole itself is pinned in its own spec).
const ALLOWED: Record<CaseRole, CaseRole[]> = {
  [CaseRole.Viewer]: [CaseRole.Viewer],
  [CaseRole.Member]: [CaseRole.Viewer, CaseRole.Member],
  [CaseRole.Lead]: [CaseRole.Viewer, CaseRole.Member, CaseRole.Lead],
};
const PERMISSIONS = Object.values(Permission);
const CASE_ROLES = Object.values(CaseRole);

describe('caseRoleAllows', () => {
  const table = CASE_ROLES.flatMap((caseRole) =>
    PERMISSIONS.map((permission) => ({
      caseRole,
      permission,
      allowed: ALLOWED[caseRole].includes(minimumCaseRole(permission)),
    })),
  );
  it.each(table)('$caseRole / $permission: $allowed', ({ caseRole, permission, allowed }) => {
    expect(caseRoleAllows(caseRole, permission)).toBe(allowed);
  });
});

describe('decideCaseAccess', () => {
  it('answers a missing case with 404 and nothing to audit', () => {
    expect(decideCaseAccess(undefined, P.TestimonyRead)).toEqual({
      granted: false,
      error: new DomainError(ErrorCode.NotFound, 'case not found'),
      audit: null,
    });
  });

  it('answers a non-member with the same 404 as a missing case, and audits the refusal', () => {
    const decision = decideCaseAccess({ caseRole: null }, P.TestimonyRead);
    expect(decision).toEqual({ granted: false, error: DomainError.notFound('case'), audit: 'not_a_member' });
    const missing = decideCaseAccess(undefined, P.TestimonyRead);
    if (decision.granted || missing.granted) throw new Error('granted');
    expect([decision.error.code, decision.error.detail]).toEqual([missing.error.code, missing.error.detail]);
  });

  it('answers a member whose case role is too low with 403, and audits it', () => {
    const decision = decideCaseAccess({ caseRole: CaseRole.Viewer }, P.TestimonyWrite);
    expect(decision).toEqual({ granted: false, error: expect.any(DomainError), audit: 'case_role_viewer' });
    if (decision.granted) throw new Error('granted');
    expect(decision.error.code).toBe(ErrorCode.Forbidden);
    expect(decision.error.detail).toBe('your case role (viewer) does not allow testimony.write');
  });

  it('grants a member what their case role allows, with that role', () => {
    expect(decideCaseAccess({ caseRole: CaseRole.Lead }, P.CaseManage)).toEqual({
      granted: true,
      caseRole: CaseRole.Lead,
    });
    expect(decideCaseAccess({ caseRole: CaseRole.Member }, P.CaseManage)).toMatchObject({
      granted: false,
      audit: 'case_role_member',
    });
  });
});

/**
 * The whole matrix as CaseAccessPolicy applies it: the global role first (403, before any
 * case is looked at), then the case: missing or not a member 404, case role too low 403.
 */
type Standing = CaseRole | 'not a member' | 'no such case';
const STANDINGS: Standing[] = [...CASE_ROLES, 'not a member', 'no such case'];

function answer(role: Role, standing: Standing, permission: Permission): 'granted' | 403 | 404 {
  try {
    requireRolePermission(role, permission);
  } catch (error) {
    expect((error as DomainError).code).toBe(ErrorCode.Forbidden);
    return 403;
  }
  const found = standing === 'no such case' ? undefined : { caseRole: standing === 'not a member' ? null : standing };
  const decision = decideCaseAccess(found, permission);
  if (decision.granted) return 'granted';
  return decision.error.code === ErrorCode.NotFound ? 404 : 403;
}

function expected(role: Role, standing: Standing, permission: Permission): 'granted' | 403 | 404 {
  if (!roleHasPermission(role, permission)) return 403;
  if (standing === 'no such case' || standing === 'not a member') return 404;
  return ALLOWED[standing].includes(minimumCaseRole(permission)) ? 'granted' : 403;
}

describe('role x case standing x permission', () => {
  const matrix = ROLES.flatMap((role) =>
    STANDINGS.flatMap((standing) =>
      PERMISSIONS.map((permission) => ({ role, standing, permission, result: expected(role, standing, permission) })),
    ),
  );
  it.each(matrix)('$role, $standing, $permission: $result', ({ role, standing, permission, result }) => {
    expect(answer(role, standing, permission)).toBe(result);
  });

  // The rows a leak would come through, spelt out rather than derived.
  it.each([
    [Role.Admin, CaseRole.Lead, P.WitnessIdentityRead, 403],
    [Role.Admin, 'not a member', P.TestimonyRead, 404],
    [Role.Analyst, CaseRole.Lead, P.WitnessIdentityRead, 403],
    [Role.Analyst, CaseRole.Viewer, P.TestimonyRead, 'granted'],
    [Role.Analyst, CaseRole.Lead, P.ExportCreate, 403],
    [Role.Auditor, CaseRole.Lead, P.TestimonyRead, 403],
    [Role.LegalReviewer, CaseRole.Viewer, P.ExportCreate, 'granted'],
    [Role.LegalReviewer, 'not a member', P.ExportCreate, 404],
    [Role.Investigator, CaseRole.Viewer, P.WitnessIdentityWrite, 403],
    [Role.Investigator, CaseRole.Member, P.WitnessIdentityRead, 'granted'],
    [Role.Coordinator, CaseRole.Member, P.CaseManage, 403],
    [Role.Coordinator, 'no such case', P.CaseRead, 404],
  ] as const)('%s as %s asking %s: %s', (role, standing, permission, result) => {
    expect(answer(role, standing, permission)).toBe(result);
  });
});

describe('isCaseId', () => {
  it.each([CASE_ID, CASE_ID.toUpperCase()])('accepts the UUID %s', (id) => {
    expect(isCaseId(id)).toBe(true);
  });
  it.each([
    '',
    'not-a-uuid',
    `${CASE_ID}x`,
    `x${CASE_ID}`,
    `${CASE_ID}\n`,
    CASE_ID.replace(/-/g, ''),
    CASE_ID.slice(0, -1) + 'g',
    "0b9c6c1e-5d0a-4f3e-9a51-3f1f2b7c9d1'",
  ])('refuses %j', (id) => {
    expect(isCaseId(id)).toBe(false);
  });
});
