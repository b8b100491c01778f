import { DomainError, ErrorCode, Permission } from '@sillok/core';
import { isRole, Role } from './role.js';

const P = Permission;

// Reading case content; every one of these still needs membership of the case (libs/cases).
const READ_CASE_CONTENT = [P.CaseRead, P.WitnessRead, P.TestimonyRead, P.IncidentRead, P.TaxonomyRead, P.SearchRead];

/**
 * The one role map (ARCHITECTURE.md, "Security model"). A permission lets a role reach a
 * route; case content additionally needs membership of the case that holds it, so an
 * admin sees no testimony unless a coordinator made them a member.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  // fixity.read: the store's integrity is the system's (admin) and the auditor's to watch.
  [Role.Admin]: new Set([P.UserManage, P.SystemManage, P.TaxonomyManage, P.FixityRead, ...READ_CASE_CONTENT]),
  [Role.Coordinator]: new Set([
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
    // GET /audit narrows a coordinator to the events of the cases they lead (CaseAuditScope).
    P.AuditRead,
  ]),
  [Role.Investigator]: new Set([
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
  ]),
  // Pseudonymised content only: no identities, no original files, no exports.
  [Role.Analyst]: new Set([...READ_CASE_CONTENT]),
  [Role.LegalReviewer]: new Set([
    ...READ_CASE_CONTENT,
    P.WitnessIdentityRead,
    P.AttachmentDownload,
    P.ExportCreate,
    P.ExportRead,
  ]),
  [Role.Auditor]: new Set([P.AuditRead, P.AuditVerify, P.FixityRead]),
};

// isRole first: an unknown role string such as "constructor" would otherwise find an Object
// member in the map and throw a TypeError (a 500) where the answer is a plain refusal.
export function roleHasPermission(role: string, permission: Permission): boolean {
  return isRole(role) && ROLE_PERMISSIONS[role].has(permission);
}

/** Services' first check (routes get it from PermissionGuard): 403 when the role lacks the permission. */
export function requireRolePermission(role: string, permission: Permission): void {
  if (!roleHasPermission(role, permission)) {
    throw new DomainError(ErrorCode.Forbidden, `your role does not grant ${permission}`);
  }
}

export function permissionsOf(role: string): Permission[] {
  return isRole(role) ? [...ROLE_PERMISSIONS[role]] : [];
}

/** Roles that may see who a witness is or take data out: they must use a second factor in production. */
export function rolesHoldingSensitivePermissions(): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter(
    (role) => roleHasPermission(role, P.WitnessIdentityRead) || roleHasPermission(role, P.ExportCreate),
  );
}
