import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

const BLOCK = 64 * 1024;

/**
 * Pseudo-random bytes that can be produced as a stream and recomputed at any offset, so a check can compare a
 * ranged read with what was written without keeping the object in memory. Each 64 KiB block is one random block
 * with its index written into its first four bytes (a repeated or misplaced block changes the bytes).
 */
export class ScratchBytes {
  private readonly block = randomBytes(BLOCK);

  constructor(readonly size: number) {}

  /** The bytes from `start` to `end` inclusive. */
  slice(start: number, end: number): Buffer {
    const parts: Buffer[] = [];
    for (let position = start; position <= end;) {
      const index = Math.floor(position / BLOCK);
      const block = this.blockAt(index);
      const from = position - index * BLOCK;
      const to = Math.min(BLOCK, end - index * BLOCK + 1);
      parts.push(block.subarray(from, to));
      position += to - from;
    }
    return Buffer.concat(parts);
  }

  sha256(): string {
    const hash = createHash('sha256');
    for (let index = 0; index * BLOCK < this.size; index++) hash.update(this.blockAt(index));
    return hash.digest('hex');
  }

  /** The bytes as a stream; with `failAfter`, the stream errors once that many bytes were produced. */
  stream(failAfter?: number): Readable {
    const blockAt = (index: number): Buffer => this.blockAt(index);
    const total = this.size;
    let index = 0;
    return new Readable({
      highWaterMark: BLOCK,
      read() {
        const produced = index * BLOCK;
        if (failAfter !== undefined && produced >= failAfter)
          this.destroy(new Error('the scratch source failed on purpose'));
        else if (produced >= total) this.push(null);
        else this.push(blockAt(index++));
      },
    });
  }

  private blockAt(index: number): Buffer {
    const length = Math.min(BLOCK, this.size - index * BLOCK);
    const block = Buffer.from(this.block.subarray(0, length));
    if (length >= 4) block.writeUInt32BE(index >>> 0, 0);
    return block;
  }
}
