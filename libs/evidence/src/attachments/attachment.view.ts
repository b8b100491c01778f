import type { AttachmentResponse, CaptureMetadataResponse, FixityCheckResponse } from './attachment.responses.js';
import type { Attachment } from './attachment.entity.js';
import type { AttachmentCaptureMetadata } from '../capture/capture-metadata.entity.js';
import type { FixityCheck } from './fixity-check.entity.js';

const GPS_RAW_KEY = /^GPS/;

export function captureMetadataView(m: AttachmentCaptureMetadata, showLocation: boolean): CaptureMetadataResponse {
  const hasLocation = m.gpsLatitude !== null || Object.keys(m.raw).some((key) => GPS_RAW_KEY.test(key));
  return {
    source: m.source,
    extractedAt: m.extractedAt.toISOString(),
    capturedAt: m.capturedAt ? m.capturedAt.toISOString() : null,
    gpsLatitude: showLocation ? m.gpsLatitude : null,
    gpsLongitude: showLocation ? m.gpsLongitude : null,
    gpsWithheld: hasLocation && !showLocation,
    cameraMake: m.cameraMake,
    cameraModel: m.cameraModel,
    raw: showLocation ? m.raw : Object.fromEntries(Object.entries(m.raw).filter(([key]) => !GPS_RAW_KEY.test(key))),
    errors: m.errors,
  };
}

/**
 * The single-attachment answers (GET /attachments/:id, the upload) carry the capture metadata read
 * at ingest (null when none), its location only for readers who may download the file.
 */
export interface AttachmentDetail {
  capture: AttachmentCaptureMetadata | null;
  showLocation: boolean;
}

/** The object key and request id stay inside: they tell a reader nothing they need. Lists pass no detail. */
export function attachmentView(a: Attachment, detail?: AttachmentDetail): AttachmentResponse {
  const view: AttachmentResponse = {
    id: a.id,
    caseId: a.caseId,
    ownerType: a.ownerType,
    ownerId: a.ownerId,
    originalFileName: a.originalFileName,
    declaredMediaType: a.declaredMediaType,
    detectedMediaType: a.detectedMediaType,
    size: a.size,
    sha256: a.sha256,
    md5: a.md5,
    kind: a.kind,
    description: a.description,
    language: a.language,
    uploadedBy: a.uploadedBy,
    uploadedAt: a.uploadedAt.toISOString(),
    derivedFrom: a.derivedFrom,
    derivation: a.derivation,
    derivationReason: a.derivationReason,
  };
  if (detail) view.captureMetadata = detail.capture ? captureMetadataView(detail.capture, detail.showLocation) : null;
  return view;
}

export function fixityCheckView(c: FixityCheck): FixityCheckResponse {
  return {
    checkedAt: c.checkedAt.toISOString(),
    ok: c.ok,
    missing: c.missing,
    observedSha256: c.observedSha256,
    observedSize: c.observedSize,
  };
}
