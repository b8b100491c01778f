import { randomBytes } from 'node:crypto';

export interface SensitiveOptions {
  /** Makes a value for a development install, kept under the data directory. */
  generate?: () => string;
  /** Shortest acceptable value in production. */
  minLength?: number;
}

/** Sensitive settings by name: never logged, never echoed in errors, required in production. */
export const SENSITIVE_SETTINGS = new Map<string, SensitiveOptions>();

export function Sensitive(options: SensitiveOptions = {}): PropertyDecorator {
  return (_target, property) => {
    SENSITIVE_SETTINGS.set(String(property), {
      generate: () => randomBytes(32).toString('base64url'),
      minLength: 32,
      ...options,
    });
  };
}
