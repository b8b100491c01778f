import type { Settings } from './settings.schema.js';
import { SettingsError } from './settings-error.js';

/**
 * What the API process must not hold in production, beyond what loadSettings checks for every
 * process: the audit checkpoint key. An API that can sign checkpoints could seal rows forged
 * through it; checkpoints are signed by `sillok audit:checkpoint`, run by the operator or a
 * scheduled container that alone has the key (README, Audit trail).
 */
export function apiProcessSettingsProblems(settings: Pick<Settings, 'NODE_ENV' | 'AUDIT_SIGNING_KEY'>): string[] {
  if (settings.NODE_ENV !== 'production' || settings.AUDIT_SIGNING_KEY === undefined) return [];
  return [
    'AUDIT_SIGNING_KEY: must not be given to the API in production; sign checkpoints with `sillok audit:checkpoint` where the key is kept',
  ];
}

/** Throws a SettingsError naming each problem of apiProcessSettingsProblems. */
export function assertApiProcessSettings(settings: Pick<Settings, 'NODE_ENV' | 'AUDIT_SIGNING_KEY'>): void {
  const problems = apiProcessSettingsProblems(settings);
  if (problems.length) throw new SettingsError(problems);
}
