import { describe, expect, it } from '@jest/globals';
import { assessIncident, DEFAULT_CORROBORATION_RULE, type SourceFacts } from './corroboration-rule.js';

const source = (witnessId: string, connection: string | null, extra: Partial<SourceFacts> = {}): SourceFacts => ({
  testimonyId: `t-${witnessId}-${connection}`,
  testimonyReference: 'T-000001',
  witnessId,
  witnessPseudonym: `W-${witnessId}`,
  connection,
  reliability: null,
  date: 'unstated',
  place: 'unstated',
  ...extra,
});

describe('corroboration rule', () => {
  const rule = DEFAULT_CORROBORATION_RULE;

  it('counts one witness once, direct if any of their sources is', () => {
    const result = assessIncident([source('a', 'hearsay'), source('a', 'victim'), source('b', 'eyewitness')], rule);
    expect(result).toMatchObject({ independentSources: 2, direct: 2, indirect: 0, level: 'corroborated' });
  });

  it('does not count a direct source whose date or place conflicts', () => {
    const result = assessIncident([source('a', 'victim'), source('b', 'eyewitness', { place: 'conflict' })], rule);
    expect(result).toMatchObject({ agreeingDirect: 1, level: 'partly_corroborated' });
  });

  it('strict: only stated and matching dates and places agree', () => {
    const agreeing = { date: 'agree', place: 'agree' } as const;
    const sources = [source('a', 'victim', agreeing), source('b', 'victim')];
    expect(assessIncident(sources, { ...rule, strict: true }).level).toBe('partly_corroborated');
    expect(assessIncident(sources, rule).level).toBe('corroborated');
  });

  it('names single-source and unsourced incidents', () => {
    expect(assessIncident([source('a', 'victim'), source('a', 'eyewitness')], rule).level).toBe('single_source');
    expect(assessIncident([], rule)).toMatchObject({ independentSources: 0, level: 'no_source' });
  });
});
