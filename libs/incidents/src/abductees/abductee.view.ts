import { withdrawalOf, type Withdrawal } from '@sillok/database';
import type { Abductee, ExternalReference } from './abductee.entity.js';

export interface AbducteeView {
  id: string;
  reference: string;
  caseId: string;
  /** null when sealed: read it with POST /abductees/:id/name/read (witness.identity.read and a reason). */
  name: string | null;
  nameSealed: boolean;
  nationality: string | null;
  abductionCategoryTermId: string | null;
  abductedFrom: string | null;
  abductedTo: string | null;
  abductionDatePrecision: string | null;
  abductionPlace: string | null;
  lastSeen: { date: string | null; datePrecision: string | null; place: string | null; source: string | null };
  statusTermId: string | null;
  externalReferences: ExternalReference[];
  testimonyIds: string[];
  incidentIds: string[];
  notes: string;
  withdrawn: Withdrawal | null;
  /** Its id in the archive it was imported from; null for a record made in Sillok. */
  externalId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function toAbducteeView(a: Abductee): AbducteeView {
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
