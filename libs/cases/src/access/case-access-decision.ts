import { DomainError, ErrorCode, isUuid, type Permission } from '@sillok/core';
import { caseRoleAtLeast, type CaseRole } from '../members/case-role.js';
import { minimumCaseRole } from './minimum-case-role.js';

/** Whether `id` can name a case at all (anything else must not reach the uuid cast as a database error). */
export function isCaseId(id: string): boolean {
  return isUuid(id);
}

/** Whether a member standing at `caseRole` in a case may use `permission` on it. */
export function caseRoleAllows(caseRole: CaseRole, permission: Permission): boolean {
  return caseRoleAtLeast(caseRole, minimumCaseRole(permission));
}

/** What the database holds for one asked-for case: undefined when there is no such case. */
export interface FoundCase {
  /** The actor's live membership, or null when they are not (or no longer) a member. */
  caseRole: CaseRole | null;
}

export type CaseAccessDecision =
  | { granted: true; caseRole: CaseRole }
  /** `audit`: the reason recorded as access.refused, or null when there was nothing to refuse (no such case). */
  | { granted: false; error: DomainError; audit: string | null };

/**
 * One case's answer once the global role allows `permission` (requireRolePermission):
 * missing and not-a-member give the same 404, so an id reveals nothing; a member whose case
 * role is too low gets 403 (they may know the case exists). Refusals of real cases are audited.
 */
export function decideCaseAccess(found: FoundCase | undefined, permission: Permission): CaseAccessDecision {
  if (!found) return { granted: false, error: DomainError.notFound('case'), audit: null };
  const { caseRole } = found;
  if (!caseRole) return { granted: false, error: DomainError.notFound('case'), audit: 'not_a_member' };
  if (!caseRoleAllows(caseRole, permission)) {
    const error = new DomainError(ErrorCode.Forbidden, `your case role (${caseRole}) does not allow ${permission}`);
    return { granted: false, error, audit: `case_role_${caseRole}` };
  }
  return { granted: true, caseRole };
}
