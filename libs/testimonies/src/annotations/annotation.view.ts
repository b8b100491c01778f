import { withdrawalOf } from '@sillok/database';
import type { TestimonyAnnotation } from './annotation.entity.js';
import type { AnnotationResponse } from './annotation.responses.js';

export function toAnnotationView(a: TestimonyAnnotation): AnnotationResponse {
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
