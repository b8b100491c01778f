import type { Attachment } from './attachment.entity.js';
import type { AttachmentCaptureMetadata } from '../capture/capture-metadata.entity.js';
import type { FixityCheck } from './fixity-check.entity.js';

export interface CaptureMetadataView {
  source: string;
  extractedAt: string;
  capturedAt: string | null;
  /** Null unless the reader may download the attachment: a location can expose a witness or a camp. */
  gpsLatitude: number | null;
  gpsLongitude: number | null;
  /** True when the file carries a location that this reader is not allowed to see. */
  gpsWithheld: boolean;
  cameraMake: string | null;
  cameraModel: string | null;
  raw: Record<string, unknown>;
  errors: string | null;
}

const GPS_RAW_KEY = /^GPS/;

export function captureMetadataView(m: AttachmentCaptureMetadata, showLocation: boolean): CaptureMetadataView {
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

export interface AttachmentView {
  id: string;
  caseId: string;
  ownerType: string;
  ownerId: string;
  originalFileName: string;
  declaredMediaType: string | null;
  detectedMediaType: string;
  size: number;
  sha256: string;
  md5: string;
  kind: string;
  description: string;
  language: string | null;
  uploadedBy: string;
  uploadedAt: string;
  derivedFrom: string | null;
  derivation: string | null;
  derivationReason: string | null;
  /** Only in GET /attachments/:id and the upload answer; lists leave it out. */
  captureMetadata?: CaptureMetadataView | null;
}

/** The object key and request id stay inside: they tell a reader nothing they need. */
export function attachmentView(
  a: Attachment,
  capture?: AttachmentCaptureMetadata | null,
  showLocation = false,
): AttachmentView {
  const view: AttachmentView = {
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
  if (capture !== undefined) view.captureMetadata = capture ? captureMetadataView(capture, showLocation) : null;
  return view;
}

export interface FixityCheckView {
  checkedAt: string;
  ok: boolean;
  missing: boolean;
  observedSha256: string | null;
  observedSize: number | null;
}

export function fixityCheckView(c: FixityCheck): FixityCheckView {
  return {
    checkedAt: c.checkedAt.toISOString(),
    ok: c.ok,
    missing: c.missing,
    observedSha256: c.observedSha256,
    observedSize: c.observedSize,
  };
}

export interface CustodyEntryView {
  seq: string;
  at: string;
  action: string;
  actorUserId: string | null;
  actorRole: string | null;
  requestId: string | null;
  details: Record<string, unknown> | null;
}
