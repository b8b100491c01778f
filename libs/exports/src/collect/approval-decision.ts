import type { ExportProfile } from '../profiles/export-profile.js';

/** The status in which each kind of record counts as settled: a testimony approved, an incident confirmed. */
export const SETTLED_STATUS = { testimony: 'approved', incident: 'confirmed' } as const;

/**
 * Why a record may not go out because it is not settled yet, or null when it may. Profiles for
 * recipients outside the organisation send settled records only, unless the requester asked
 * for the others (each then marked as such wherever it appears).
 */
export function approvalWithholdingReason(
  kind: keyof typeof SETTLED_STATUS,
  status: string,
  profile: ExportProfile,
  includeUnapproved: boolean,
): string | null {
  if (!profile.approvedOnly || includeUnapproved || status === SETTLED_STATUS[kind]) return null;
  return `not ${SETTLED_STATUS[kind]} (${status.replace('_', ' ')}); includeUnapproved sends it marked as such`;
}

/** Whether a record that went out is not settled, so must carry the mark. */
export function isUnsettled(kind: keyof typeof SETTLED_STATUS, status: string): boolean {
  return status !== SETTLED_STATUS[kind];
}
