import { Transform, type TransformCallback } from 'node:stream';
import { sizeMismatch } from './object-store.errors.js';

/** Counts bytes on their way to a store and fails at once when a declared size is exceeded. */
export class CountingPassThrough extends Transform {
  bytes = 0;

  constructor(private readonly declared?: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.declared !== undefined && this.bytes > this.declared) {
      callback(sizeMismatch(this.declared, this.bytes));
      return;
    }
    callback(null, chunk);
  }
}
