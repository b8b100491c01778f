import { randomUUID } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { access, link, mkdir, open, opendir, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { DomainError, ErrorCode } from '@sillok/core';
import { OBJECT_UUID_PATTERN, assertValidListPrefix, assertValidObjectKey, isValidObjectKey } from './object-key.js';
import {
  assertRangeWithin,
  assertValidRange,
  existsByStat,
  objectNotFound,
  sizeMismatch,
  storeFull,
  storeUnavailable,
} from './object-store.errors.js';
import type {
  ByteRange,
  ObjectStat,
  ObjectStore,
  PutOptions,
  PutResult,
  TemporaryObject,
} from './object-store.port.js';

const TEMPORARY_SUFFIX = '.tmp';
// `.<object uuid>.<random uuid>.tmp`, as put() names its partial writes.
const TEMPORARY_FILE = /^\.([0-9a-f-]{36})\.[0-9a-f-]{36}\.tmp$/;

/**
 * The file calls that write (put() and the health probe). A seam at the filesystem layer:
 * the fault tests swap `open` for one whose handles fail with ENOSPC, as a full disk does.
 */
export interface FileLayer {
  open(path: string, flags: string, mode: number): Promise<FileHandle>;
}

/**
 * Objects as files under one root (SILLOK_DATA_DIR/objects): the embedded default.
 *
 * Key `objects/2026/11/<uuid>` lives at `<root>/2026/11/<first two hex of uuid>/<uuid>`, so
 * no directory grows past a few thousand entries. A write goes to a hidden temporary file
 * beside its final place, is fsynced, linked to the final name (which fails rather than
 * overwrite: originals are immutable) and the directory is fsynced: the final path only
 * ever shows a complete object, even across a crash or power loss.
 */
export class FilesystemObjectStore implements ObjectStore {
  readonly root: string;

  constructor(
    root: string,
    readonly files: FileLayer = { open },
  ) {
    this.root = resolve(root);
  }

  async put(key: string, source: Readable, options: PutOptions = {}): Promise<PutResult> {
    let temporary: string | undefined;
    let handle: FileHandle | undefined;
    try {
      assertValidObjectKey(key);
      const target = this.pathOf(key);
      await this.makeDirectories(dirname(target));
      temporary = join(dirname(target), `.${basenameOf(key)}.${randomUUID()}${TEMPORARY_SUFFIX}`);
      handle = await this.files.open(temporary, 'wx', 0o600);
      let written = 0;
      for await (const chunk of source as AsyncIterable<Buffer>) {
        written += chunk.length;
        if (options.size !== undefined && written > options.size) throw sizeMismatch(options.size, written);
        await writeAll(handle, chunk);
      }
      if (options.size !== undefined && written !== options.size) throw sizeMismatch(options.size, written);
      await handle.chmod(0o440);
      await handle.sync();
      await handle.close();
      handle = undefined;
      await publish(temporary, target);
      temporary = undefined;
      await syncDirectory(dirname(target));
      return { key, size: written };
    } catch (error) {
      source.destroy();
      await handle?.close().catch(() => undefined);
      if (temporary) await unlink(temporary).catch(() => undefined);
      throw asStoreError(error);
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    assertValidRange(range);
    const { size } = await this.stat(key);
    assertRangeWithin(range, size);
    if (size === 0) return Readable.from([]);
    const stream = createReadStream(this.pathOf(key), {
      start: range?.start,
      end: range ? Math.min(range.end ?? size - 1, size - 1) : undefined,
      highWaterMark: 1024 * 1024,
    });
    return stream;
  }

  async stat(key: string): Promise<ObjectStat> {
    assertValidObjectKey(key);
    try {
      const info = await stat(this.pathOf(key));
      if (!info.isFile()) throw objectNotFound();
      return { key, size: info.size };
    } catch (error) {
      if (isMissing(error)) throw objectNotFound();
      throw asStoreError(error);
    }
  }

  exists(key: string): Promise<boolean> {
    return existsByStat(() => this.stat(key));
  }

  async *list(prefix = 'objects/'): AsyncIterable<ObjectStat> {
    assertValidListPrefix(prefix);
    for (const year of await sortedEntries(this.root, /^\d{4}$/)) {
      for (const month of await sortedEntries(join(this.root, year), /^(0[1-9]|1[0-2])$/)) {
        const monthPrefix = `objects/${year}/${month}/`;
        if (!monthPrefix.startsWith(prefix) && !prefix.startsWith(monthPrefix)) continue;
        for (const shard of await sortedEntries(join(this.root, year, month), /^[0-9a-f]{2}$/)) {
          for (const name of await sortedEntries(join(this.root, year, month, shard), OBJECT_UUID_PATTERN)) {
            const key = `${monthPrefix}${name}`;
            if (!key.startsWith(prefix)) continue;
            const info = await stat(join(this.root, year, month, shard, name)).catch(() => undefined);
            if (info?.isFile()) yield { key, size: info.size, modifiedAt: info.mtime };
          }
        }
      }
    }
  }

  async *listTemporary(): AsyncIterable<TemporaryObject> {
    for (const year of await sortedEntries(this.root, /^\d{4}$/)) {
      for (const month of await sortedEntries(join(this.root, year), /^(0[1-9]|1[0-2])$/)) {
        for (const shard of await sortedEntries(join(this.root, year, month), /^[0-9a-f]{2}$/)) {
          for (const name of await sortedEntries(join(this.root, year, month, shard), TEMPORARY_FILE)) {
            const info = await stat(join(this.root, year, month, shard, name)).catch(() => undefined);
            if (!info?.isFile()) continue;
            const key = `objects/${year}/${month}/${TEMPORARY_FILE.exec(name)![1]}`;
            yield { name: `${year}/${month}/${shard}/${name}`, key, size: info.size, modifiedAt: info.mtime };
          }
        }
      }
    }
  }

  async removeTemporary(name: string): Promise<void> {
    const [year, month, shard, file] = name.split('/');
    const path = resolve(this.root, year ?? '', month ?? '', shard ?? '', file ?? '');
    const valid =
      /^\d{4}$/.test(year) &&
      /^(0[1-9]|1[0-2])$/.test(month) &&
      /^[0-9a-f]{2}$/.test(shard) &&
      TEMPORARY_FILE.test(file);
    if (!valid || !path.startsWith(this.root + sep)) throw objectNotFound();
    await unlink(path).catch(ignoreMissing);
  }

  async removeIncomplete(key: string): Promise<void> {
    assertValidObjectKey(key);
    const target = this.pathOf(key);
    const directory = dirname(target);
    const leftovers = (await readdir(directory).catch(() => [] as string[])).filter(
      (name) => name.startsWith(`.${basenameOf(key)}.`) && name.endsWith(TEMPORARY_SUFFIX),
    );
    for (const name of leftovers) await unlink(join(directory, name)).catch(ignoreMissing);
    await unlink(target).catch(ignoreMissing);
    await syncDirectory(directory).catch(ignoreMissing);
  }

  /** Creates the root; fails when it cannot be read or written (at start: a wrong SILLOK_DATA_DIR). */
  async ensureRoot(): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    await access(this.root, constants.R_OK | constants.W_OK);
  }

  /**
   * Up only when a byte can be written: a full disk or a read-only mount is down. (A full
   * disk does not stop the server from starting: reads still work, and /health says why.)
   */
  async healthCheck(): Promise<void> {
    const probe = join(this.root, `.writable-probe.${randomUUID()}`);
    let handle: FileHandle | undefined;
    try {
      await this.ensureRoot();
      // Outside the year directories: neither listed, swept nor backed up.
      handle = await this.files.open(probe, 'wx', 0o600);
      await writeAll(handle, Buffer.from('.'));
    } catch (error) {
      throw asStoreError(error);
    } finally {
      await handle?.close().catch(() => undefined);
      if (handle) await unlink(probe).catch(() => undefined);
    }
  }

  /** The file of a key; only ever called with a validated key, and checked to stay under the root. */
  private pathOf(key: string): string {
    if (!isValidObjectKey(key)) throw objectNotFound();
    const [, year, month, id] = key.split('/');
    const path = resolve(this.root, year, month, id.slice(0, 2), id);
    if (!path.startsWith(this.root + sep)) throw objectNotFound();
    return path;
  }

  /** Creates missing directories and fsyncs each parent whose entries changed. */
  private async makeDirectories(directory: string): Promise<void> {
    const firstCreated = await mkdir(directory, { recursive: true, mode: 0o700 });
    if (!firstCreated) return;
    for (let current = directory; ; current = dirname(current)) {
      await syncDirectory(dirname(current));
      if (current === firstCreated || current === dirname(current)) break;
    }
  }
}

function basenameOf(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

async function writeAll(handle: FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

/** Moves the temporary file to its final name without ever replacing an existing object. */
async function publish(temporary: string, target: string): Promise<void> {
  try {
    await link(temporary, target);
    await unlink(temporary);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new DomainError(ErrorCode.Conflict, 'an object with this key already exists');
    // Filesystems without hard links: rename is still atomic; the key is a fresh random UUID.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP') return rename(temporary, target);
    throw error;
  }
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function sortedEntries(directory: string, pattern: RegExp): Promise<string[]> {
  try {
    const names: string[] = [];
    for await (const entry of await opendir(directory)) if (pattern.test(entry.name)) names.push(entry.name);
    return names.sort();
  } catch (error) {
    if (isMissing(error)) return [];
    throw asStoreError(error);
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function ignoreMissing(error: unknown): void {
  if (!isMissing(error)) throw error;
}

/** Domain errors and source-stream errors pass through; disk failures (full, read-only, I/O) make the store unavailable. */
function asStoreError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return storeFull(error);
  if (typeof code === 'string' && /^E(ROFS|IO|ACCES|PERM|MFILE|NFILE)$/.test(code)) {
    return storeUnavailable(error);
  }
  return error;
}
