import { Logger } from '@nestjs/common';
import type { Client } from 'minio';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { DomainError, ErrorCode } from '@sillok/core';
import { assertValidListPrefix, assertValidObjectKey } from './object-key.js';
import {
  assertRangeWithin,
  assertValidRange,
  existsByStat,
  isNetworkError,
  objectNotFound,
  sizeMismatch,
  storeFull,
  storeUnavailable,
} from './object-store.errors.js';
import type {
  ByteRange,
  ObjectStat,
  ObjectStore,
  PutOptions,
  PutResult,
  TemporaryObject,
} from './object-store.port.js';
import { CleanupQueue } from './cleanup-queue.js';
import { CountingPassThrough } from './counting-pass-through.js';
import { createMinioClient } from './minio-client.js';

/** Where the health check writes its one-byte probe (removed at once): outside `objects/`. */
export const HEALTH_PROBE_PREFIX = 'health-probe/';

export interface S3ObjectStoreOptions {
  endPoint: string;
  port: number;
  useSSL: boolean;
  region: string;
  bucket: string;
  accessKey: string;
  secretKey: string;
  pathStyle: boolean;
  /** Bytes per multipart part: the client buffers one part per upload, so this bounds memory. */
  partSize: number;
  /** First delay before retrying the cleanup of a failed upload (doubles up to a minute). */
  cleanupRetryMs?: number;
}

/**
 * Objects in an S3-compatible bucket (MinIO in production) through the minio client.
 *
 * The client is given an explicit part size: without one it picks parts of ~560 MB for a
 * stream of unknown length and holds one in memory. A failed put aborts its multipart
 * upload and removes any object; when the server is down at that moment the cleanup is
 * retried in the background until it succeeds.
 */
export class S3ObjectStore implements ObjectStore {
  private readonly logger = new Logger(S3ObjectStore.name);
  private readonly client: Client;
  private readonly bucket: string;
  private readonly cleanup: CleanupQueue;

  constructor(private readonly options: S3ObjectStoreOptions) {
    this.bucket = options.bucket;
    this.client = createMinioClient(options, options.partSize);
    this.cleanup = new CleanupQueue((key) => this.removeIncomplete(key), {
      firstDelayMs: options.cleanupRetryMs ?? 1000,
      onGiveUp: (key, error) =>
        this.logger.warn({ key, reason: errorMessage(error) }, 'gave up cleaning a failed upload; remove it by hand'),
    });
  }

  /** Creates the bucket when it does not exist yet (called once at startup). */
  async ensureBucket(): Promise<void> {
    await this.call(async () => {
      if (!(await this.client.bucketExists(this.bucket)))
        await this.client.makeBucket(this.bucket, this.options.region);
    });
  }

