import type { Readable } from 'node:stream';

/** Injection token of the configured ObjectStore. */
export const OBJECT_STORE = Symbol('ObjectStore');

export interface PutOptions {
  /** Exact byte count when known (e.g. Content-Length); the write fails if the stream disagrees. */
  size?: number;
  contentType?: string;
}

export interface PutResult {
  key: string;
  /** Bytes actually written. */
  size: number;
}

/** Inclusive byte positions, as in an HTTP Range header (`bytes=start-end`). */
export interface ByteRange {
  start: number;
  /** Inclusive; omitted means to the end of the object. */
  end?: number;
}

export interface ObjectStat {
  key: string;
  size: number;
  /** When the object was written; given by list() (the sweeper's grace period). */
  modifiedAt?: Date;
}

/** A partial write left by an interrupted upload or export (a killed process). */
export interface TemporaryObject {
  /** The store's own name for it (a file name under the root). */
  name: string;
  /** The object it was becoming. */
  key: string;
  size: number;
  modifiedAt: Date;
}

/**
 * Where evidence bytes live. Keys come from newObjectKey() (never from user input) and
 * every adapter refuses any other shape.
 *
 * There is deliberately no `remove`: originals are immutable and no route may delete or
 * overwrite one. The only removal is removeIncomplete(), for the upload path to clean up
 * an ingest that failed before its database row was committed.
 *
 * Failures are DomainErrors: NotFound (missing key), Validation (bad key or range, size
 * mismatch), Unavailable (the store cannot be reached: the upload path answers 503).
 */
export interface ObjectStore {
  /**
   * Streams `source` into a new object at `key`. The object appears only once complete;
   * on any failure nothing is left behind and `source` is destroyed (as stream.pipeline does).
   */
  put(key: string, source: Readable, options?: PutOptions): Promise<PutResult>;
  /** The object's bytes, or only the given range of them. */
  get(key: string, range?: ByteRange): Promise<Readable>;
  stat(key: string): Promise<ObjectStat>;
  exists(key: string): Promise<boolean>;
  /** Every stored object whose key starts with `prefix` (fixity checks walk this). */
  list(prefix?: string): AsyncIterable<ObjectStat>;
  /**
   * Removes what a failed ingest may have left at `key` (partial data, an incomplete
   * multipart upload, or a complete object whose database row never committed).
   * Only the upload path calls this, and only for a key it created in the same request.
   */
  removeIncomplete(key: string): Promise<void>;
  /**
   * Partial writes left behind by a process that died mid-upload. Only the filesystem store
   * has them; on S3 an interrupted multipart upload is the bucket's lifecycle rule's to abort.
   */
  listTemporary(): AsyncIterable<TemporaryObject>;
  /** Removes one partial write listed by listTemporary() (the sweeper only). */
  removeTemporary(name: string): Promise<void>;
  /** Throws when the store cannot be reached or used. */
  healthCheck(): Promise<void>;
}
