import { join } from 'node:path';
import type { Settings } from '@sillok/config';
import { FilesystemObjectStore } from '../object-store/filesystem-object-store.js';
import { s3ObjectStoreOptions } from '../object-store/object-store.factory.js';
import { S3ObjectStore } from '../object-store/s3-object-store.js';
import { S3StorageProbe } from './s3-storage-probe.js';
import type { StorageCheckTarget } from './storage-check.js';

/** The smallest part S3 accepts: the filesystem adapter has no parts, so its multipart object only needs to be large. */
const FILESYSTEM_PART_SIZE = 5 * 1024 * 1024;

/**
 * The store the settings configure, as the server would use it, but never created by the check: a missing bucket or
 * data directory is reported rather than made. Call `close()` when done.
 */
export function storageCheckTarget(settings: Settings): StorageCheckTarget & { close(): void } {
  if (settings.OBJECT_STORE === 's3') {
    const options = s3ObjectStoreOptions(settings);
    const store = new S3ObjectStore(options);
    return {
      store,
      kind: 's3',
      partSize: options.partSize,
      probe: new S3StorageProbe(options),
      close: () => store.close(),
    };
  }
  const store = new FilesystemObjectStore(join(settings.SILLOK_DATA_DIR, 'objects'));
  return { store, kind: 'filesystem', partSize: FILESYSTEM_PART_SIZE, close: () => undefined };
}
