import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Settings } from './settings.schema.js';
import { SENSITIVE_SETTINGS } from './sensitive.decorator.js';
import { SettingsError } from './settings-error.js';
import { weakSecretReason } from './secret-strength.js';

type Environment = Record<string, string | undefined>;

// Values that show a template was copied without being filled in.
const PLACEHOLDER = /change[-_ ]?me|placeholder|example|replace|your[-_ ]|^(secret|password|x+)$/i;

/** The names of every setting the schema knows. */
export function settingNames(): string[] {
  return Object.keys(new Settings());
}

/**
 * Reads and validates every setting from the environment. Throws SettingsError
 * naming each bad variable; a sensitive value is never echoed back.
 */
export function loadSettings(env: Environment = process.env): Settings {
  const known = new Set([...settingNames(), ...SENSITIVE_SETTINGS.keys()]);
  const raw: Environment = {};
  for (const [key, value] of Object.entries(env)) {
    if (known.has(key) && value !== undefined && value !== '') raw[key] = value;
  }
  const settings = plainToInstance(Settings, raw, { exposeDefaultValues: true });
  const problems: string[] = [];
  const production = settings.NODE_ENV === 'production';

  for (const error of validateSync(settings)) {
    const sensitive = SENSITIVE_SETTINGS.has(error.property);
    if (sensitive && raw[error.property] === undefined && !production) continue; // filled in later for development
    const reasons = [...new Set(Object.values(error.constraints ?? {}))].join(', ');
    const shown = sensitive || raw[error.property] === undefined ? '' : ` (got "${raw[error.property]}")`;
    problems.push(`${error.property}: ${raw[error.property] === undefined ? 'is required' : reasons}${shown}`);
  }
  if (production) problems.push(...productionSecretProblems(raw, settings));

  if (problems.length) throw new SettingsError([...new Set(problems)]);
  return settings;
}

function productionSecretProblems(raw: Environment, settings: Settings): string[] {
  const problems: string[] = [];
  for (const [name, options] of SENSITIVE_SETTINGS) {
    const value = raw[name];
    const required = options.requiredWhen?.(settings) ?? true;
    if (value === undefined) {
      if (required) problems.push(`${name}: is required in production`);
    } else if (PLACEHOLDER.test(value)) problems.push(`${name}: is a placeholder; set a real secret in production`);
    else if (options.minLength && value.length < options.minLength) {
      problems.push(`${name}: must be at least ${options.minLength} characters in production`);
    } else {
      const weak = options.keyMaterial?.(value).map(weakSecretReason).find(Boolean);
      if (weak) problems.push(`${name}: ${weak}; set a random key in production`);
    }
  }
  return problems;
}
