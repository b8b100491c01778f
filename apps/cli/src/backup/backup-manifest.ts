import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidObjectKey } from '@sillok/evidence';
import { CliError } from '../cli-runtime.js';

export const BACKUP_FORMAT = 'sillok-backup/1';
export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_FILE = 'database.dump';

export interface BackedUpFile {
  /** Lowercase hex SHA-256 of the file's bytes. */
  sha256: string;
  size: number;
}

/**
 * What a backup holds and the hash of each part, so a restore can prove every byte before it
 * writes anything. It names the identity key ids a restore needs, never the keys: a stolen
 * backup reveals no witness identity.
 */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  database: BackedUpFile & { file: typeof DATABASE_FILE };
  /** Every evidence object (attachments, stored exports), at DIR/<key>. */
  objects: Array<BackedUpFile & { key: string }>;
  /** Key ids of IDENTITY_ENCRYPTION_KEYS that sealed the backed-up identities. */
  identityKeyIds: string[];
}

export async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  await writeFile(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n', { flag: 'wx', mode: 0o600 });
}

/** The manifest of a backup directory, refused unless it is one this version wrote. */
export async function readManifest(dir: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new CliError(`${dir} is not a Sillok backup: no ${MANIFEST_FILE}`);
  }
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(text) as BackupManifest;
  } catch {
    throw new CliError(`${join(dir, MANIFEST_FILE)} is not valid JSON`);
  }
  if (manifest?.format !== BACKUP_FORMAT)
    throw new CliError(`${join(dir, MANIFEST_FILE)}: unknown backup format (expected ${BACKUP_FORMAT})`);
  // Keys become paths under the backup and the store: only the store's own shape may pass.
  const bad = (manifest.objects ?? []).find((o) => !isValidObjectKey(o.key));
  if (bad || !Array.isArray(manifest.objects))
    throw new CliError(`${MANIFEST_FILE}: invalid object key in the manifest`);
  return manifest;
}

/** SHA-256 (hex) of DIR/manifest.json as written: it names, through the hashes it holds, every byte of the backup. */
export async function manifestSha256(dir: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(join(dir, MANIFEST_FILE)))
    .digest('hex');
}
