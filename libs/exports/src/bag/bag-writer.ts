import { createHash, sign } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { KeyObject } from 'node:crypto';
import { ZipFile } from 'yazl';
import {
  BAG_INFO,
  BAGIT,
  BAGIT_TXT,
  formatBagInfo,
  formatManifest,
  MANIFEST,
  payloadOxum,
  PUBLIC_KEY,
  SIGNATURE,
  TAG_MANIFEST,
  VERIFY,
  verifyInstructions,
  type ManifestLine,
} from './bag-files.js';
import { Sha256CheckStream } from './sha256-check.stream.js';

export interface BagSigner {
  privateKey: KeyObject;
  publicKeyPem: string;
  /** SHA-256 of the public key's DER: what VERIFY.txt tells the reader to compare. */
  fingerprint: string;
}

export interface FinishedBag {
  payloadOxum: string;
  tagManifestSha256: string;
  /** Base64 of the raw Ed25519 signature of the tag manifest. */
  signature: string;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * Writes a BagIt bag into a ZIP as a stream (`output`): payload entries first, in the order
 * added, then the manifests and the signature, which are computed from what was written.
 * Entries are stored, not compressed (evidence is mostly compressed media already, and the
 * bag must stream at disk speed); yazl switches to ZIP64 where sizes or offsets need it.
 * Nothing is held whole in memory but the small generated files (JSON, CSV, PDF).
 */
export class BagWriter {
  private readonly zip = new ZipFile();
  private readonly manifest: ManifestLine[] = [];
  private readonly pending: Array<Promise<void>> = [];
  private failure: Error | undefined;
  private failed!: (error: Error) => void;
  /** Rejects with the first failure, so finish() never waits on a bag nobody reads any more. */
  private readonly failedSignal = new Promise<never>((_resolve, reject) => (this.failed = reject));
  /** The stored file streaming into the ZIP now, closed when the bag fails. */
  private current: Readable | undefined;
  private bytes = 0;
  private payloadSize = 0;
  /** The ZIP bytes; fails with the first error (a store read failing, a hash mismatch). */
  readonly output: PassThrough = new PassThrough({
    highWaterMark: 1024 * 1024,
  });

  constructor(
    private readonly root: string,
    private readonly onProgress: (bytes: number) => void = () => undefined,
  ) {
    this.zip.outputStream.on('data', (chunk: Buffer) => this.onProgress((this.bytes += chunk.length)));
    this.zip.outputStream.pipe(this.output);
    this.zip.on('error', (error: Error) => this.fail(error));
    // A failed bag reaches its maker through finish() and its consumer as a destroyed stream;
    // a consumer between reads (no listener yet) must not turn it into an uncaught error.
    this.output.on('error', () => undefined);
    this.failedSignal.catch(() => undefined);
    // The consumer (the object store) gave up: stop reading stored files and fail the bag.
    this.output.on('close', () => {
      if (!this.output.writableFinished) this.fail(new Error('the bag stopped before it was complete'));
    });
  }

  /** A generated payload file under data/. */
  addPayload(path: string, content: Buffer | string): void {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    this.manifest.push({ sha256: sha256(data), path: `data/${path}` });
    this.payloadSize += data.length;
    this.zip.addBuffer(data, `${this.root}/data/${path}`, { compress: false });
  }

  /**
   * A stored file under data/, opened only when the ZIP reaches it and checked against its
   * recorded SHA-256 while it streams through.
   */
  addStoredPayload(path: string, size: number, expectedSha256: string, open: () => Promise<Readable>): void {
    const manifestPath = `data/${path}`;
    this.manifest.push({ sha256: expectedSha256, path: manifestPath });
    this.payloadSize += size;
    let done!: () => void;
    let failed!: (error: Error) => void;
    this.pending.push(
      new Promise<void>((resolve, reject) => {
        done = resolve;
        failed = reject;
      }),
    );
    this.zip.addReadStreamLazy(`${this.root}/${manifestPath}`, { size, compress: false }, (callback) => {
      open().then(
        (source) => {
          this.current = source;
          const checked = new Sha256CheckStream(manifestPath, expectedSha256);
          source.on('error', (error) => checked.destroy(error));
          // yazl does not listen for errors of a lazily opened stream: this bag does.
          checked.on('error', (error) => this.fail(error));
          finished(checked).then(done, failed);
          callback(null, source.pipe(checked));
        },
        (error: Error) => {
          failed(error);
          callback(error, undefined as unknown as Readable);
        },
      );
    });
  }

  /**
   * Once every payload file has streamed: bag-info, manifests, the signature and the key,
   * then the ZIP's central directory. Rejects (and fails `output`) on any earlier error.
   */
  async finish(info: Array<[string, string]>, signer: BagSigner): Promise<FinishedBag> {
    try {
      await Promise.race([Promise.all(this.pending), this.failedSignal]);
    } catch (error) {
      this.fail(error as Error);
    }
    if (this.failure) throw this.failure;
    const oxum = payloadOxum(this.payloadSize, this.manifest.length);
    const tags: Array<[string, Buffer]> = [
      [BAGIT, Buffer.from(BAGIT_TXT)],
      [BAG_INFO, Buffer.from(formatBagInfo([...info, ['Payload-Oxum', oxum]]))],
      [MANIFEST, Buffer.from(formatManifest(this.manifest))],
      [VERIFY, Buffer.from(verifyInstructions(signer.fingerprint))],
      [PUBLIC_KEY, Buffer.from(signer.publicKeyPem)],
    ];
    const tagManifest = Buffer.from(formatManifest(tags.map(([path, data]) => ({ sha256: sha256(data), path }))));
    const signature = sign(null, tagManifest, signer.privateKey);
    for (const [path, data] of [...tags, [TAG_MANIFEST, tagManifest], [SIGNATURE, signature]] as Array<
      [string, Buffer]
    >) {
      this.zip.addBuffer(data, `${this.root}/${path}`, { compress: false });
    }
    this.zip.end();
    return {
      payloadOxum: oxum,
      tagManifestSha256: sha256(tagManifest),
      signature: signature.toString('base64'),
    };
  }

  /** Stops the bag: the ZIP stream fails, so whoever stores it keeps nothing. */
  fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.failed(error);
    this.current?.destroy();
    this.zip.outputStream.unpipe(this.output);
    this.output.destroy(error);
  }
}
