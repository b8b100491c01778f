import { describe, expect, it } from '@jest/globals';
import { EXPORT_PROFILES } from '../profiles/export-profile.js';
import { incidentWithholdingReason } from './incident-decision.js';

const included = new Set(['t1']);

describe('incidentWithholdingReason', () => {
  const pub = EXPORT_PROFILES['public-anonymised'];

  it('lets a public incident out when one of its sources is included', () => {
    expect(incidentWithholdingReason(['t2', 't1'], included, pub)).toBeNull();
  });

  it('withholds a public incident whose every source was withheld, or that has none', () => {
    expect(incidentWithholdingReason(['t2'], included, pub)).toMatch(/^no source in this export: every testimony/);
    expect(incidentWithholdingReason([], included, pub)).toMatch(/^no source in this export: it rests on no/);
  });

  it('leaves the other profiles to show withheld sources as withheld', () => {
    for (const name of ['un-submission', 'prosecution', 'internal'] as const)
      expect(incidentWithholdingReason(['t2'], included, EXPORT_PROFILES[name])).toBeNull();
  });
});
