import { DomainError, ErrorCode, Permission } from '@sillok/core';
import { rolesHoldingSensitivePermissions } from '../roles/role-permissions.js';
import type { ResetStatus } from './account-reset-request.entity.js';

/** How long a reset request waits for a second administrator before it can no longer be approved. */
export const RESET_REQUEST_TTL_HOURS = 24;

/**
 * What an account may not do after a two-person or break-glass reset until its owner confirms a
 * factor: whoever set the new password or factor (an administrator, a thief) reaches no witness.
 */
export const HELD_AFTER_RESET: ReadonlySet<Permission> = new Set([
  Permission.WitnessIdentityRead,
  Permission.ExportCreate,
  Permission.ExportRead,
]);

/**
 * A reset of an account whose role reads identities or exports needs a second administrator; so
 * does one of any account still in a case, or one administrator could demote it, reset it at
 * once and promote it back into its cases.
 */
export function resetNeedsSecondAdministrator(role: string, inAnyCase = false): boolean {
  return inAnyCase || (rolesHoldingSensitivePermissions() as string[]).includes(role);
}

export function resetRequestExpiry(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + RESET_REQUEST_TTL_HOURS * 3600_000);
}

/** The status as the API shows it: a pending request past its expiry is expired, stored so or not. */
export function effectiveResetStatus(request: { status: ResetStatus; expiresAt: Date }, now: Date): ResetStatus {
  return request.status === 'pending' && request.expiresAt.getTime() <= now.getTime() ? 'expired' : request.status;
}

export type ResetDecision = 'approve' | 'reject';

/**
 * Why `deciderId` may not decide the request now, or undefined. The one who asked may withdraw
 * (reject) their request, never approve it; nobody decides on their own account.
 */
export function refusalToDecide(
  request: { status: ResetStatus; expiresAt: Date; requestedBy: string | null; userId: string },
  deciderId: string,
  decision: ResetDecision,
  now: Date,
): DomainError | undefined {
  const status = effectiveResetStatus(request, now);
  if (status !== 'pending') return new DomainError(ErrorCode.Conflict, `the reset request is ${status}`);
  if (request.userId === deciderId) {
    return new DomainError(ErrorCode.Forbidden, 'a reset of your own account is decided by another administrator');
  }
  if (decision === 'approve' && request.requestedBy === deciderId) {
    return new DomainError(ErrorCode.Forbidden, 'a second administrator must approve the reset you asked for');
  }
  return undefined;
}
