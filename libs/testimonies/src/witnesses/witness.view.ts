import { withdrawalOf } from '@sillok/database';
import type { Witness } from './witness.entity.js';
import type { WitnessResponse } from '../testimonies.responses.js';

export function toWitnessView(w: Witness): WitnessResponse {
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
