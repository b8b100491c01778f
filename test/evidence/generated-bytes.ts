import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

export const MIB = 1024 * 1024;

export interface Generated {
  stream: Readable;
  /** SHA-256 (hex) of every byte the stream has produced so far: final once it has ended. */
  sha256(): string;
  /** Bytes handed out so far (how far a consumer read). */
  produced(): number;
}

/**
 * `total` pseudo-random bytes in 1 MiB chunks, hashed as they are produced. `failAfter`
 * makes the stream error once that many bytes were produced; `total: Infinity` never ends
 * (for tests that stop the store or cross a limit).
 */
export function generatedBytes(total: number, options: { failAfter?: number; chunk?: number } = {}): Generated {
  const hash = createHash('sha256');
  const chunkSize = options.chunk ?? MIB;
  const block = randomBytes(chunkSize);
  let produced = 0;
  let digest: string | undefined;
  const stream = new Readable({
    highWaterMark: chunkSize,
    read() {
      if (options.failAfter !== undefined && produced >= options.failAfter) {
        this.destroy(new Error('the source failed halfway'));
        return;
      }
      if (produced >= total) {
        this.push(null);
        return;
      }
      const size = Math.min(chunkSize, total - produced);
      // Vary each chunk cheaply so parts differ (a stuck or repeated part changes the hash).
      const chunk = Buffer.from(block.subarray(0, size));
      if (size >= 4) chunk.writeUInt32BE((produced / chunkSize) >>> 0, 0);
      produced += size;
      hash.update(chunk);
      setImmediate(() => this.push(chunk));
    },
  });
  return {
    stream,
    produced: () => produced,
    sha256: () => (digest ??= hash.digest('hex')),
  };
}

export async function sha256Of(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

export async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Polls until `check` returns true (or throws the last failure after `timeoutMs`). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
