import { describe, expect, it } from '@jest/globals';
import type { ConsentRecord, ConsentScope } from './consent-record.entity.js';
import { effectiveConsent } from './effective-consent.js';

function record(version: number, scopes: ConsentScope[], testimonyId: string | null = null): ConsentRecord {
  return { version, scopes, testimonyId, witnessId: 'w' } as ConsentRecord;
}

/** Every order of `items` (n! of them; keep n small). */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
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

  it('gives a testimony limit alone no consent: without the witness’s consent nothing goes out', () => {
    expect(effectiveConsent([record(1, ['internal', 'courts'], 't1')], 't1')).toEqual({
      scopes: [],
      witnessVersion: null,
      testimonyVersion: 1,
    });
  });

  it('without a testimony id, answers for the witness and ignores every testimony limit', () => {
    const ledger = [record(1, ['internal', 'courts']), record(2, ['internal'], 't1')];
    expect(effectiveConsent(ledger)).toEqual({
      scopes: ['courts', 'internal'],
      witnessVersion: 1,
      testimonyVersion: null,
    });
  });

  it('lists scopes in one order whatever order the record gave them', () => {
    expect(effectiveConsent([record(1, ['un_mechanisms', 'courts', 'internal'])]).scopes).toEqual([
      'courts',
      'internal',
      'un_mechanisms',
    ]);
  });

  it('never changes the ledger record it read', () => {
    const scopes: ConsentScope[] = ['un_mechanisms', 'courts'];
    effectiveConsent([record(1, scopes)]);
    expect(scopes).toEqual(['un_mechanisms', 'courts']);
  });

  describe('under any input order (the ledger is not read sorted)', () => {
    const ledger = [
      record(1, ['internal', 'un_mechanisms', 'courts', 'public_anonymised']),
      record(3, ['internal', 'un_mechanisms', 'courts']), // the latest witness version
      record(2, ['internal']),
      record(1, ['internal', 'courts'], 't1'),
      record(2, ['internal', 'un_mechanisms', 'courts', 'public_named'], 't1'), // the latest limit on t1
    ];

    it.each(permutations(ledger).map((order, i) => ({ i, order })))('order $i', ({ order }) => {
      expect(effectiveConsent(order, 't1')).toEqual({
        scopes: ['courts', 'internal', 'un_mechanisms'],
        witnessVersion: 3,
        testimonyVersion: 2,
      });
    });

    const witnessLevel = permutations(ledger.slice(0, 3)).map((order, i) => ({ i, order }));
    it.each(witnessLevel)('a withdrawal wins by version wherever it sits, order $i', ({ order }) => {
      const withdrawn = [...order, record(4, [])].reverse();
      expect(effectiveConsent(withdrawn, 't1')).toEqual({ scopes: [], witnessVersion: 4, testimonyVersion: null });
    });
  });
});
