import { randomBytes } from 'node:crypto';
import type { Settings } from './settings.schema.js';

export interface SensitiveOptions {
  /** Makes a value for a development install, kept under the data directory. */
  generate?: () => string;
  /** Shortest acceptable value in production. */
  minLength?: number;
  /**
   * Only then is the value required in production (e.g. S3 keys when OBJECT_STORE=s3);
   * without it the value is always required in production.
   */
  requiredWhen?: (settings: Settings) => boolean;
  /**
   * The key bytes inside the value: production refuses any that weakSecretReason finds too
   * short or visibly not random. Unset: the value is not checked that way (e.g. S3 keys, which
   * the object store's operator chooses).
   */
  keyMaterial?: (value: string) => Uint8Array[];
}

/** Sensitive settings by name: never logged, never echoed in errors, required in production (or when `requiredWhen` says). */
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
