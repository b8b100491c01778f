import { describe, expect, it } from '@jest/globals';
import { appliedProfile, EXPORT_PROFILE_NAMES, EXPORT_PROFILES } from './export-profile.js';

describe('pseudonymous ids', () => {
  it('only the public profile hides internal ids, staff and translators', () => {
    expect(EXPORT_PROFILE_NAMES.filter((name) => EXPORT_PROFILES[name].pseudonymousIds)).toEqual(['public-anonymised']);
  });

  it('stays as the profile says when identities are included', () => {
    expect(appliedProfile('prosecution', true).pseudonymousIds).toBe(false);
    expect(appliedProfile('internal', true).pseudonymousIds).toBe(false);
  });
});

describe('approved only', () => {
  it('holds for every profile sent outside the organisation', () => {
    expect(EXPORT_PROFILE_NAMES.filter((name) => EXPORT_PROFILES[name].approvedOnly)).toEqual([
      'un-submission',
      'prosecution',
      'public-anonymised',
    ]);
  });
});
