import { describe, expect, it } from '@jest/globals';
import { EXPORT_PROFILES } from '../profiles/export-profile.js';
import { approvalWithholdingReason, isUnsettled } from './approval-decision.js';

describe('approvalWithholdingReason', () => {
  const un = EXPORT_PROFILES['un-submission'];

  it('sends approved testimonies and confirmed incidents', () => {
    expect(approvalWithholdingReason('testimony', 'approved', un, false)).toBeNull();
    expect(approvalWithholdingReason('incident', 'confirmed', un, false)).toBeNull();
  });

  it('withholds drafts and records under review from outside recipients by default', () => {
    expect(approvalWithholdingReason('testimony', 'under_review', un, false)).toBe(
      'not approved (under review); includeUnapproved sends it marked as such',
    );
    expect(approvalWithholdingReason('incident', 'draft', EXPORT_PROFILES.prosecution, false)).toMatch(
      /^not confirmed \(draft\)/,
    );
    expect(
      approvalWithholdingReason('incident', 'disputed', EXPORT_PROFILES['public-anonymised'], false),
    ).not.toBeNull();
  });

  it('sends them when asked for, and always under the internal profile', () => {
    expect(approvalWithholdingReason('testimony', 'draft', un, true)).toBeNull();
    expect(approvalWithholdingReason('testimony', 'draft', EXPORT_PROFILES.internal, false)).toBeNull();
  });

  it('names what must carry the mark', () => {
    expect(isUnsettled('testimony', 'draft')).toBe(true);
    expect(isUnsettled('testimony', 'approved')).toBe(false);
    expect(isUnsettled('incident', 'confirmed')).toBe(false);
    expect(isUnsettled('incident', 'approved')).toBe(true);
  });
});
