import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DomainError, ErrorCode } from '@sillok/core';
import type { ObjectStore } from '../object-store/object-store.port.js';
import { ScratchBytes } from './scratch-bytes.js';
import type { VersioningStatus } from './s3-storage-probe.js';

/**
 * Scratch objects live under year 0000, which newObjectKey() never makes, so they can never be taken for
 * evidence; each run adds its own 8 hex digits, so its keys share one list prefix.
 */
export const STORAGE_CHECK_PREFIX = 'objects/0000/01/';

export interface StorageCheckTarget {
  /** What the check runs against: the adapter the settings choose. */
  store: ObjectStore;
  /** `filesystem` or `s3`, for the report. */
  kind: string;
  /** Size of a multipart part: the multipart object spans two parts, the ranged read their boundary. */
  partSize: number;
  /** S3 only: reads behind the port (incomplete uploads, versioning). */
  probe?: {
    incompleteUploads(prefix: string): Promise<string[]>;
    versioningStatus(): Promise<VersioningStatus>;
  };
}

export type CheckStatus = 'OK' | 'FAIL' | 'WARN' | 'SKIP';

export interface CheckResult {
  operation: string;
  status: CheckStatus;
  detail: string;
  /** A failure of a required operation: Sillok cannot work on this store. */
  required: boolean;
}

export interface StorageCheckOptions {
  /** Called as each operation finishes (the CLI prints it at once). */
  onResult?: (result: CheckResult) => void;
  /** Longest any one operation may take. */
  stepTimeoutMs?: number;
}

export interface StorageCheckReport {
  results: CheckResult[];
  /** True when every required operation passed. */
  ok: boolean;
}

class StepFailure extends Error {}
class StepWarning extends Error {}
/** The operation does not apply to this kind of store. */
class StepSkip extends Error {}

/**
 * Exercises, against the configured store and under a scratch prefix, every operation Sillok uses (README,
 * "Object storage: what Sillok needs and what works"), then removes its scratch objects. A required operation that
 * fails makes the report not ok; an optional one (versioning) only warns. An operation whose input a failed one
 * should have made is skipped rather than failed twice.
 */
