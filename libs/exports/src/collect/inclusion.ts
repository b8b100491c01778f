import type { Incident, IncidentSource } from '@sillok/incidents';
import type { EffectiveConsent, Testimony, Witness } from '@sillok/testimonies';
import type { ExportProfile } from '../profiles/export-profile.js';
import { approvalWithholdingReason } from './approval-decision.js';
import type { WithheldItem } from './case-file.js';
import { withholdingReason } from './consent-decision.js';
import { incidentWithholdingReason } from './incident-decision.js';

export interface TestimonyInclusion {
  /** The testimonies that go out, in the order asked for. */
  included: Testimony[];
  withheld: WithheldItem[];
  /** How the bag names each included testimony's witness, by witness id. */
  labels: Map<string, string>;
}

/** What decides a testimony: its witness, its consent, the profile, and whether unapproved ones go out marked. */
export interface TestimonyGrounds {
  witnesses: ReadonlyMap<string, Witness>;
  consents: ReadonlyMap<string, EffectiveConsent>;
  profile: ExportProfile;
  includeUnapproved: boolean;
}

/**
 * Which of the chosen testimonies go out under the profile (consent, withdrawal, approval) and how
 * their witnesses are named: by pseudonym, or in an anonymised bag "Witness 1", "Witness 2", … in
 * the order their first testimony goes out. Withheld testimonies name their witness's pseudonym
 * only where the profile shows pseudonyms. Reads nothing: the caller has read every row.
 */
export function decideTestimonies(
  chosen: Testimony[],
  { witnesses, consents, profile, includeUnapproved }: TestimonyGrounds,
): TestimonyInclusion {
  const included: Testimony[] = [];
  const withheld: WithheldItem[] = [];
  const labels = new Map<string, string>();
  for (const testimony of chosen) {
    const witness = witnesses.get(testimony.witnessId);
    const reason =
      withholdingReason(testimony, witness, consents.get(testimony.id), profile) ??
      approvalWithholdingReason('testimony', testimony.status, profile, includeUnapproved);
    if (reason) {
      withheld.push({
        kind: 'testimony',
        id: testimony.id,
        reference: testimony.reference,
        pseudonym: profile.witnessNaming === 'pseudonym' ? (witness?.pseudonym ?? '') : '',
        reason,
      });
      continue;
    }
    included.push(testimony);
    // A testimony goes out only with its witness (withholdingReason), so the witness is known here.
    if (!labels.has(testimony.witnessId))
      labels.set(
        testimony.witnessId,
        profile.witnessNaming === 'pseudonym' ? witness!.pseudonym : `Witness ${labels.size + 1}`,
      );
  }
  return { included, withheld, labels };
}

/** What decides an incident: the testimonies it rests on and which of them go out, the profile, unapproved or not. */
export interface IncidentGrounds {
  sources: IncidentSource[];
  includedTestimonyIds: ReadonlySet<string>;
  profile: ExportProfile;
  includeUnapproved: boolean;
}

/**
 * Which of the candidate incidents go out: settled ones (or any, when asked), and in a public bag
 * only those an included testimony supports. Each other one is withheld with its reason.
 */
export function decideIncidents(
  candidates: Incident[],
  { sources, includedTestimonyIds, profile, includeUnapproved }: IncidentGrounds,
): { included: Incident[]; withheld: WithheldItem[] } {
  const withheld: WithheldItem[] = [];
  const included = candidates.filter((incident) => {
    const reason =
      approvalWithholdingReason('incident', incident.status, profile, includeUnapproved) ??
      incidentWithholdingReason(
        sources.filter((s) => s.incidentId === incident.id).map((s) => s.testimonyId),
        includedTestimonyIds,
        profile,
      );
    if (reason)
      withheld.push({ kind: 'incident', id: incident.id, reference: incident.reference, pseudonym: '', reason });
    return reason === null;
  });
  return { included, withheld };
}
