import { withdrawalOf, type Withdrawal } from '@sillok/database';
import type { TestimonyAnnotation } from './annotation.entity.js';

export interface AnnotationView {
  id: string;
  testimonyId: string;
  caseId: string;
  kind: string;
  sensitiveCategory: string | null;
  language: string | null;
  /** null: the tag applies to the whole testimony. */
  range: { start: number; end: number; quote: string } | null;
  anchoredRevision: number;
  status: string;
  violationTermIds: string[];
  actTermIds: string[];
  facilityTermId: string | null;
  placeText: string | null;
  dateFrom: string | null;
  dateTo: string | null;
  datePrecision: string | null;
  agencyTermIds: string[];
  victim: { kind: string; name: string | null; nameIsSensitive: boolean; description: string | null } | null;
  sourceConnectionTermId: string | null;
  reliabilityTermId: string | null;
  note: string;
  withdrawn: Withdrawal | null;
  /** Its id in the archive it was imported from; null for a record made in Sillok. */
  externalId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function toAnnotationView(a: TestimonyAnnotation): AnnotationView {
  return {
    id: a.id,
    testimonyId: a.testimonyId,
    caseId: a.caseId,
    kind: a.kind,
    sensitiveCategory: a.sensitiveCategory,
    language: a.language,
    range:
      a.rangeStart !== null && a.rangeEnd !== null && a.quote !== null
        ? { start: a.rangeStart, end: a.rangeEnd, quote: a.quote }
        : null,
    anchoredRevision: a.anchoredRevision,
    status: a.status,
    violationTermIds: a.violationTermIds,
    actTermIds: a.actTermIds,
    facilityTermId: a.facilityTermId,
    placeText: a.placeText,
    dateFrom: a.dateFrom,
    dateTo: a.dateTo,
    datePrecision: a.datePrecision,
    agencyTermIds: a.agencyTermIds,
    victim: a.victimKind
      ? {
          kind: a.victimKind,
          name: a.victimName,
          nameIsSensitive: a.victimName !== null,
          description: a.victimDescription,
        }
      : null,
    sourceConnectionTermId: a.sourceConnectionTermId,
    reliabilityTermId: a.reliabilityTermId,
    note: a.note,
    withdrawn: withdrawalOf(a),
    externalId: a.externalId,
    createdBy: a.createdBy,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
  };
}
