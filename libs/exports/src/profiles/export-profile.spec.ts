import { describe, expect, it } from '@jest/globals';
import { appliedProfile, EXPORT_PROFILE_NAMES, EXPORT_PROFILES, type ExportProfile } from './export-profile.js';

// Every field of every profile, so that loosening any one of them (a profile allowing what it
// forbade) fails here, not in a bag on its way to a public website.
const EXPECTED: Record<string, ExportProfile> = {
  'un-submission': {
    name: 'un-submission',
    requiredScope: 'un_mechanisms',
    identitiesAllowed: false,
    redactSensitiveSpans: true,
    redactInterviewPlace: false,
    witnessNaming: 'pseudonym',
    witnessAttributes: false,
    attachments: 'prefer-redacted',
    personNames: false,
    pseudonymousIds: false,
    approvedOnly: true,
  },
  prosecution: {
    name: 'prosecution',
    requiredScope: 'courts',
    identitiesAllowed: true,
    redactSensitiveSpans: true,
    redactInterviewPlace: false,
    witnessNaming: 'pseudonym',
    witnessAttributes: true,
    attachments: 'original',
    personNames: true,
    pseudonymousIds: false,
    approvedOnly: true,
  },
  'public-anonymised': {
    name: 'public-anonymised',
    requiredScope: 'public_anonymised',
    identitiesAllowed: false,
    redactSensitiveSpans: true,
    redactInterviewPlace: true,
    witnessNaming: 'anonymous',
    witnessAttributes: false,
    attachments: 'redacted-only',
    personNames: false,
    pseudonymousIds: true,
    approvedOnly: true,
  },
  internal: {
    name: 'internal',
    requiredScope: 'internal',
    identitiesAllowed: true,
    redactSensitiveSpans: false,
    redactInterviewPlace: false,
    witnessNaming: 'pseudonym',
    witnessAttributes: true,
    attachments: 'original',
    personNames: true,
    pseudonymousIds: false,
    approvedOnly: false,
  },
};

describe('export profiles', () => {
  it('are exactly the four named ones', () => {
    expect([...EXPORT_PROFILE_NAMES]).toEqual(['un-submission', 'prosecution', 'public-anonymised', 'internal']);
    expect(Object.keys(EXPORT_PROFILES).sort()).toEqual([...EXPORT_PROFILE_NAMES].sort());
  });

  it.each(EXPORT_PROFILE_NAMES)('%s: every allowance, field by field', (name) => {
    expect(EXPORT_PROFILES[name]).toStrictEqual(EXPECTED[name]);
  });

  describe('what each forbids', () => {
    const forbids = (name: (typeof EXPORT_PROFILE_NAMES)[number]) => EXPORT_PROFILES[name];

    it('public-anonymised: no identity, no name, no attribute, no original, no place, not even a pseudonym', () => {
      const p = forbids('public-anonymised');
      expect(p.identitiesAllowed).toBe(false);
      expect(p.personNames).toBe(false);
      expect(p.witnessAttributes).toBe(false);
      expect(p.attachments).toBe('redacted-only');
      expect(p.redactInterviewPlace).toBe(true);
      expect(p.redactSensitiveSpans).toBe(true);
      expect(p.witnessNaming).toBe('anonymous');
      expect(p.requiredScope).toBe('public_anonymised');
    });

    it('un-submission: no identity, no name, no attribute; originals only where no redacted copy exists', () => {
      const p = forbids('un-submission');
      expect(p.identitiesAllowed).toBe(false);
      expect(p.personNames).toBe(false);
      expect(p.witnessAttributes).toBe(false);
      expect(p.redactSensitiveSpans).toBe(true);
      expect(p.attachments).toBe('prefer-redacted');
      expect(p.requiredScope).toBe('un_mechanisms');
    });

    it('prosecution: sensitive spans hidden unless identities are asked for', () => {
      expect(forbids('prosecution').redactSensitiveSpans).toBe(true);
      expect(forbids('prosecution').requiredScope).toBe('courts');
    });

    it('only prosecution and internal may carry identities', () => {
      expect(EXPORT_PROFILE_NAMES.filter((name) => EXPORT_PROFILES[name].identitiesAllowed)).toEqual([
        'prosecution',
        'internal',
      ]);
    });

    it('sensitive spans stay visible only where identities may go', () => {
      for (const name of EXPORT_PROFILE_NAMES) {
        if (!EXPORT_PROFILES[name].redactSensitiveSpans) expect(EXPORT_PROFILES[name].identitiesAllowed).toBe(true);
      }
    });
  });

  describe('appliedProfile', () => {
    it.each(EXPORT_PROFILE_NAMES)('%s without identities: the profile itself', (name) => {
      expect(appliedProfile(name, false)).toBe(EXPORT_PROFILES[name]);
    });

    it('prosecution with identities: spans no longer hidden, every other field unchanged', () => {
      expect(appliedProfile('prosecution', true)).toStrictEqual({
        ...EXPECTED.prosecution,
        redactSensitiveSpans: false,
      });
    });

    it('never changes the shared profile it started from', () => {
      appliedProfile('prosecution', true);
      expect(EXPORT_PROFILES.prosecution.redactSensitiveSpans).toBe(true);
    });
  });
});
