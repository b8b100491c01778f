import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { FilesystemObjectStore, newObjectKey } from '@sillok/evidence';
import { ROOT } from '../support/processes.js';
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
    const target = finalPath(root, key);
    const chunks = Array.from({ length: 32 }, (_, i) => Buffer.alloc(256 * 1024 + i, i));
    const whole = Buffer.concat(chunks);
    let looks = 0;
    // The source hands out one chunk each time the store asks for more, and looks at the disk in
    // between: the write is then in progress by construction (the source has not ended), however fast
    // or slow the machine, so no count of polls decides the test.
    async function* source(): AsyncGenerator<Buffer> {
      for (const [i, chunk] of chunks.entries()) {
        yield chunk;
        expect(existsSync(target)).toBe(false);
        looks += 1;
        // Half-way, wait for the bytes so far to show up in the temporary file (they must: the
        // source holds the rest back), then check that the final path is still absent.
        if (i === chunks.length / 2) {
          await waitForTemporary(
            key,
            chunks.slice(0, i).reduce((n, c) => n + c.length, 0),
          );
          expect(existsSync(target)).toBe(false);
        }
      }
    }
    await store.put(key, Readable.from(source(), { objectMode: false, highWaterMark: 1 }));
    expect(looks).toBe(chunks.length);
    // Compared by digest: toEqual walks an 8 MiB buffer byte by byte (minutes).
    expect(sha256(await readFile(target))).toBe(sha256(whole));
    expect(await filesystemLeftovers(root, key)).toEqual([]);
    expect((await stat(target)).mode & 0o777).toBe(0o440); // originals are read-only on disk
  });

  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  /** Resolves once the key's temporary file holds at least `bytes` (event-loop turns, no clock). */
  async function waitForTemporary(key: string, bytes: number): Promise<void> {
    for (;;) {
      const temporary = (await filesystemLeftovers(root, key)).find((name) => name.endsWith('.tmp'));
      const dir = dirname(finalPath(root, key));
      if (temporary && (await stat(join(dir, temporary))).size >= bytes) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it('leaves no object at the key when the process is killed mid-write', async () => {
    const key = newObjectKey();
    // A separate process writes an endless stream through the built store; it is killed without warning
    // once it says the store has taken 8 MiB (the write is then well under way: no clock decides when).
    const script = `
      import { Readable } from 'node:stream';
      const { FilesystemObjectStore } = await import(${JSON.stringify(`${ROOT}dist/libs/evidence/src/index.js`)});
      const block = Buffer.alloc(256 * 1024, 7);
      let produced = 0;
      const endless = new Readable({
        read() {
          setImmediate(() => {
            produced += block.length;
            if (produced === 8 * 1024 * 1024) process.stdout.write('writing\\n');
            this.push(block);
          });
        },
      });
      await new FilesystemObjectStore(${JSON.stringify(root)}).put(${JSON.stringify(key)}, endless);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      await new Promise((resolve, reject) => {
        child.stdout.once('data', resolve);
        child.once('exit', (code) => reject(new Error(`the writer ended (${code}) before it wrote`)));
      });
      expect((await filesystemLeftovers(root, key)).some((name) => name.endsWith('.tmp'))).toBe(true);
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
