import type { CaseFile } from './case-file.js';
import { emptinessToConfirm } from './emptiness.js';
import { unsettledReferences } from './unsettled.js';

/** One record the export was asked for: whether it would go out, and if not, why. */
export interface PreviewRecord {
  kind: 'testimony' | 'incident' | 'attachment';
  id: string;
  /** The testimony's or incident's reference; for an attachment, that of its testimony (empty for others). */
  reference: string;
  /** The witness as this profile would name them (pseudonym, "Witness 1", or empty where hidden). */
  witness: string;
  /** An attachment's file name as this profile would show it; empty for testimonies and incidents. */
  name: string;
  /** Testimony or incident status; empty for attachments. */
  status: string;
  included: boolean;
  /** Why it would be withheld; null when it goes out. */
  reason: string | null;
}

/** What an export would hold, without its bytes: nothing read is written, signed, stored or audited. */
export interface ExportPreview {
  profile: string;
  /** Every testimony, incident and attachment considered, included first within each kind, by reference. */
  records: PreviewRecord[];
  /**
   * Things a requester should look at before sending: records not approved, an empty export, 0-byte files,
   * files whose name lies about their type, files that carry their capture location (GPS), identities.
   */
  warnings: string[];
  /** Set when the export itself would be refused without confirmEmpty (an empty bag, a 0-byte file). */
  confirmEmptyRequired: string | null;
  /** Witnesses whose identity would be decrypted into the bag (each read audited at export time). */
  identityWitnesses: number;
}

/**
 * The preview of a collected case file: the same collection an export makes, so what it lists
 * is exactly what the export would include and withhold, for the same reasons.
 */
export function exportPreview(
  file: Pick<CaseFile, 'testimonies' | 'incidents' | 'attachments' | 'withheld'>,
  profile: string,
  identityWitnesses: number,
): ExportPreview {
  const included: PreviewRecord[] = [
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
  kind: PreviewRecord['kind'],
  id: string,
  reference: string,
  parts: Partial<Pick<PreviewRecord, 'witness' | 'name' | 'status' | 'reason'>>,
): PreviewRecord {
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
