import type { Incident, IncidentSource } from '@sillok/incidents';
import type { ExportProfile } from '../profiles/export-profile.js';
import type { ExportedIncident } from './case-file.js';
import type { TermLookup } from './term-lookup.js';

export interface IncidentContext {
  /** The incident's live sources (others are ignored). */
  sources: IncidentSource[];
  /** Reference of every testimony of the case, by id (a source may name a withheld one). */
  references: ReadonlyMap<string, string>;
  includedTestimonyIds: ReadonlySet<string>;
  /** How the bag names each included witness, by witness id. */
  labels: ReadonlyMap<string, string>;
  /** Hides the case's sensitive words in free text. */
  redact: (text: string) => string;
  terms: TermLookup;
  profile: ExportProfile;
}

/**
 * An incident as the bag shows it: every text redacted, person names only where the profile
 * sends them, victim witnesses by their label in this bag, each source marked when its
 * testimony was withheld.
 */
export function exportedIncident(incident: Incident, context: IncidentContext): ExportedIncident {
  const { redact, profile } = context;
  return {
    id: incident.id,
    reference: incident.reference,
    title: redact(incident.title),
    description: redact(incident.description),
    status: incident.status,
    ...context.terms.event(incident, incident.placeText === null ? null : redact(incident.placeText)),
    ...(profile.personNames
      ? { perpetratorNames: incident.perpetratorNames.map(redact), victims: incident.victims.map(redact) }
      : {}),
    victimWitnesses: incident.victimWitnessIds.map((id) => context.labels.get(id) ?? 'a witness not in this export'),
    sources: context.sources
      .filter((s) => s.incidentId === incident.id)
      .map((s) => ({
        testimony: context.references.get(s.testimonyId) ?? '',
        withheld: !context.includedTestimonyIds.has(s.testimonyId),
        note: redact(s.note),
      })),
  };
}
