import { randomUUID } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Settings } from './settings.schema.js';
import { SENSITIVE_SETTINGS } from './sensitive.decorator.js';

export const DEVELOPMENT_SECRETS_FILE = 'secrets.json';

type StoredSecrets = Record<string, string>;

/**
 * Outside production, a missing secret is generated once and kept (mode 0600) in the
 * data directory, so a fresh install starts with no setup and keeps its tokens and
 * encrypted data readable across restarts. Production never reaches this: it refuses
 * missing secrets in loadSettings.
 *
 * Several processes may start at once on an empty data directory (two API processes, or the
 * API and a CLI command). The file is therefore never written in place: it is written whole
 * to a temporary file and linked to its name, which fails if another process got there
 * first; the loser then reads and uses the winner's secrets, so all agree on one file.
 */
export function fillDevelopmentSecrets(settings: Settings): { file: string; generated: string[] } {
  const file = join(settings.SILLOK_DATA_DIR, DEVELOPMENT_SECRETS_FILE);
  const target = settings as unknown as Record<string, string | undefined>;
  for (;;) {
    const existing = readSecrets(file);
    const stored: StoredSecrets = { ...existing };
    const generated: string[] = [];
    for (const [name, options] of SENSITIVE_SETTINGS) {
      if (target[name] || stored[name] || !options.generate) continue;
      stored[name] = options.generate();
      generated.push(name);
    }
    if (generated.length && !publishSecrets(settings.SILLOK_DATA_DIR, file, stored, existing !== undefined)) {
      continue; // another process wrote the file first: use what it wrote
    }
    for (const [name] of SENSITIVE_SETTINGS) if (!target[name]) target[name] = stored[name];
    return { file, generated };
  }
}

/** The stored secrets, or undefined when there is no file yet. */
function readSecrets(file: string): StoredSecrets | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StoredSecrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes the secrets whole to a temporary file, then gives it the final name: by link when there is no file yet
 * (false when another process created it first), by rename when adding a secret a newer version introduced to an
 * existing file (readers never see a partial file; two processes upgrading at the same instant could each keep
 * their own value of that one new secret, which a restart settles).
 */
function publishSecrets(directory: string, file: string, secrets: StoredSecrets, replace: boolean): boolean {
  mkdirSync(directory, { recursive: true });
  const temporary = join(directory, `.${DEVELOPMENT_SECRETS_FILE}.${randomUUID()}.tmp`);
  const handle = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(handle, JSON.stringify(secrets, null, 2) + '\n');
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
  try {
    if (replace) {
      renameSync(temporary, file);
      return true;
    }
    linkSync(temporary, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // Filesystems without hard links: an exclusive create is still first-wins, though not all-or-nothing.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP') return createExclusively(file, secrets);
    throw error;
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // renamed away, or already gone
    }
  }
}

function createExclusively(file: string, secrets: StoredSecrets): boolean {
  let handle: number;
  try {
    handle = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(handle, JSON.stringify(secrets, null, 2) + '\n');
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
  return true;
}
