import type { CaseExport } from './case-export.entity.js';
import type { ExportResponse } from './http/export.responses.js';

export function exportView(row: CaseExport): ExportResponse {
  return {
    id: row.id,
    caseId: row.caseId,
    profile: row.profile,
    recipient: row.recipient,
    selection: row.selection,
    testimonyIds: row.testimonyIds,
    attachmentIds: row.attachmentIds,
    withheld: row.withheld,
    includesIdentities: row.includesIdentities,
    size: row.size,
    payloadOxum: row.payloadOxum,
    tagManifestSha256: row.tagManifestSha256,
    signature: row.signature,
    publicKeyFingerprint: row.publicKeyFingerprint,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
