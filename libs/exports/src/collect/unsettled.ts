import { isUnsettled } from './approval-decision.js';
import type { CaseFile } from './case-file.js';

/** The testimonies and incidents that went out without being approved or confirmed, with their status. */
export function unsettledReferences(file: Pick<CaseFile, 'testimonies' | 'incidents'>): string[] {
  return [
    ...file.testimonies.filter((t) => isUnsettled('testimony', t.status)).map((t) => `${t.reference} (${t.status})`),
    ...file.incidents.filter((i) => isUnsettled('incident', i.status)).map((i) => `${i.reference} (${i.status})`),
  ];
}
