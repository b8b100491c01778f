import { Injectable } from '@nestjs/common';
import { Settings } from '@sillok/config';
import { isRole, Role } from '../roles/role.js';
import { rolesHoldingSensitivePermissions } from '../roles/role-permissions.js';

/**
 * Which roles must use a second factor. In production: always admin and auditor (an admin's
 * password alone must not reach accounts that read witnesses, issue 23.2; an auditor reads the
 * whole log) and every role that can read witness identities or export, plus any role
 * MFA_REQUIRED_ROLES adds; `none` cannot lower that floor. Elsewhere: MFA_REQUIRED_ROLES, or none.
 */
@Injectable()
export class MfaPolicy {
  readonly requiredRoles: ReadonlySet<Role>;

  constructor(settings: Settings) {
    this.requiredRoles = new Set(requiredRolesFrom(settings));
  }

  requires(role: string): boolean {
    return this.requiredRoles.has(role as Role);
  }
}

export function requiredRolesFrom(settings: Pick<Settings, 'MFA_REQUIRED_ROLES' | 'NODE_ENV'>): Role[] {
  const floor = settings.NODE_ENV === 'production' ? productionFloor() : [];
  const configured = settings.MFA_REQUIRED_ROLES?.trim();
  if (!configured || configured === 'none') return floor;
  const names = configured.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !isRole(name));
  if (unknown.length) throw new Error(`MFA_REQUIRED_ROLES: unknown role ${unknown.join(', ')}`);
  return [...new Set([...floor, ...(names as Role[])])];
}

function productionFloor(): Role[] {
  return [...new Set<Role>([Role.Admin, Role.Auditor, ...rolesHoldingSensitivePermissions()])];
}
