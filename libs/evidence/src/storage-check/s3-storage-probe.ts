import type { Client } from 'minio';
import { createMinioClient } from '../object-store/minio-client.js';
import type { S3ObjectStoreOptions } from '../object-store/s3-object-store.js';

/** Bucket versioning as the server reports it; `off` when it was never turned on. */
export type VersioningStatus = 'enabled' | 'suspended' | 'off';

/**
 * The S3 requests the storage check needs to look behind the ObjectStore port, which deliberately has no way to
 * list incomplete uploads or read bucket settings. Read-only: it never writes or deletes.
 */
export class S3StorageProbe {
  private readonly client: Client;

  constructor(private readonly options: S3ObjectStoreOptions) {
    this.client = createMinioClient(options);
  }

  /** Upload ids of the incomplete multipart uploads whose key starts with `prefix`. */
  async incompleteUploads(prefix: string): Promise<string[]> {
    const { uploads } = await this.client.listIncompleteUploadsQuery(this.options.bucket, prefix, '', '', '');
    return uploads.filter((upload) => upload.key.startsWith(prefix)).map((upload) => upload.uploadId);
  }

  async versioningStatus(): Promise<VersioningStatus> {
    const configuration = (await this.client.getBucketVersioning(this.options.bucket)) as { Status?: unknown } | null;
    const status = typeof configuration?.Status === 'string' ? configuration.Status : undefined;
    if (status === 'Enabled') return 'enabled';
    if (status === 'Suspended') return 'suspended';
    if (status === undefined) return 'off';
    throw new Error(`unexpected versioning status ${JSON.stringify(status)}`);
  }
}