  async put(key: string, source: Readable, options: PutOptions = {}): Promise<PutResult> {
    try {
      assertValidObjectKey(key);
      // S3 would silently replace an object: originals are immutable, so refuse (before any cleanup can touch it).
      if (await this.exists(key)) throw new DomainError(ErrorCode.Conflict, 'an object with this key already exists');
    } catch (error) {
      source.destroy();
      throw error;
    }
    const counter = new CountingPassThrough(options.size);
    source.on('error', (error) => counter.destroy(error));
    source.pipe(counter);
    // The client does not notice a failing source (pipe does not forward errors), so watch it here.
    const sourceFailed = finished(source).then(
      () => new Promise<never>(() => undefined),
      (error: unknown) => Promise.reject(error instanceof Error ? error : new Error(String(error))),
    );
    const counterFailed = finished(counter, { readable: false }).then(
      () => new Promise<never>(() => undefined),
      (error: unknown) => Promise.reject(error instanceof Error ? error : new Error(String(error))),
    );
    const metadata = options.contentType ? { 'Content-Type': options.contentType } : {};
    let uploaded: Promise<void> | undefined;
    try {
      // With no size the client always takes the multipart path, and S3 refuses to complete a
      // multipart upload without parts: an empty stream is stored as an empty object instead.
      const empty =
        options.size === undefined && !(await Promise.race([hasData(counter), sourceFailed, counterFailed]));
      const body = empty ? Buffer.alloc(0) : counter;
      uploaded = this.client.putObject(this.bucket, key, body, empty ? 0 : options.size, metadata).then(
        () => undefined,
        (error: unknown) => Promise.reject(this.storeError(error)),
      );
      await Promise.race([uploaded, sourceFailed, counterFailed]);
      if (options.size !== undefined && counter.bytes !== options.size) throw sizeMismatch(options.size, counter.bytes);
      return { key, size: counter.bytes };
    } catch (error) {
      source.unpipe(counter);
      source.destroy();
      counter.destroy();
      uploaded?.catch(() => undefined);
      await this.cleanup.schedule(key);
      throw error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    assertValidRange(range);
    if (!range) {
      assertValidObjectKey(key);
      return this.call(() => this.client.getObject(this.bucket, key));
    }
    const { size } = await this.stat(key);
    assertRangeWithin(range, size);
    if (size === 0) return Readable.from([]);
    const end = Math.min(range.end ?? size - 1, size - 1);
    return this.call(() => this.client.getPartialObject(this.bucket, key, range.start, end - range.start + 1));
  }

  async stat(key: string): Promise<ObjectStat> {
    assertValidObjectKey(key);
    const info = await this.call(() => this.client.statObject(this.bucket, key));
    return { key, size: info.size };
  }

  exists(key: string): Promise<boolean> {
    return existsByStat(() => this.stat(key));
  }

  async *list(prefix = 'objects/'): AsyncIterable<ObjectStat> {
    assertValidListPrefix(prefix);
    const stream = this.client.listObjectsV2(this.bucket, prefix, true);
    try {
      for await (const item of stream as AsyncIterable<{ name?: string; size: number; lastModified?: Date }>) {
        if (item.name) yield { key: item.name, size: item.size, modifiedAt: item.lastModified };
      }
    } catch (error) {
      throw this.storeError(error);
    }
  }

  // Interrupted multipart uploads are aborted by the bucket's lifecycle rule (README, Evidence storage).
  async *listTemporary(): AsyncIterable<TemporaryObject> {}

  async removeTemporary(): Promise<void> {
    throw objectNotFound();
  }

  async removeIncomplete(key: string): Promise<void> {
    assertValidObjectKey(key);
    await this.call(async () => {
      const { uploads } = await this.client.listIncompleteUploadsQuery(this.bucket, key, '', '', '');
      for (const upload of uploads) {
        if (upload.key === key) await this.client.abortMultipartUpload(this.bucket, key, upload.uploadId);
      }
      await this.client.removeObject(this.bucket, key);
    });
  }

  /**
   * Up only when a tiny object can be written and removed, as the filesystem store checks: a
   * bucket that exists but refuses writes (full drives, a quota, read-only credentials) is down.
   */
  async healthCheck(): Promise<void> {
    const exists = await this.call(() => this.client.bucketExists(this.bucket));
    if (!exists) throw new Error(`bucket ${this.bucket} does not exist`);
    // Outside objects/: neither listed, swept, checked for fixity nor backed up.
    const probe = `${HEALTH_PROBE_PREFIX}${randomUUID()}`;
    try {
      await this.call(() => this.client.putObject(this.bucket, probe, Buffer.from('.'), 1));
    } finally {
      // Also after a failed put: a server may have kept the object even so.
      await this.client.removeObject(this.bucket, probe).catch(() => undefined);
    }
  }

  /** Stops background cleanup retries (at shutdown). */
  close(): void {
    this.cleanup.close();
  }

  /** Keys whose cleanup after a failed upload is still pending (for tests and diagnostics). */
  pendingCleanups(): string[] {
    return this.cleanup.pending();
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw this.storeError(error);
    }
  }

  private storeError(error: unknown): unknown {
    if (error instanceof DomainError) return error;
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'NoSuchKey' || code === 'NotFound') return objectNotFound();
    // MinIO's full drives and bucket quota: the operator must free space, as with a full disk.
    if (code === 'XMinioStorageFull' || code === 'XMinioAdminBucketQuotaExceeded') return storeFull(error);
    if (isNetworkError(error) || code === 'NoSuchBucket' || code === 'SlowDown' || code === 'ServiceUnavailable') {
      return storeUnavailable(error);
    }
    // Refused credentials, a misconfigured bucket...: Sillok cannot store evidence until an operator acts.
    if (code === 'AccessDenied' || code === 'SignatureDoesNotMatch' || code === 'InvalidAccessKeyId') {
      return storeUnavailable(error);
    }
    return error;
  }
}

/** Resolves true once `stream` has a byte to read, false when it ends empty; consumes nothing. */
function hasData(stream: Readable): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (result: boolean): void => {
      stream.off('readable', check);
      stream.off('end', ended);
      resolve(result);
    };
    const ended = (): void => finish(false);
    const check = (): void => {
      const chunk = stream.read() as Buffer | null;
      if (chunk === null) return; // at the end 'end' follows; otherwise wait for more
      stream.unshift(chunk);
      finish(true);
    };
    stream.on('readable', check);
    stream.on('end', ended);
  });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
