import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** Thrown when stored bytes no longer match their recorded SHA-256: the export stops. */
export class StoredHashMismatch extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly observed: string,
  ) {
    super(`${path}: stored bytes hash to ${observed}, the record says ${expected}`);
  }
}

/**
 * Passes bytes through while hashing them, and fails at the end, before the last byte is
 * taken as complete, when the hash differs from the one on record: a bag whose manifest
 * would vouch for changed bytes is never finished.
 */
export class Sha256CheckStream extends Transform {
  private readonly hash = createHash('sha256');

  constructor(
    private readonly path: string,
    private readonly expected: string,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const observed = this.hash.digest('hex');
    callback(observed === this.expected ? null : new StoredHashMismatch(this.path, this.expected, observed));
  }
}
