import { describe, expect, it } from '@jest/globals';
import { requiredRolesFrom } from './mfa-policy.js';

describe('roles that must use a second factor', () => {
  it('defaults in production to every role that can read witness identities or export', () => {
    expect(requiredRolesFrom({ NODE_ENV: 'production' }).sort()).toEqual(
      ['coordinator', 'investigator', 'legal_reviewer'].sort(),
    );
  });

  it('defaults to none outside production', () => {
    expect(requiredRolesFrom({ NODE_ENV: 'development' })).toEqual([]);
    expect(requiredRolesFrom({ NODE_ENV: 'test' })).toEqual([]);
  });

  it('takes an explicit list, or none', () => {
    expect(requiredRolesFrom({ NODE_ENV: 'production', MFA_REQUIRED_ROLES: 'admin, auditor' })).toEqual([
      'admin',
      'auditor',
    ]);
    expect(requiredRolesFrom({ NODE_ENV: 'production', MFA_REQUIRED_ROLES: 'none' })).toEqual([]);
  });

  it('refuses an unknown role by name', () => {
    expect(() => requiredRolesFrom({ NODE_ENV: 'test', MFA_REQUIRED_ROLES: 'admin,wizard' })).toThrow(
      'MFA_REQUIRED_ROLES: unknown role wizard',
    );
  });
});
