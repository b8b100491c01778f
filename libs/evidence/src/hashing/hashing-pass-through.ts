import { Transform, type TransformCallback } from 'node:stream';
import { DomainError, ErrorCode } from '@sillok/core';
import { hashWorkers, type HashWorkers } from './hash-worker.js';

export interface HashingOptions {
  /** Largest number of bytes let through; one more fails the stream with PayloadTooLarge at once. */
  maxBytes?: number;
}

export interface Digests {
  /** Lowercase hex. */
  sha256: string;
  /** Lowercase hex; legal review tools still ask for it. Never used for integrity decisions. */
  md5: string;
  size: number;
}

/** Bytes handed to the hashing worker and not yet hashed, past which the stream waits for it. */
export const HASHING_IN_FLIGHT_BYTES = 8 * 1024 * 1024;

/**
 * Passes bytes through unchanged while SHA-256 and MD5 are computed of the same bytes, in order,
 * on a hashing worker thread (hash-worker.ts), and counts them. The upload path pipes
 * request -> HashingPassThrough -> ObjectStore.put, so a file is hashed exactly as it is stored and
 * never held whole in memory: the stream lets at most HASHING_IN_FLIGHT_BYTES run ahead of the
 * hashing, and ends only once the digests are known.
 */
export class HashingPassThrough extends Transform {
  private count = 0;
  private inFlight = 0;
  private mostInFlight = 0;
  private waiting: TransformCallback | null = null;
  private ending: TransformCallback | null = null;
  private result?: Digests;
  private readonly job: number;

  constructor(
    private readonly options: HashingOptions = {},
    private readonly workers: HashWorkers = hashWorkers,
  ) {
    super();
    this.job = workers.open({
      acknowledged: (bytes) => {
        this.inFlight -= bytes;
        if (this.waiting && this.inFlight <= HASHING_IN_FLIGHT_BYTES) this.continueAfterHashing(this.waiting);
      },
      finished: ({ sha256, md5 }) => {
        this.result = { sha256, md5, size: this.count };
        const ending = this.ending;
        this.ending = null;
        ending?.();
      },
      failed: (error) => this.destroy(error),
    });
  }

  /** Bytes seen so far. */
  get bytes(): number {
    return this.count;
  }

  /** The most bytes that were ever waiting for the hashing worker at once. */
  get peakBytesInFlight(): number {
    return this.mostInFlight;
  }

  /** The digests; only once every byte has passed (after 'end'/'finish'). */
  digests(): Digests {
    if (!this.result) throw new Error('digests are known only after the stream has ended');
    return this.result;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const { maxBytes } = this.options;
    if (maxBytes !== undefined && this.count + chunk.length > maxBytes) {
      callback(new DomainError(ErrorCode.PayloadTooLarge, `the file is larger than ${maxBytes} bytes`, { maxBytes }));
      return;
    }
    this.count += chunk.length;
    this.inFlight += chunk.length;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    this.workers.send(this.job, chunk);
    this.push(chunk);
    // The bytes go on to the store at once; the next chunk waits only while the hashing lags far behind.
    if (this.inFlight <= HASHING_IN_FLIGHT_BYTES) callback();
    else this.waiting = callback;
  }

  override _flush(callback: TransformCallback): void {
    this.ending = callback;
    this.workers.end(this.job);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.workers.abort(this.job);
    callback(error);
  }

  private continueAfterHashing(callback: TransformCallback): void {
    this.waiting = null;
    callback();
  }
}

export function hashingStream(options: HashingOptions = {}): HashingPassThrough {
  return new HashingPassThrough(options);
}
