import type { ExportProfile } from '../profiles/export-profile.js';

/**
 * Why an incident may not go out under the profile, or null when it may. A public bag states
 * only what an included testimony supports: an incident whose every source was withheld (or
 * that has none) would publish, in its description, what those witnesses did not consent to.
 */
export function incidentWithholdingReason(
  sourceTestimonyIds: string[],
  includedTestimonyIds: ReadonlySet<string>,
  profile: ExportProfile,
): string | null {
  if (!profile.pseudonymousIds) return null;
  if (sourceTestimonyIds.some((id) => includedTestimonyIds.has(id))) return null;
  return sourceTestimonyIds.length
    ? 'no source in this export: every testimony it rests on was withheld'
    : 'no source in this export: it rests on no testimony';
}
