import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ObjectStore } from '@sillok/evidence';
import { CliError } from '../cli-runtime.js';
import { progressLine } from '../progress.js';
import { readManifest, type BackedUpFile, type BackupManifest } from './backup-manifest.js';
import { digestingStream } from './hash-to-file.js';
import { restoreDatabase, type PgTools } from './pg-tools.js';
import { databaseHasTables } from './stored-identity-keys.js';

export interface RestoreTargets {
  databaseUrl: string;
  store: ObjectStore;
  pgTools: PgTools;
}

/**
 * Proves every file of the backup against its manifest, then restores the database (one
 * transaction) and the objects (each re-hashed as it is written). Refuses a target that
 * already holds data, so a restore never mixes two installations.
 */
export async function restoreBackup(dir: string, targets: RestoreTargets): Promise<BackupManifest> {
  const manifest = await readManifest(dir);
  await verifyFiles(dir, manifest);
  if (await databaseHasTables(targets.databaseUrl))
    throw new CliError('the target database is not empty: restore into a new, empty database');
  for await (const _object of targets.store.list())
    throw new CliError('the target object store is not empty: restore into a new data directory or bucket');

  process.stderr.write('restore: restoring the database\n');
  await restoreDatabase(targets.pgTools, targets.databaseUrl, join(dir, manifest.database.file));
  const progress = progressLine('restore: objects');
  let done = 0;
  for (const object of manifest.objects) {
    const digesting = digestingStream();
    const source = createReadStream(join(dir, object.key)).pipe(digesting.stream);
    await targets.store.put(object.key, source, { size: object.size });
    // Read once more while writing: a file changed since verification must not pass silently.
    assertSame(object.key, object, digesting.digest(), 'the restore stopped here; restore again into new targets');
    progress.update(++done, manifest.objects.length);
  }
  progress.finish();
  return manifest;
}

/** Every byte of the backup, against the manifest, before anything is written. */
async function verifyFiles(dir: string, manifest: BackupManifest): Promise<void> {
  const files = [
    { name: manifest.database.file, ...manifest.database },
    ...manifest.objects.map((object) => ({ name: object.key, ...object })),
  ];
  const progress = progressLine('restore: verifying');
  let done = 0;
  for (const file of files) {
    const digesting = digestingStream();
    try {
      await pipeline(createReadStream(join(dir, file.name)), digesting.stream, async (chunks) => {
        for await (const _chunk of chunks);
      });
    } catch {
      throw new CliError(`backup damaged: ${file.name} is missing or unreadable; nothing was restored`);
    }
    assertSame(file.name, file, digesting.digest(), 'nothing was restored');
    progress.update(++done, files.length);
  }
  progress.finish();
}

function assertSame(name: string, expected: BackedUpFile, found: BackedUpFile, outcome: string): void {
  if (expected.sha256 !== found.sha256 || expected.size !== found.size)
    throw new CliError(
      `backup damaged: ${name} has sha256 ${found.sha256} (${found.size} bytes), the manifest says ` +
        `${expected.sha256} (${expected.size} bytes); ${outcome}`,
    );
}
