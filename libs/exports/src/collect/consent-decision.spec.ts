import { describe, expect, it } from '@jest/globals';
import type { ConsentScope, EffectiveConsent, Testimony, Witness } from '@sillok/testimonies';
import { EXPORT_PROFILE_NAMES, EXPORT_PROFILES } from '../profiles/export-profile.js';
import { withholdingReason } from './consent-decision.js';

const ALL_SCOPES: ConsentScope[] = ['courts', 'internal', 'public_anonymised', 'public_named', 'un_mechanisms'];
const UN = EXPORT_PROFILES['un-submission'];

function testimony(withdrawnAt: Date | null = null): Testimony {
  return { id: 't1', witnessId: 'w1', status: 'approved', withdrawnAt } as Testimony;
}
function witness(withdrawnAt: Date | null = null): Witness {
  return { id: 'w1', pseudonym: 'W-000001', withdrawnAt } as Witness;
}
function consent(scopes: ConsentScope[], witnessVersion: number | null = 1, testimonyVersion: number | null = null) {
  return { scopes, witnessVersion, testimonyVersion } satisfies EffectiveConsent;
}

describe('withholdingReason', () => {
  it('lets a live testimony of a live witness go out when its consent covers the profile', () => {
    expect(withholdingReason(testimony(), witness(), consent(ALL_SCOPES), UN)).toBeNull();
  });

  it('withholds a withdrawn testimony even under full consent', () => {
    expect(withholdingReason(testimony(new Date()), witness(), consent(ALL_SCOPES), UN)).toBe('testimony withdrawn');
  });

  it('names the testimony’s withdrawal first when the witness withdrew too', () => {
    expect(withholdingReason(testimony(new Date()), witness(new Date()), undefined, UN)).toBe('testimony withdrawn');
  });

  it('withholds the testimony of a withdrawn witness even under their earlier full consent', () => {
    expect(withholdingReason(testimony(), witness(new Date()), consent(ALL_SCOPES), UN)).toBe('witness withdrawn');
  });

  it('withholds a testimony whose witness cannot be found (never exported without one)', () => {
    expect(withholdingReason(testimony(), undefined, consent(ALL_SCOPES), UN)).toBe('witness withdrawn');
  });

  it('withholds when no consent was recorded, whether the answer is missing or rests on no ledger version', () => {
    expect(withholdingReason(testimony(), witness(), undefined, UN)).toBe('no consent recorded');
    // Scopes without a witness-level version cannot come from the ledger: never trust them.
    expect(withholdingReason(testimony(), witness(), consent(ALL_SCOPES, null), UN)).toBe('no consent recorded');
  });

  it('withholds when the witness’s consent lacks the profile’s scope, citing the ledger version', () => {
    expect(withholdingReason(testimony(), witness(), consent(['internal', 'courts'], 2), UN)).toBe(
      'consent does not cover un_mechanisms (witness consent v2)',
    );
  });

  it('withholds after a withdrawal of consent (the latest version has no scope at all)', () => {
    expect(withholdingReason(testimony(), witness(), consent([], 4), UN)).toBe(
      'consent does not cover un_mechanisms (witness consent v4)',
    );
  });

  it('withholds when a testimony-specific limit narrowed the scope, citing both versions', () => {
    expect(withholdingReason(testimony(), witness(), consent(['internal'], 3, 5), UN)).toBe(
      'consent does not cover un_mechanisms (witness consent v3, testimony limit v5)',
    );
  });

  describe.each(EXPORT_PROFILE_NAMES)('profile %s', (name) => {
    const profile = EXPORT_PROFILES[name];
    const others = ALL_SCOPES.filter((scope) => scope !== profile.requiredScope);

    it('needs exactly its own scope: that one suffices', () => {
      expect(withholdingReason(testimony(), witness(), consent([profile.requiredScope]), profile)).toBeNull();
    });

    it('and every other scope together does not', () => {
      expect(withholdingReason(testimony(), witness(), consent(others), profile)).toBe(
        `consent does not cover ${profile.requiredScope} (witness consent v1)`,
      );
    });
  });

  // Issue 15 (export integrity) makes un-submission and prosecution take approved testimonies
  // only; today status is not a withholding reason, so there is nothing here to pin yet.
  it.todo('withholds draft and under-review testimonies from un-submission and prosecution (issue 15)');
});
