import type { CaseFile } from './case-file.js';
import { emptinessToConfirm } from './emptiness.js';
import { unsettledReferences } from './unsettled.js';
import type { ExportPreviewResponse, PreviewRecordResponse } from '../http/export-preview.responses.js';

/**
 * The preview of a collected case file: the same collection an export makes, so what it lists
 * is exactly what the export would include and withhold, for the same reasons.
 */
export function exportPreview(
  file: Pick<CaseFile, 'testimonies' | 'incidents' | 'attachments' | 'withheld'>,
  profile: string,
  identityWitnesses: number,
): ExportPreviewResponse {
  const included: PreviewRecordResponse[] = [
    ...file.testimonies.map((t) =>
      record('testimony', t.id, t.reference, { witness: t.witness.label, status: t.status }),
    ),
    ...file.incidents.map((i) => record('incident', i.id, i.reference, { status: i.status })),
    ...file.attachments.map((a) => record('attachment', a.id, a.owner.reference ?? '', { name: fileName(a.path) })),
  ];
  const withheld = file.withheld.map((w) =>
    record(w.kind, w.id, w.reference, { witness: w.pseudonym, name: w.name ?? '', reason: w.reason }),
  );
  const order = ['testimony', 'incident', 'attachment'];
  const records = [...included, ...withheld].sort(
    (a, b) =>
      order.indexOf(a.kind) - order.indexOf(b.kind) ||
      Number(b.included) - Number(a.included) ||
      a.reference.localeCompare(b.reference),
  );
  const confirmEmptyRequired = emptinessToConfirm(file);
  const warnings = [
    ...unsettledReferences(file).map((ref) => `${ref} would go out unsettled, marked as such on every page`),
    ...(confirmEmptyRequired ? [confirmEmptyRequired] : []),
    ...file.attachments
      .filter((a) => a.uploadedName !== undefined)
      .map((a) => `${a.uploadedName} is ${a.mediaType}, not what its name says: it goes out as ${fileName(a.path)}`),
    ...file.attachments
      .filter((a) => a.capturedLocation)
      .map(
        (a) =>
          `${fileName(a.path)} carries where it was captured (GPS) and would go out with it: the ${profile} profile does not withhold location`,
      ),
    ...(identityWitnesses
      ? [`the identities of ${identityWitnesses} witness(es) would be decrypted into the bag; each read is audited`]
      : []),
  ];
  return { profile, records, warnings, confirmEmptyRequired, identityWitnesses };
}

function record(
  kind: PreviewRecordResponse['kind'],
  id: string,
  reference: string,
  parts: Partial<Pick<PreviewRecordResponse, 'witness' | 'name' | 'status' | 'reason'>>,
): PreviewRecordResponse {
  const reason = parts.reason ?? null;
  return {
    kind,
    id,
    reference,
    witness: parts.witness ?? '',
    name: parts.name ?? '',
    status: parts.status ?? '',
    included: reason === null,
    reason,
  };
}

const fileName = (path: string) => path.slice('attachments/'.length);
