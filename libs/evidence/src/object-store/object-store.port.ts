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
  /** Throws when the store cannot be reached or used. */
  healthCheck(): Promise<void>;
}
