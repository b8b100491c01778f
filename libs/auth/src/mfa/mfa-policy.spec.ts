import { describe, expect, it } from '@jest/globals';
import { requiredRolesFrom } from './mfa-policy.js';

describe('roles that must use a second factor', () => {
  it('requires in production admin, auditor and every role that can read witness identities or export', () => {
    expect(requiredRolesFrom({ NODE_ENV: 'production' }).sort()).toEqual(
      ['admin', 'auditor', 'coordinator', 'investigator', 'legal_reviewer'].sort(),
    );
  });

  it('never lets production go below that floor: a list only adds, none keeps it', () => {
    expect(requiredRolesFrom({ NODE_ENV: 'production', MFA_REQUIRED_ROLES: 'analyst' }).sort()).toEqual(
      ['admin', 'analyst', 'auditor', 'coordinator', 'investigator', 'legal_reviewer'].sort(),
    );
    expect(requiredRolesFrom({ NODE_ENV: 'production', MFA_REQUIRED_ROLES: 'none' })).toContain('admin');
  });

  it('defaults to none outside production, and takes an explicit list or none there', () => {
    expect(requiredRolesFrom({ NODE_ENV: 'development' })).toEqual([]);
    expect(requiredRolesFrom({ NODE_ENV: 'test' })).toEqual([]);
    expect(requiredRolesFrom({ NODE_ENV: 'test', MFA_REQUIRED_ROLES: 'admin, auditor' })).toEqual(['admin', 'auditor']);
    expect(requiredRolesFrom({ NODE_ENV: 'test', MFA_REQUIRED_ROLES: 'none' })).toEqual([]);
  });

  it('refuses an unknown role by name', () => {
    expect(() => requiredRolesFrom({ NODE_ENV: 'test', MFA_REQUIRED_ROLES: 'admin,wizard' })).toThrow(
      'MFA_REQUIRED_ROLES: unknown role wizard',
    );
  });
});