export async function runStorageCheck(
  target: StorageCheckTarget,
  options: StorageCheckOptions = {},
): Promise<StorageCheckReport> {
  const { store, probe } = target;
  const timeoutMs = options.stepTimeoutMs ?? 120_000;
  const run = randomBytes(4).toString('hex');
  const prefix = `${STORAGE_CHECK_PREFIX}${run}-`;
  const scratchKey = (): string => `${prefix}${randomUUID().slice(9)}`;
  const created = new Set<string>();
  const results: CheckResult[] = [];
  const passed = new Set<string>();

  const step = async (
    operation: string,
    needs: string[],
    work: () => Promise<string>,
    required = true,
  ): Promise<void> => {
    const missing = needs.find((name) => !passed.has(name));
    const result: CheckResult = missing
      ? { operation, status: 'SKIP', detail: `needs "${missing}"`, required: false }
      : await withTimeout(work(), timeoutMs, operation).then(
          (detail): CheckResult => ({ operation, status: 'OK', detail, required }),
          (error: unknown) => failedResult(operation, error, required),
        );
    if (result.status === 'OK') passed.add(operation);
    results.push(result);
    options.onResult?.(result);
  };

  const small = randomBytes(1024);
  const smallKey = scratchKey();
  const large = new ScratchBytes(target.partSize + 64 * 1024 + 17);
  const largeKey = scratchKey();

  await step('reach the store', [], async () => {
    await store.healthCheck();
    return target.kind === 's3' ? 'the bucket answers' : 'the directory is writable';
  });
  await step('put a small object', ['reach the store'], async () => {
    created.add(smallKey);
    const { size } = await store.put(smallKey, streamOf(small), {
      size: small.length,
      contentType: 'application/octet-stream',
    });
    expectEqual(size, small.length, 'bytes written');
    return `${small.length} bytes, size given`;
  });
  await step('put a multipart object', ['reach the store'], async () => {
    created.add(largeKey);
    // No size: the S3 adapter then always takes the multipart path, as for an upload of unknown length.
    const { size } = await store.put(largeKey, large.stream());
    expectEqual(size, large.size, 'bytes written');
    return `${large.size} bytes in parts of ${target.partSize}, size not given`;
  });
  await step('stat', ['put a small object', 'put a multipart object'], async () => {
    expectEqual((await store.stat(smallKey)).size, small.length, 'size of the small object');
    expectEqual((await store.stat(largeKey)).size, large.size, 'size of the multipart object');
    if (await store.exists(scratchKey())) throw new StepFailure('a key never written is reported as existing');
    return 'sizes match; a missing key is missing';
  });
  await step('get whole', ['put a small object', 'put a multipart object'], async () => {
    expectEqual(await sha256Of(await store.get(smallKey)), sha256(small), 'SHA-256 of the small object');
    expectEqual(await sha256Of(await store.get(largeKey)), large.sha256(), 'SHA-256 of the multipart object');
    return 'both read back byte for byte';
  });
  await step('ranged get', ['put a multipart object'], async () => {
    // Across the boundary of the first two parts, as a resumed download would ask.
    const start = target.partSize - 1000;
    const end = target.partSize + 999;
    const bytes = await bytesOf(await store.get(largeKey, { start, end }));
    if (!bytes.equals(large.slice(start, end)))
      throw new StepFailure(`bytes ${start}-${end} differ from those written`);
    const tail = await bytesOf(await store.get(largeKey, { start: large.size - 10 }));
    if (!tail.equals(large.slice(large.size - 10, large.size - 1)))
      throw new StepFailure('an open-ended range differs');
    return `bytes ${start}-${end} and the last 10 match`;
  });
  await step('list', ['put a small object', 'put a multipart object'], async () => {
    const listed = new Map<string, number>();
    for await (const item of store.list(prefix)) listed.set(item.key, item.size);
    const expected = new Map([
      [smallKey, small.length],
      [largeKey, large.size],
    ]);
    if (listed.size !== 2 || [...expected].some(([key, size]) => listed.get(key) !== size)) {
      throw new StepFailure(
        `listing ${prefix} gave ${listed.size} object(s), expected the 2 scratch objects with their sizes`,
      );
    }
    return `${prefix}… lists the 2 scratch objects`;
  });
  await step('abort an incomplete multipart upload', ['reach the store'], async () => {
    const key = scratchKey();
    created.add(key);
    // The source fails after more than one part: the adapter must abort the upload and leave nothing behind.
    const failing = new ScratchBytes(target.partSize * 3);
    const outcome = await store.put(key, failing.stream(target.partSize + 128 * 1024)).then(
      () => 'stored',
      (error: unknown) => error,
    );
    if (outcome === 'stored') throw new StepFailure('a put whose source failed was stored');
    if (await store.exists(key)) throw new StepFailure('a failed put left an object behind');
    if (probe) {
      const leftover = await eventually(async () => (await probe.incompleteUploads(key)).length === 0, 10_000);
      if (!leftover) throw new StepFailure('a failed put left an incomplete multipart upload (AbortMultipartUpload)');
      return 'the failed upload was aborted: no object, no incomplete upload';
    }
    return 'the failed upload left no object';
  });
  await step('refuse to overwrite', ['put a small object'], async () => {
    const replacement = randomBytes(small.length);
    const outcome = await store.put(smallKey, streamOf(replacement), { size: replacement.length }).then(
      () => undefined,
      (error: unknown) => error,
    );
    const intact = sha256Of(await store.get(smallKey)).then((hash) => hash === sha256(small));
    if (outcome === undefined) {
      throw new StepFailure(`a second put to an existing key succeeded${(await intact) ? '' : ' and replaced it'}`);
    }
    if (!(outcome instanceof DomainError) || outcome.code !== ErrorCode.Conflict) throw outcome;
    if (!(await intact)) throw new StepFailure('the refused put still changed the object');
    return 'a second put to the same key is refused; the object is unchanged';
  });
  await step(
    'versioning status',
    ['reach the store'],
    async () => {
      if (!probe) throw new StepSkip('not applicable to the filesystem adapter (objects are written once, read-only)');
      let status: VersioningStatus;
      try {
        status = await probe.versioningStatus();
      } catch (error) {
        throw new StepWarning(`not supported by this server (${describe(error)}); optional`);
      }
      if (status !== 'enabled') {
        throw new StepWarning(`${status}: a deleted or overwritten object could not be recovered; optional`);
      }
      return 'enabled';
    },
    false,
  );
  await step('remove the scratch objects', ['reach the store'], async () => {
    for (const key of created) await store.removeIncomplete(key);
    const left: string[] = [];
    for await (const item of store.list(prefix)) left.push(item.key);
    if (left.length) throw new StepFailure(`${left.length} scratch object(s) remain under ${prefix}`);
    return `${created.size} scratch key(s) under ${prefix} removed`;
  });

  return { results, ok: results.every((result) => !(result.required && result.status === 'FAIL')) };
}

/** SKIP for what does not apply, WARN for an optional operation, FAIL for a required one. */
function failedResult(operation: string, error: unknown, required: boolean): CheckResult {
  if (error instanceof StepSkip) return { operation, status: 'SKIP', detail: error.message, required: false };
  const warning = error instanceof StepWarning || !required;
  return { operation, status: warning ? 'WARN' : 'FAIL', detail: describe(error), required: !warning };
}

function streamOf(bytes: Buffer): Readable {
  return Readable.from([bytes]);
}

function expectEqual<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new StepFailure(`${what}: expected ${String(expected)}, got ${String(actual)}`);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Polls `condition` until it holds or `withinMs` passes (an abort can race a part upload still in flight). */
async function eventually(condition: () => Promise<boolean>, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number, operation: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepFailure(`${operation} took longer than ${timeoutMs / 1000} s`)), timeoutMs);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * One line about a failure: the domain error, and the store's own code and message behind it (S3 error codes and
 * messages name the operation and resource, never the credentials).
 */
function describe(error: unknown): string {
  if (error instanceof StepFailure || error instanceof StepWarning || error instanceof StepSkip) return error.message;
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 3; current = (current as Error).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    const message = current instanceof Error ? current.message : String(current);
    parts.push(typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message);
  }
  return parts.join(': ') || 'failed';
}
