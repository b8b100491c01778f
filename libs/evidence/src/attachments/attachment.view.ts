import type { Attachment } from './attachment.entity.js';
import type { FixityCheck } from './fixity-check.entity.js';

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
}

/** The object key and request id stay inside: they tell a reader nothing they need. */
export function attachmentView(a: Attachment): AttachmentView {
  return {
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
