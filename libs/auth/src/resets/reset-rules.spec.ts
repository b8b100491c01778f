import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode, Permission } from '@sillok/core';
import { Role, ROLES } from '../roles/role.js';
import {
  effectiveResetStatus,
  HELD_AFTER_RESET,
  refusalToDecide,
  resetNeedsSecondAdministrator,
  resetRequestExpiry,
} from './reset-rules.js';

const NOW = new Date('2026-12-04T12:00:00Z');
const ASKER = 'a0000000-0000-4000-8000-000000000001';
const SECOND = 'a0000000-0000-4000-8000-000000000002';
const OWNER = 'a0000000-0000-4000-8000-000000000003';
const pending = { status: 'pending' as const, expiresAt: resetRequestExpiry(NOW), requestedBy: ASKER, userId: OWNER };

function codeOf(error: DomainError | undefined): ErrorCode | undefined {
  return error?.code;
}

describe('two-person reset rules', () => {
  it('asks a second administrator for exactly the roles that read identities or export', () => {
    expect(ROLES.filter((role) => resetNeedsSecondAdministrator(role)).sort()).toEqual(
      [Role.Coordinator, Role.Investigator, Role.LegalReviewer].sort(),
    );
    expect(resetNeedsSecondAdministrator('root')).toBe(false);
  });

  it('asks a second administrator for any account still in a case (demoted, reset, promoted back)', () => {
    expect(resetNeedsSecondAdministrator(Role.Analyst, true)).toBe(true);
    expect(resetNeedsSecondAdministrator(Role.Analyst, false)).toBe(false);
  });

  it('holds identity reads and exports after a reset, nothing else', () => {
    expect([...HELD_AFTER_RESET].sort()).toEqual(
      [Permission.WitnessIdentityRead, Permission.ExportCreate, Permission.ExportRead].sort(),
    );
  });

  it('lets a request wait 24 hours, then shows it expired', () => {
    expect(pending.expiresAt.toISOString()).toBe('2026-12-05T12:00:00.000Z');
    expect(effectiveResetStatus(pending, new Date('2026-12-05T11:59:59.999Z'))).toBe('pending');
    expect(effectiveResetStatus(pending, pending.expiresAt)).toBe('expired');
    expect(effectiveResetStatus({ ...pending, status: 'approved' }, new Date('2027-01-01'))).toBe('approved');
  });

  it('lets a second administrator approve or reject', () => {
    expect(refusalToDecide(pending, SECOND, 'approve', NOW)).toBeUndefined();
    expect(refusalToDecide(pending, SECOND, 'reject', NOW)).toBeUndefined();
  });

  it('never lets the asker approve, but lets them withdraw', () => {
    const refusal = refusalToDecide(pending, ASKER, 'approve', NOW);
    expect(codeOf(refusal)).toBe(ErrorCode.Forbidden);
    expect(refusal?.detail).toBe('a second administrator must approve the reset you asked for');
    expect(refusalToDecide(pending, ASKER, 'reject', NOW)).toBeUndefined();
  });

  it('never lets the account decide its own reset', () => {
    expect(codeOf(refusalToDecide(pending, OWNER, 'reject', NOW))).toBe(ErrorCode.Forbidden);
  });

  it('refuses a decided or expired request with a conflict naming its state', () => {
    expect(refusalToDecide({ ...pending, status: 'rejected' }, SECOND, 'approve', NOW)?.detail).toBe(
      'the reset request is rejected',
    );
    const late = refusalToDecide(pending, SECOND, 'approve', pending.expiresAt);
    expect(codeOf(late)).toBe(ErrorCode.Conflict);
    expect(late?.detail).toBe('the reset request is expired');
  });
});
