import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ObjectStore } from '@sillok/evidence';
import { CliError } from '../cli-runtime.js';
import { progressLine } from '../progress.js';
import { BACKUP_FORMAT, DATABASE_FILE, writeManifest, type BackupManifest } from './backup-manifest.js';
import { writeHashed } from './hash-to-file.js';
import { dumpDatabase, type PgTools } from './pg-tools.js';
import { storedIdentityKeyIds } from './stored-identity-keys.js';

export interface BackupSources {
  databaseUrl: string;
  store: ObjectStore;
  pgTools: PgTools;
}

/**
 * Writes DIR/database.dump, DIR/<key> for every object and, last, DIR/manifest.json: a
 * directory without a manifest is an unfinished backup. The database is dumped first (one
 * consistent snapshot); objects are immutable and written before their rows commit, so every
 * object a dumped row refers to is already in the store when the objects are listed after it.
 */
export async function writeBackup(dir: string, sources: BackupSources): Promise<BackupManifest> {
  await assertEmptyDirectory(dir);
  const createdAt = new Date().toISOString();
  process.stderr.write('backup: dumping the database\n');
  const dump = dumpDatabase(sources.pgTools, sources.databaseUrl);
  const [database] = await Promise.all([writeHashed(dump.output, join(dir, DATABASE_FILE)), dump.done]);

  const keys: string[] = [];
  for await (const object of sources.store.list()) keys.push(object.key);
  const progress = progressLine('backup: objects');
  const objects: BackupManifest['objects'] = [];
  for (const key of keys) {
    objects.push({ key, ...(await writeHashed(await sources.store.get(key), join(dir, key))) });
    progress.update(objects.length, keys.length);
  }
  progress.finish();

  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt,
    database: { file: DATABASE_FILE, ...database },
    objects,
    identityKeyIds: await storedIdentityKeyIds(sources.databaseUrl),
  };
  await writeManifest(dir, manifest);
  return manifest;
}

async function assertEmptyDirectory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if ((await readdir(dir)).length > 0) throw new CliError(`${dir} is not empty: back up into a new directory`);
}
