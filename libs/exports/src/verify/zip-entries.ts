import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export interface ZipEntryDigest {
  path: string;
  size: number;
  sha256: string;
  /** The bytes of small tag files (top level of the bag), kept to parse them. */
  content?: Buffer;
  /** A directory entry: no bytes, but its name counts in the layout check. */
  directory?: boolean;
}

const KEEP_LIMIT = 1024 * 1024;

/** Every entry in the ZIP, each file with its SHA-256, read one entry at a time (never a whole payload in memory). */
export async function digestZipEntries(
  file: string,
  keep: (path: string) => boolean,
  onProgress: (bytes: number) => void = () => undefined,
): Promise<ZipEntryDigest[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true }, (error, opened) =>
      error ? reject(error) : resolve(opened),
    ),
  );
  const digests: ZipEntryDigest[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
        zip.once('entry', resolve);
        zip.once('end', () => resolve(null));
        zip.once('error', reject);
        zip.readEntry();
      });
      zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
      if (!entry) break;
      if (entry.fileName.endsWith('/')) {
        digests.push({ path: entry.fileName, size: 0, sha256: '', directory: true });
        continue;
      }
      const stream = await new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (error, opened) => (error ? reject(error) : resolve(opened))),
      );
      const hash = createHash('sha256');
      const kept: Buffer[] = [];
      const keepIt = keep(entry.fileName) && entry.uncompressedSize <= KEEP_LIMIT;
      let size = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.length;
        bytes += chunk.length;
        onProgress(bytes);
        if (keepIt) kept.push(chunk);
      }
      digests.push({
        path: entry.fileName,
        size,
        sha256: hash.digest('hex'),
        content: keepIt ? Buffer.concat(kept) : undefined,
      });
    }
  } finally {
    zip.close();
  }
  return digests;
}
