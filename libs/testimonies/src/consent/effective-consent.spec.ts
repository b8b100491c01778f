import { describe, expect, it } from '@jest/globals';
import type { ConsentRecord, ConsentScope } from './consent-record.entity.js';
import { effectiveConsent } from './effective-consent.js';

function record(version: number, scopes: ConsentScope[], testimonyId: string | null = null): ConsentRecord {
  return { version, scopes, testimonyId, witnessId: 'w' } as ConsentRecord;
}

describe('effectiveConsent', () => {
  it('is empty without any record', () => {
    expect(effectiveConsent([], 't1')).toEqual({ scopes: [], witnessVersion: null, testimonyVersion: null });
  });

  it('follows the latest witness version, so a withdrawal wins over earlier consent', () => {
    const ledger = [record(1, ['internal', 'un_mechanisms', 'courts']), record(2, ['internal'])];
    expect(effectiveConsent(ledger, 't1')).toEqual({ scopes: ['internal'], witnessVersion: 2, testimonyVersion: null });
  });

  it('narrows by a testimony-specific limit, never widens', () => {
    const ledger = [
      record(1, ['internal', 'un_mechanisms']),
      record(1, ['internal', 'un_mechanisms', 'public_named'], 't1'),
      record(2, ['internal'], 't2'),
    ];
    expect(effectiveConsent(ledger, 't1').scopes).toEqual(['internal', 'un_mechanisms']);
    expect(effectiveConsent(ledger, 't2').scopes).toEqual(['internal']);
    expect(effectiveConsent(ledger, 't3').scopes).toEqual(['internal', 'un_mechanisms']);
  });
});
