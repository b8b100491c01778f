import type { ConsentScope } from '@sillok/testimonies';

export const EXPORT_PROFILE_NAMES = ['un-submission', 'prosecution', 'public-anonymised', 'internal'] as const;
export type ExportProfileName = (typeof EXPORT_PROFILE_NAMES)[number];

/** A named export policy: which consent a testimony needs to go out, and what is hidden in what does. */
export interface ExportProfile {
  name: ExportProfileName;
  /** A testimony whose effective consent lacks this scope is withheld. */
  requiredScope: ConsentScope;
  /** Witness identities may be added on an explicit request by a holder of witness.identity.read. */
  identitiesAllowed: boolean;
  /** Sensitive spans (family names, home villages) become a redaction mark; off only where identities may go. */
  redactSensitiveSpans: boolean;
  /** The city of interview is left out (the country stays). */
  redactInterviewPlace: boolean;
  /** Witnesses appear as `pseudonym` (W-000123), or as `anonymous` (Witness 1, 2, ... of this bag only). */
  witnessNaming: 'pseudonym' | 'anonymous';
  /** Witness attributes (sex, birth year, province of origin, ...) beside the pseudonym. */
  witnessAttributes: boolean;
  /** `original`: the originals; `prefer-redacted`: a redacted copy where one exists; `redacted-only`: originals without one stay out. */
  attachments: 'original' | 'prefer-redacted' | 'redacted-only';
  /** Names of victims and perpetrators in incidents and tags (people at risk, or named in a public text). */
  personNames: boolean;
  /**
   * Public bags: internal ids become per-bag pseudonyms (see BagIdentifiers), staff and translators
   * go unnamed, and an incident that no included testimony supports stays out.
   */
  pseudonymousIds: boolean;
  /** Only approved testimonies and confirmed incidents go out, unless the requester asks for the others. */
  approvedOnly: boolean;
}

export const EXPORT_PROFILES: Record<ExportProfileName, ExportProfile> = {
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

/**
 * The profile as applied to one export: with identities included (prosecution), the sensitive
 * spans that name the witness's family and village are no longer hidden from that recipient.
 */
export function appliedProfile(name: ExportProfileName, includeIdentities: boolean): ExportProfile {
  const profile = EXPORT_PROFILES[name];
  return includeIdentities ? { ...profile, redactSensitiveSpans: false } : profile;
}
