import { describe, expect, it } from '@jest/globals';
import { Permission } from '@sillok/core';
import { Role, ROLES } from './role.js';
import { permissionsOf, roleHasPermission, rolesHoldingSensitivePermissions } from './role-permissions.js';

describe('role map', () => {
  it('gives the auditor the audit log and nothing else', () => {
    expect(permissionsOf(Role.Auditor)).toEqual([Permission.AuditRead, Permission.AuditVerify]);
  });

  it('lets the admin manage users and the system, but never export, see identities or read the audit log', () => {
    expect(roleHasPermission(Role.Admin, Permission.UserManage)).toBe(true);
    expect(roleHasPermission(Role.Admin, Permission.SystemManage)).toBe(true);
    for (const p of [
      Permission.ExportCreate,
      Permission.WitnessIdentityRead,
      Permission.AuditRead,
      Permission.CaseCreate,
    ]) {
      expect(roleHasPermission(Role.Admin, p)).toBe(false);
    }
  });

  it('keeps analysts to pseudonymised reading', () => {
    for (const p of permissionsOf(Role.Analyst)) expect(p).toMatch(/\.read$/);
    expect(roleHasPermission(Role.Analyst, Permission.WitnessIdentityRead)).toBe(false);
  });

  it('lets only coordinators create and manage cases', () => {
    expect(ROLES.filter((r) => roleHasPermission(r, Permission.CaseCreate))).toEqual([Role.Coordinator]);
    expect(ROLES.filter((r) => roleHasPermission(r, Permission.CaseManage))).toEqual([Role.Coordinator]);
  });

  it('names the roles that must use a second factor in production', () => {
    expect(rolesHoldingSensitivePermissions().sort()).toEqual(
      [Role.Coordinator, Role.Investigator, Role.LegalReviewer].sort(),
    );
  });

  it('knows nothing of an unknown role', () => {
    expect(roleHasPermission('root', Permission.UserManage)).toBe(false);
    expect(permissionsOf('root')).toEqual([]);
  });
});
