import { Injectable } from '@nestjs/common';
import { Settings } from '@sillok/config';
import { isRole, type Role } from '../roles/role.js';
import { rolesHoldingSensitivePermissions } from '../roles/role-permissions.js';

/**
 * Which roles must use a second factor: MFA_REQUIRED_ROLES when set (`none` for no role);
 * otherwise, in production, every role that can read witness identities or export.
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
  const configured = settings.MFA_REQUIRED_ROLES?.trim();
  if (!configured) return settings.NODE_ENV === 'production' ? rolesHoldingSensitivePermissions() : [];
  if (configured === 'none') return [];
  const names = configured.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !isRole(name));
  if (unknown.length) throw new Error(`MFA_REQUIRED_ROLES: unknown role ${unknown.join(', ')}`);
  return names as Role[];
}
