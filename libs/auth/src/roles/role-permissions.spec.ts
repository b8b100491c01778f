import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode, Permission } from '@sillok/core';
import { Role, ROLES } from './role.js';
import {
  permissionsOf,
  requireRolePermission,
  roleHasPermission,
  rolesHoldingSensitivePermissions,
} from './role-permissions.js';

const P = Permission;
const READ_CASE_CONTENT = [P.CaseRead, P.WitnessRead, P.TestimonyRead, P.IncidentRead, P.TaxonomyRead, P.SearchRead];

/**
 * The whole matrix, written out once more by hand: any permission added to or taken from a
 * role fails here and shows in review as a change of who may do what.
 */
const GRANTED: Record<Role, Permission[]> = {
  [Role.Admin]: [P.UserManage, P.SystemManage, P.TaxonomyManage, P.FixityRead, ...READ_CASE_CONTENT],
  [Role.Coordinator]: [
    ...READ_CASE_CONTENT,
    P.CaseCreate,
    P.CaseManage,
    P.WitnessWrite,
    P.WitnessIdentityRead,
    P.WitnessIdentityWrite,
    P.ConsentWrite,
    P.TestimonyWrite,
    P.TestimonyApprove,
    P.TaxonomyManage,
    P.IncidentWrite,
    P.AttachmentUpload,
    P.AttachmentDownload,
    P.ExportCreate,
    P.ExportRead,
    P.ImportCreate,
    P.AuditRead,
  ],
  [Role.Investigator]: [
    ...READ_CASE_CONTENT,
    P.WitnessWrite,
    P.WitnessIdentityRead,
    P.WitnessIdentityWrite,
    P.ConsentWrite,
    P.TestimonyWrite,
    P.IncidentWrite,
    P.AttachmentUpload,
    P.AttachmentDownload,
    P.ImportCreate,
  ],
  [Role.Analyst]: [...READ_CASE_CONTENT],
  [Role.LegalReviewer]: [
    ...READ_CASE_CONTENT,
    P.WitnessIdentityRead,
    P.AttachmentDownload,
    P.ExportCreate,
    P.ExportRead,
  ],
  [Role.Auditor]: [P.AuditRead, P.AuditVerify, P.FixityRead],
};

const MATRIX = ROLES.flatMap((role) =>
  Object.values(Permission).map((permission) => ({ role, permission, granted: GRANTED[role].includes(permission) })),
);

describe('role map', () => {
  it('covers every role', () => {
    expect(ROLES.filter((role) => permissionsOf(role).length === 0)).toEqual([]);
  });

  it.each(ROLES)('%s holds exactly its permissions', (role) => {
    expect(permissionsOf(role).sort()).toEqual([...GRANTED[role]].sort());
  });

  it.each(MATRIX)('$role / $permission: granted $granted', ({ role, permission, granted }) => {
    expect(roleHasPermission(role, permission)).toBe(granted);
    if (granted) {
      expect(() => requireRolePermission(role, permission)).not.toThrow();
    } else {
      expect(() => requireRolePermission(role, permission)).toThrow(
        new DomainError(ErrorCode.Forbidden, `your role does not grant ${permission}`),
      );
    }
  });

  it('refuses with a 403 domain error that names the permission', () => {
    let caught: unknown;
    try {
      requireRolePermission(Role.Analyst, P.WitnessIdentityRead);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe(ErrorCode.Forbidden);
    expect((caught as DomainError).detail).toBe('your role does not grant witness.identity.read');
  });

  it('lets the admin manage users and the system, but never export, see identities or read the audit log', () => {
    for (const p of [P.ExportCreate, P.WitnessIdentityRead, P.AuditRead, P.CaseCreate, P.AttachmentDownload]) {
      expect(roleHasPermission(Role.Admin, p)).toBe(false);
    }
  });

  it('keeps analysts to pseudonymised reading: no identity, no original file, no export', () => {
    expect(permissionsOf(Role.Analyst).length).toBeGreaterThan(0);
    for (const p of permissionsOf(Role.Analyst)) expect(p).toMatch(/\.read$/);
    for (const p of [P.WitnessIdentityRead, P.AttachmentDownload, P.ExportCreate, P.ExportRead]) {
      expect(roleHasPermission(Role.Analyst, p)).toBe(false);
    }
  });

  it('lets only coordinators create and manage cases', () => {
    expect(ROLES.filter((r) => roleHasPermission(r, P.CaseCreate))).toEqual([Role.Coordinator]);
    expect(ROLES.filter((r) => roleHasPermission(r, P.CaseManage))).toEqual([Role.Coordinator]);
  });

  it('names the roles that must use a second factor in production', () => {
    expect(rolesHoldingSensitivePermissions().sort()).toEqual(
      [Role.Coordinator, Role.Investigator, Role.LegalReviewer].sort(),
    );
  });

  it('counts a role holding only one of the two sensitive permissions as sensitive', () => {
    // The legal reviewer and the investigator hold identities, only the first exports: both need the factor.
    expect(roleHasPermission(Role.Investigator, P.ExportCreate)).toBe(false);
    expect(rolesHoldingSensitivePermissions()).toContain(Role.Investigator);
  });

  it('knows nothing of an unknown role, and refuses it everything', () => {
    expect(roleHasPermission('root', P.UserManage)).toBe(false);
    expect(permissionsOf('root')).toEqual([]);
    expect(() => requireRolePermission('root', P.CaseRead)).toThrow(DomainError);
    // Not even what every object has: a role named like a prototype member is still unknown.
    expect(roleHasPermission('constructor', P.CaseRead)).toBe(false);
    expect(permissionsOf('__proto__')).toEqual([]);
  });
});
