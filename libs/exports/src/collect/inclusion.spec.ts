import { describe, expect, it } from '@jest/globals';
import type { Incident, IncidentSource } from '@sillok/incidents';
import type { ConsentScope, EffectiveConsent, Testimony, Witness } from '@sillok/testimonies';
import { EXPORT_PROFILES } from '../profiles/export-profile.js';
import { decideIncidents, decideTestimonies } from './inclusion.js';

const ALL: ConsentScope[] = ['courts', 'internal', 'public_anonymised', 'public_named', 'un_mechanisms'];
const testimony = (n: number, witnessId: string, status = 'approved') =>
  ({ id: `t${n}`, reference: `T-00000${n}`, witnessId, status, withdrawnAt: null }) as Testimony;
const witness = (id: string, pseudonym: string, withdrawnAt: Date | null = null) =>
  ({ id, pseudonym, withdrawnAt }) as Witness;
const consent = (scopes: ConsentScope[]): EffectiveConsent => ({ scopes, witnessVersion: 1, testimonyVersion: null });

const witnesses = new Map([
  ['w1', witness('w1', 'W-000001')],
  ['w2', witness('w2', 'W-000002')],
  ['w3', witness('w3', 'W-000003', new Date())],
]);
// T1 and T3 by w1, T2 by w2 (internal consent only), T4 by the withdrawn w3, T5 by w2 under review.
const chosen = [
  testimony(1, 'w1'),
  testimony(2, 'w2'),
  testimony(3, 'w1'),
  testimony(4, 'w3'),
  testimony(5, 'w2', 'under_review'),
];
const consents = new Map([
  ['t1', consent(ALL)],
  ['t2', consent(['internal'])],
  ['t3', consent(ALL)],
  ['t4', consent(ALL)],
  ['t5', consent(ALL)],
]);

describe('decideTestimonies', () => {
  it('public bag: withholds by consent, withdrawal and approval, and numbers witnesses in order of appearance', () => {
    const { included, withheld, labels } = decideTestimonies(chosen, {
      witnesses,
      consents,
      profile: EXPORT_PROFILES['public-anonymised'],
      includeUnapproved: false,
    });
    expect(included.map((t) => t.reference)).toEqual(['T-000001', 'T-000003']);
    expect(withheld.map((w) => [w.reference, w.pseudonym, w.reason])).toEqual([
      ['T-000002', '', 'consent does not cover public_anonymised (witness consent v1)'],
      ['T-000004', '', 'witness withdrawn'],
      ['T-000005', '', 'not approved (under review); includeUnapproved sends it marked as such'],
    ]);
    expect([...labels]).toEqual([['w1', 'Witness 1']]);
  });

  it('a profile that names pseudonyms labels witnesses by them, withheld ones too', () => {
    const { included, withheld, labels } = decideTestimonies(chosen, {
      witnesses,
      consents,
      profile: EXPORT_PROFILES['un-submission'],
      includeUnapproved: true,
    });
    expect(included.map((t) => t.reference)).toEqual(['T-000001', 'T-000003', 'T-000005']);
    expect(withheld.map((w) => [w.kind, w.reference, w.pseudonym])).toEqual([
      ['testimony', 'T-000002', 'W-000002'],
      ['testimony', 'T-000004', 'W-000003'],
    ]);
    expect([...labels]).toEqual([
      ['w1', 'W-000001'],
      ['w2', 'W-000002'],
    ]);
  });

  it('a testimony whose witness is not found is withheld, naming no pseudonym', () => {
    const { included, withheld } = decideTestimonies([testimony(9, 'w9')], {
      witnesses,
      consents: new Map([['t9', consent(ALL)]]),
      profile: EXPORT_PROFILES['un-submission'],
      includeUnapproved: false,
    });
    expect(included).toEqual([]);
    expect(withheld).toEqual([
      { kind: 'testimony', id: 't9', reference: 'T-000009', pseudonym: '', reason: 'witness withdrawn' },
    ]);
  });

  it('anonymous labels count witnesses, not testimonies', () => {
    const { labels } = decideTestimonies([testimony(1, 'w1'), testimony(3, 'w1'), testimony(2, 'w2')], {
      witnesses,
      consents: new Map([
        ['t1', consent(ALL)],
        ['t2', consent(ALL)],
        ['t3', consent(ALL)],
      ]),
      profile: EXPORT_PROFILES['public-anonymised'],
      includeUnapproved: false,
    });
    expect([...labels.values()]).toEqual(['Witness 1', 'Witness 2']);
  });
});

describe('decideIncidents', () => {
  const incident = (n: number, status = 'confirmed') => ({ id: `i${n}`, reference: `I-00000${n}`, status }) as Incident;
  const source = (incidentId: string, testimonyId: string) => ({ incidentId, testimonyId }) as IncidentSource;
  const candidates = [incident(1), incident(2), incident(3), incident(4, 'draft')];
  const sources = [source('i1', 't1'), source('i1', 't2'), source('i2', 't2'), source('i4', 't1')];
  const included = new Set(['t1']);

  it('public bag: only incidents an included testimony supports, settled ones only', () => {
    const choice = decideIncidents(candidates, {
      sources,
      includedTestimonyIds: included,
      profile: EXPORT_PROFILES['public-anonymised'],
      includeUnapproved: false,
    });
    expect(choice.included.map((i) => i.reference)).toEqual(['I-000001']);
    const withheld = (n: number, reason: string) => ({
      kind: 'incident',
      id: `i${n}`,
      reference: `I-00000${n}`,
      pseudonym: '',
      reason,
    });
    expect(choice.withheld).toEqual([
      withheld(2, 'no source in this export: every testimony it rests on was withheld'),
      withheld(3, 'no source in this export: it rests on no testimony'),
      withheld(4, 'not confirmed (draft); includeUnapproved sends it marked as such'),
    ]);
  });

  it('internal bag: every incident, whatever its sources and status', () => {
    const choice = decideIncidents(candidates, {
      sources,
      includedTestimonyIds: included,
      profile: EXPORT_PROFILES.internal,
      includeUnapproved: false,
    });
    expect(choice.included).toEqual(candidates);
    expect(choice.withheld).toEqual([]);
  });
});
