import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { DomainError, ErrorCode } from '@sillok/core';

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

/**
 * Passes bytes through unchanged while computing SHA-256 and MD5 in the same pass and
 * counting them. The upload path pipes request -> HashingPassThrough -> ObjectStore.put,
 * so a file is hashed exactly as it is stored and never held whole in memory.
 */
export class HashingPassThrough extends Transform {
  private readonly sha256 = createHash('sha256');
  private readonly md5 = createHash('md5');
  private count = 0;
  private result?: Digests;

  constructor(private readonly options: HashingOptions = {}) {
    super();
  }

  /** Bytes seen so far. */
  get bytes(): number {
    return this.count;
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
    this.sha256.update(chunk);
    this.md5.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.result = { sha256: hex(this.sha256), md5: hex(this.md5), size: this.count };
    callback();
  }
}

function hex(hash: Hash): string {
  return hash.digest('hex');
}

export function hashingStream(options: HashingOptions = {}): HashingPassThrough {
  return new HashingPassThrough(options);
}
