import { Transform, type TransformCallback } from 'node:stream';

/** Passes bytes through unchanged, keeping a copy of the first `limit` of them (for media type detection). */
export class HeadCapture extends Transform {
  private readonly chunks: Buffer[] = [];
  private kept = 0;

  constructor(private readonly limit: number) {
    super();
  }

  get head(): Buffer {
    return Buffer.concat(this.chunks);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.kept < this.limit) {
      const part = Buffer.from(chunk.subarray(0, this.limit - this.kept));
      this.chunks.push(part);
      this.kept += part.length;
    }
    callback(null, chunk);
  }
}
