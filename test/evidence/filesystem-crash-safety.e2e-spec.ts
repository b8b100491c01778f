import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilesystemObjectStore, newObjectKey } from '@sillok/evidence';
import { ROOT } from '../support/processes.js';
import { eventually, generatedBytes, MIB } from './generated-bytes.js';
import { filesystemLeftovers, finalPath } from './filesystem-layout.js';

describe('filesystem object store: crash safety', () => {
  let root: string;
  let store: FilesystemObjectStore;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'sillok-crash-'));
    store = new FilesystemObjectStore(root);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('shows the final path only ever complete while a write is in progress (temp file, then rename)', async () => {
    const key = newObjectKey();
    const total = 8 * MIB + 3;
    const source = generatedBytes(total, { chunk: 64 * 1024 });
    const target = finalPath(root, key);
    let done = false;
    let sawTemporary = false;
    const observations: number[] = [];
    const observe = async () => {
      while (!done) {
        const size = await stat(target).then(
          (info) => info.size,
          () => -1,
        );
        observations.push(size);
        if (size >= 0) {
          // Once it is there it must be whole: same size and same bytes as the source.
          expect(size).toBe(total);
          const hash = createHash('sha256')
            .update(await readFile(target))
            .digest('hex');
          expect(hash).toBe(source.sha256());
        }
        if ((await filesystemLeftovers(root, key)).some((name) => name.endsWith('.tmp'))) sawTemporary = true;
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const observer = observe();
    try {
      await store.put(key, source.stream);
    } finally {
      done = true;
      await observer;
    }
    expect(observations.filter((size) => size === -1).length).toBeGreaterThan(10); // it watched the write
    expect(sawTemporary).toBe(true);
    expect(await filesystemLeftovers(root, key)).toEqual([]);
    expect((await stat(target)).mode & 0o777).toBe(0o440); // originals are read-only on disk
  }, 30_000);

  it('leaves no object at the key when the process is killed mid-write', async () => {
    const key = newObjectKey();
    // A separate process writes an endless stream through the built store; it is killed without warning.
    const script = `
      import { Readable } from 'node:stream';
      const { FilesystemObjectStore } = await import(${JSON.stringify(`${ROOT}dist/libs/evidence/src/index.js`)});
      const block = Buffer.alloc(256 * 1024, 7);
      const endless = new Readable({ read() { setImmediate(() => this.push(block)); } });
      await new FilesystemObjectStore(${JSON.stringify(root)}).put(${JSON.stringify(key)}, endless);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: 'ignore' });
    try {
      await eventually(async () => {
        const [, year, month, id] = key.split('/');
        const directory = join(root, year, month, id.slice(0, 2));
        const names = await readdir(directory).catch(() => [] as string[]);
        const temporary = names.find((name) => name.endsWith('.tmp'));
        return temporary !== undefined && (await stat(join(directory, temporary))).size > 4 * MIB;
      }, 20_000);
    } finally {
      child.kill('SIGKILL');
    }
    await new Promise((resolve) => child.once('exit', resolve));

    expect(existsSync(finalPath(root, key))).toBe(false);
    expect(await store.exists(key)).toBe(false);
    const listed = [];
    for await (const item of store.list()) listed.push(item.key);
    expect(listed).not.toContain(key);
    // The partial temp file is what a crash leaves; the upload path's cleanup removes it.
    expect((await filesystemLeftovers(root, key)).length).toBe(1);
    await store.removeIncomplete(key);
    expect(await filesystemLeftovers(root, key)).toEqual([]);
  }, 30_000);
});
