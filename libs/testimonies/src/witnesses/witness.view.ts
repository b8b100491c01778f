import { withdrawalOf, type Withdrawal } from '@sillok/database';
import type { Witness } from './witness.entity.js';

/** What a witness looks like to every reader: the pseudonym and attributes, never the identity. */
export interface WitnessView {
  id: string;
  caseId: string;
  pseudonym: string;
  sex: string;
  birthYear: number | null;
  ageRange: string | null;
  provinceOfOrigin: string | null;
  leftDprkYear: number | null;
  arrivalYear: number | null;
  currentCountry: string | null;
  languages: string[];
  reprisalRisk: boolean;
  reprisalRiskNote: string | null;
  withdrawn: Withdrawal | null;
  /** Its id in the archive it was imported from; null for a record made in Sillok. */
  externalId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function toWitnessView(w: Witness): WitnessView {
  return {
    id: w.id,
    caseId: w.caseId,
    pseudonym: w.pseudonym,
    sex: w.sex,
    birthYear: w.birthYear,
    ageRange: w.ageRange,
    provinceOfOrigin: w.provinceOfOrigin,
    leftDprkYear: w.leftDprkYear,
    arrivalYear: w.arrivalYear,
    currentCountry: w.currentCountry,
    languages: w.languages,
    reprisalRisk: w.reprisalRisk,
    reprisalRiskNote: w.reprisalRiskNote,
    withdrawn: withdrawalOf(w),
    externalId: w.externalId,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
    version: w.version,
  };
}
