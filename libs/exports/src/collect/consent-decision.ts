import type { EffectiveConsent, Testimony, Witness } from '@sillok/testimonies';
import type { ExportProfile } from '../profiles/export-profile.js';

/**
 * Why a testimony may not go out under the profile, or null when it may. Withdrawn
 * testimonies and witnesses never go out, whatever their consent said before.
 */
export function withholdingReason(
  testimony: Testimony,
  witness: Witness | undefined,
  consent: EffectiveConsent | undefined,
  profile: ExportProfile,
): string | null {
  if (testimony.withdrawnAt) return 'testimony withdrawn';
  if (!witness || witness.withdrawnAt) return 'witness withdrawn';
  if (!consent || consent.witnessVersion === null) return 'no consent recorded';
  if (!consent.scopes.includes(profile.requiredScope)) {
    const versions = [`witness consent v${consent.witnessVersion}`];
    if (consent.testimonyVersion !== null) versions.push(`testimony limit v${consent.testimonyVersion}`);
    return `consent does not cover ${profile.requiredScope} (${versions.join(', ')})`;
  }
  return null;
}
