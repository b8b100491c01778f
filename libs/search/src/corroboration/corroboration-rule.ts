export const CORROBORATION_LEVELS = ['corroborated', 'partly_corroborated', 'single_source', 'no_source'] as const;
export type CorroborationLevel = (typeof CORROBORATION_LEVELS)[number];

/** When an incident counts as corroborated (README, "Corroboration"); every part may be set per request. */
export interface CorroborationRule {
  /** Independent direct sources (distinct witnesses) that must agree. */
  minDirect: number;
  /** Source-connection codes that count as direct; every other connection (or none) is indirect. */
  directConnections: string[];
  /** Agreeing means stated and matching; otherwise a source that does not contradict agrees. */
  strict: boolean;
}

export const DEFAULT_CORROBORATION_RULE: CorroborationRule = {
  minDirect: 2,
  directConnections: ['victim', 'eyewitness'],
  strict: false,
};

/** How a source's date or place compares with the incident's. */
export type Agreement = 'agree' | 'conflict' | 'unstated';

export interface SourceFacts {
  testimonyId: string;
  testimonyReference: string;
  witnessId: string;
  witnessPseudonym: string;
  connection: string | null;
  reliability: string | null;
  date: Agreement;
  place: Agreement;
}

export interface IncidentAssessment {
  independentSources: number;
  direct: number;
  indirect: number;
  byConnection: Record<string, number>;
  reliability: Record<string, number>;
  dates: Record<Agreement, number>;
  places: Record<Agreement, number>;
  agreeingDirect: number;
  level: CorroborationLevel;
}

const worst = (values: Agreement[]): Agreement =>
  values.includes('conflict') ? 'conflict' : values.includes('agree') ? 'agree' : 'unstated';

const tally = <K extends string>(keys: K[], start: Partial<Record<K, number>> = {}): Record<K, number> => {
  const counts = { ...start } as Record<K, number>;
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
};
const NO_AGREEMENT: Record<Agreement, number> = { agree: 0, conflict: 0, unstated: 0 };

/**
 * One witness is one independent source however many of their testimonies or tags are linked:
 * direct if any of their sources is direct; their date (place) conflicts if any source's does.
 */
export function assessIncident(sources: SourceFacts[], rule: CorroborationRule): IncidentAssessment {
  const byWitness = new Map<string, SourceFacts[]>();
  for (const s of sources) byWitness.set(s.witnessId, [...(byWitness.get(s.witnessId) ?? []), s]);
  const witnesses = [...byWitness.values()].map((own) => {
    const direct = own.find((s) => s.connection !== null && rule.directConnections.includes(s.connection));
    const main = direct ?? own[0];
    return {
      direct: direct !== undefined,
      connection: main.connection ?? 'unstated',
      reliability: main.reliability ?? 'unstated',
      date: worst(own.map((s) => s.date)),
      place: worst(own.map((s) => s.place)),
    };
  });
  const agrees = (w: (typeof witnesses)[number]) =>
    rule.strict ? w.date === 'agree' && w.place === 'agree' : w.date !== 'conflict' && w.place !== 'conflict';
  const direct = witnesses.filter((w) => w.direct).length;
  const agreeingDirect = witnesses.filter((w) => w.direct && agrees(w)).length;
  const level: CorroborationLevel =
    witnesses.length === 0
      ? 'no_source'
      : agreeingDirect >= rule.minDirect
        ? 'corroborated'
        : witnesses.length === 1
          ? 'single_source'
          : 'partly_corroborated';
  return {
    independentSources: witnesses.length,
    direct,
    indirect: witnesses.length - direct,
    byConnection: tally(witnesses.map((w) => w.connection)),
    reliability: tally(witnesses.map((w) => w.reliability)),
    dates: tally(
      witnesses.map((w) => w.date),
      NO_AGREEMENT,
    ),
    places: tally(
      witnesses.map((w) => w.place),
      NO_AGREEMENT,
    ),
    agreeingDirect,
    level,
  };
}
