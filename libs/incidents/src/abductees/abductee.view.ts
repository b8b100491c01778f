import { withdrawalOf } from '@sillok/database';
import type { Abductee } from './abductee.entity.js';
import type { AbducteeResponse } from './abductee.responses.js';

export function toAbducteeView(a: Abductee): AbducteeResponse {
  return {
    id: a.id,
    reference: a.reference,
    caseId: a.caseId,
    name: a.nameAtRisk ? null : a.name,
    nameSealed: a.nameAtRisk,
    nationality: a.nationality,
    abductionCategoryTermId: a.abductionCategoryTermId,
    abductedFrom: a.abductedFrom,
    abductedTo: a.abductedTo,
    abductionDatePrecision: a.abductionDatePrecision,
    abductionPlace: a.abductionPlace,
    lastSeen: {
      date: a.lastSeenDate,
      datePrecision: a.lastSeenDatePrecision,
      place: a.lastSeenPlace,
      source: a.lastSeenSource,
    },
    statusTermId: a.statusTermId,
    externalReferences: a.externalReferences,
    testimonyIds: a.testimonyIds,
    incidentIds: a.incidentIds,
    notes: a.notes,
    withdrawn: withdrawalOf(a),
    externalId: a.externalId,
    createdBy: a.createdBy,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
  };
}
