import { Client } from 'minio';
import type { S3ObjectStoreOptions } from './s3-object-store.js';

/** A minio client for the bucket's server, as the S3 adapter and the storage check both reach it. */
export function createMinioClient(options: S3ObjectStoreOptions, partSize?: number): Client {
  return new Client({
    endPoint: options.endPoint,
    port: options.port,
    useSSL: options.useSSL,
    region: options.region,
    accessKey: options.accessKey,
    secretKey: options.secretKey,
    pathStyle: options.pathStyle,
    partSize,
  });
}
