import type { ConsentRecord, ConsentScope } from './consent-record.entity.js';

export interface EffectiveConsent {
  scopes: ConsentScope[];
  /** The ledger versions the answer rests on, so an export can cite them. */
  witnessVersion: number | null;
  testimonyVersion: number | null;
}

function latest(records: ConsentRecord[]): ConsentRecord | undefined {
  return records.reduce<ConsentRecord | undefined>((a, b) => (!a || b.version > a.version ? b : a), undefined);
}

/**
 * What may be done with a testimony now: the witness's latest consent, narrowed by the
 * latest testimony-specific version when the witness limited this testimony. No record
 * at all means no consent: nothing is shared until a documenter records one.
 */
export function effectiveConsent(ledger: ConsentRecord[], testimonyId?: string): EffectiveConsent {
  const witnessLevel = latest(ledger.filter((r) => r.testimonyId === null));
  const testimonyLevel = testimonyId ? latest(ledger.filter((r) => r.testimonyId === testimonyId)) : undefined;
  const base = witnessLevel?.scopes ?? [];
  const scopes = testimonyLevel ? base.filter((scope) => testimonyLevel.scopes.includes(scope)) : base;
  return {
    scopes: [...scopes].sort(),
    witnessVersion: witnessLevel?.version ?? null,
    testimonyVersion: testimonyLevel?.version ?? null,
  };
}
