import type { CaseExport, ExportSelection, WithheldItem } from './case-export.entity.js';

export interface ExportView {
  id: string;
  caseId: string;
  profile: string;
  recipient: string;
  selection: ExportSelection;
  testimonyIds: string[];
  attachmentIds: string[];
  withheld: WithheldItem[];
  includesIdentities: boolean;
  size: number;
  payloadOxum: string;
  tagManifestSha256: string;
  signature: string;
  publicKeyFingerprint: string;
  createdBy: string;
  createdAt: string;
}

export function exportView(row: CaseExport): ExportView {
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
