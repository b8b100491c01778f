import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from './settings.schema.js';
import { SENSITIVE_SETTINGS } from './sensitive.decorator.js';

export const DEVELOPMENT_SECRETS_FILE = 'secrets.json';

/**
 * Outside production, a missing secret is generated once and kept (mode 0600) in the
 * data directory, so a fresh install starts with no setup and keeps its tokens and
 * encrypted data readable across restarts. Production never reaches this: it refuses
 * missing secrets in loadSettings.
 */
export function fillDevelopmentSecrets(settings: Settings): { file: string; generated: string[] } {
  const file = join(settings.SILLOK_DATA_DIR, DEVELOPMENT_SECRETS_FILE);
  const stored: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const generated: string[] = [];
  const target = settings as unknown as Record<string, string | undefined>;
  for (const [name, options] of SENSITIVE_SETTINGS) {
    if (target[name]) continue;
    if (!stored[name] && options.generate) {
      stored[name] = options.generate();
      generated.push(name);
    }
    target[name] = stored[name];
  }
  if (generated.length) {
    mkdirSync(settings.SILLOK_DATA_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return { file, generated };
}
