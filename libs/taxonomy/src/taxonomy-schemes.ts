/**
 * The controlled vocabularies. `localTerms`: whether coordinators may add terms; closed lists
 * (legal text, HURIDOCS qualifiers the code relies on) only change by migration.
 */
export const SCHEMES = [
  {
    scheme: 'coi-violation',
    title: 'Violation categories of the UN Commission of Inquiry on human rights in the DPRK (A/HRC/25/63), A-F',
    localTerms: true,
  },
  {
    scheme: 'rome-art7',
    title: 'Rome Statute art. 7(1)(a)-(k): acts constituting crimes against humanity',
    localTerms: false,
  },
  { scheme: 'rome-art7-context', title: 'Rome Statute art. 7: contextual elements', localTerms: false },
  { scheme: 'date-precision', title: 'HURIDOCS ESF list 48: date precision', localTerms: false },
  { scheme: 'source-connection', title: 'HURIDOCS ESF list 19: connection of the source', localTerms: false },
  { scheme: 'reliability', title: 'HURIDOCS ESF list 42: reliability', localTerms: false },
  { scheme: 'location-type', title: 'HURIDOCS ESF list 17: types of location', localTerms: true },
  { scheme: 'act-type', title: 'HURIDOCS ESF micro-thesaurus 4: types of acts (top level)', localTerms: true },
  { scheme: 'facility-type', title: 'DPRK detention facility types', localTerms: true },
  { scheme: 'facility', title: 'DPRK detention facilities (known kwanliso and local additions)', localTerms: true },
  { scheme: 'agency', title: 'DPRK bodies named as perpetrators', localTerms: true },
  {
    scheme: 'abduction-category',
    title: 'Abductions and enforced disappearances of nationals of other States (COI categories)',
    localTerms: true,
  },
  { scheme: 'abductee-status', title: 'Current status of an abducted or disappeared person', localTerms: false },
] as const;

export type TaxonomyScheme = (typeof SCHEMES)[number]['scheme'];
export type SchemeDefinition = (typeof SCHEMES)[number];

export const SCHEME_NAMES: readonly TaxonomyScheme[] = SCHEMES.map((s) => s.scheme);

export function schemeDefinition(scheme: string): SchemeDefinition | undefined {
  return SCHEMES.find((s) => s.scheme === scheme);
}

export const TERM_STATUSES = ['active', 'deprecated'] as const;
export type TermStatus = (typeof TERM_STATUSES)[number];

/** 'seed': shipped by migration (code and labels fixed); 'local': added by a coordinator. */
export type TermOrigin = 'seed' | 'local';
