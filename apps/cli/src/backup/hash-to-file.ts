import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BackedUpFile } from './backup-manifest.js';

/** SHA-256 and byte count of whatever passes through, computed as it streams. */
export function digestingStream(): { stream: Transform; digest: () => BackedUpFile } {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  return { stream, digest: () => ({ sha256: hash.digest('hex'), size }) };
}

/** Streams `source` into a new file (never over an existing one), hashing it on the way. */
export async function writeHashed(source: Readable, file: string): Promise<BackedUpFile> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const digesting = digestingStream();
  await pipeline(source, digesting.stream, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  return digesting.digest();
}
