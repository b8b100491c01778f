import type { EffectiveConsent } from '@sillok/testimonies';
import type { WithheldItem } from '../case-export.entity.js';
import type { BagIdentifiers } from './bag-identifiers.js';

/** A taxonomy term as a bag shows it: stable code and scheme with its labels. */
export interface TermRef {
  scheme: string;
  code: string;
  label: string;
  labelKo: string | null;
}

/** What was done, where, when and by which agency: as a tag and an incident both carry it. */
export interface ExportedEvent {
  /** Legal qualification: violation categories (COI, Rome Statute art. 7). */
  violations: TermRef[];
  acts: TermRef[];
  facility: TermRef | null;
  place: string | null;
  dateFrom: string | null;
  dateTo: string | null;
  datePrecision: string | null;
  agencies: TermRef[];
}

export interface ExportedTag extends ExportedEvent {
  id: string;
  /** null: the narrative; otherwise the translation's language. */
  language: string | null;
  range: { start: number; end: number } | null;
  quote: string | null;
  victimKind: string | null;
  /** Only where the profile lets person names out. */
  victimName?: string | null;
  victimDescription: string | null;
  note: string;
}

export interface ExportedWitness {
  /** How this bag names the witness: the pseudonym, or "Witness 1" in an anonymised bag. */
  label: string;
  pseudonym: string | null;
  attributes?: Record<string, unknown>;
  /** Decrypted identity, only when asked for explicitly by a holder of witness.identity.read. */
  identity?: Record<string, unknown> | null;
}

export interface ExportedTestimony {
  id: string;
  reference: string;
  title: string;
  summary: string;
  narrative: string;
  originalLanguage: string;
  forum: string;
  status: string;
  interviewDate: string | null;
  interviewCity: string | null;
  interviewCountry: string | null;
  /** Who interviewed: name and role, or in a public bag role and per-bag pseudonym. */
  interviewers: string[];
  interpreterUsed: boolean;
  interpreterLanguages: string | null;
  revision: number;
  /** SHA-256 of the revision's full content; null when the text was redacted (see contentSha256Note). */
  contentSha256: string | null;
  contentSha256Note?: string;
  consent: EffectiveConsent;
  witness: ExportedWitness;
  translations: Array<{ language: string; text: string; translator: string | null; checked: boolean }>;
  tags: ExportedTag[];
  /** How many passages were replaced by the redaction mark, narrative and translations together. */
  redactions: number;
  attachments: string[];
}

export interface ExportedIncident extends ExportedEvent {
  id: string;
  reference: string;
  title: string;
  description: string;
  status: string;
  perpetratorNames?: string[];
  victims?: string[];
  victimWitnesses: string[];
  sources: Array<{ testimony: string; withheld: boolean; note: string }>;
}

export interface ExportedAttachment {
  id: string;
  /** The original this file is (or was redacted from). */
  originalId: string;
  derivation: string | null;
  path: string;
  objectKey: string;
  sha256: string;
  size: number;
  kind: string;
  mediaType: string;
  description: string;
  owner: { type: string; reference: string | null };
  /** The name it was uploaded under, when that named another type than its bytes are (see withTrueExtension). */
  uploadedName?: string;
  /** Set when its bytes carry where it was captured (EXIF or MP4 GPS, read at upload): for the preview, not the bag. */
  capturedLocation?: true;
}

export type { WithheldItem };

/** Everything one bag will hold, already filtered by consent and redacted by the profile. */
export interface CaseFile {
  case: { id: string; reference: string; title: string; description: string; status: string };
  testimonies: ExportedTestimony[];
  incidents: ExportedIncident[];
  attachments: ExportedAttachment[];
  withheld: WithheldItem[];
  /** Audit rows about every included item, in chain order, as this bag may show them. */
  custody: Array<Record<string, unknown>>;
  /** How the bag names internal records and people (per-bag pseudonyms in a public bag). */
  ids: BagIdentifiers;
  /** Witnesses whose decrypted identity is in the bag. */
  identityWitnessIds: string[];
}
