import { join } from 'node:path';
import type { Settings } from '@sillok/config';
import { FilesystemObjectStore } from './filesystem-object-store.js';
import type { ObjectStore } from './object-store.port.js';
import { S3ObjectStore, type S3ObjectStoreOptions } from './s3-object-store.js';

const MIB = 1024 * 1024;

/** The adapter the settings choose, ready to use (the bucket or root directory exists). */
export async function createObjectStore(settings: Settings): Promise<ObjectStore> {
  if (settings.OBJECT_STORE === 's3') {
    const store = new S3ObjectStore(s3ObjectStoreOptions(settings));
    await store.ensureBucket();
    return store;
  }
  const store = new FilesystemObjectStore(join(settings.SILLOK_DATA_DIR, 'objects'));
  await store.ensureRoot();
  return store;
}

/** The S3 adapter's options from the settings (the server and `sillok storage:check` use the same). */
export function s3ObjectStoreOptions(settings: Settings): S3ObjectStoreOptions {
  return {
    endPoint: settings.S3_ENDPOINT,
    port: settings.S3_PORT,
    useSSL: settings.S3_USE_SSL,
    region: settings.S3_REGION,
    bucket: settings.S3_BUCKET,
    accessKey: settings.S3_ACCESS_KEY ?? '',
    secretKey: settings.S3_SECRET_KEY ?? '',
    pathStyle: settings.S3_PATH_STYLE,
    partSize: settings.S3_PART_SIZE_MB * MIB,
  };
}
