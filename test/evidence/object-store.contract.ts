import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DomainError, ErrorCode } from '@sillok/core';
import { hashingStream, newObjectKey, type ObjectStore } from '@sillok/evidence';
import { MIB, bytesOf, eventually, generatedBytes, sha256Of } from './generated-bytes.js';

/** What a contract run needs from each adapter's test setup. */
export interface ObjectStoreHarness {
  store: ObjectStore;
  /** The store's part size: the large case sends more than two parts. */
  partSize: number;
  /** Anything a put may have left at a key besides a complete object: temp files, multipart uploads. */
  leftovers(key: string): Promise<string[]>;
  /** Takes the store away mid-operation and brings it back (only where a server can go away). */
  outage?: { stop(): Promise<void>; restart(): Promise<void> };
  close(): Promise<void>;
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The one behaviour every ObjectStore adapter must show, run against each of them. */
export function describeObjectStoreContract(
  name: string,
  makeHarness: () => Promise<ObjectStoreHarness>,
  features: { canGoAway: boolean },
): void {
  describe(`ObjectStore contract: ${name}`, () => {
    let h: ObjectStoreHarness;
    let store: ObjectStore;

    beforeAll(async () => {
      h = await makeHarness();
      store = h.store;
    });
    afterAll(async () => {
      await h?.close();
    });

    async function nothingLeftAt(key: string): Promise<void> {
      await eventually(async () => !(await store.exists(key)) && (await h.leftovers(key)).length === 0);
      expect(await h.leftovers(key)).toEqual([]);
      expect(await store.exists(key)).toBe(false);
    }

    it('round-trips a small object byte for byte, with stat and exists', async () => {
      const key = newObjectKey();
      const data = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 251));
      const result = await store.put(key, Readable.from([data]), { size: data.length, contentType: 'image/png' });
      expect(result).toEqual({ key, size: data.length });
      expect(sha256(await bytesOf(await store.get(key)))).toBe(sha256(data));
      expect(await store.stat(key)).toEqual({ key, size: data.length });
      expect(await store.exists(key)).toBe(true);
    });

    it('stores an empty object, with and without a declared size', async () => {
      for (const size of [0, undefined]) {
        const key = newObjectKey();
        expect(await store.put(key, Readable.from([]), { size })).toEqual({ key, size: 0 });
        expect((await bytesOf(await store.get(key))).length).toBe(0);
        expect(await store.stat(key)).toEqual({ key, size: 0 });
        expect((await bytesOf(await store.get(key, { start: 0 }))).length).toBe(0);
      }
    });

    it('streams an object larger than two parts, size unknown and declared, SHA-256 intact', async () => {
      const total = 2 * h.partSize + 2 * MIB + 12_345;
      for (const size of [undefined, total]) {
        const key = newObjectKey();
        const source = generatedBytes(total);
        expect(await store.put(key, source.stream, { size })).toEqual({ key, size: total });
        expect(await sha256Of(await store.get(key))).toEqual({ sha256: source.sha256(), size: total });
      }
    }, 60_000);

    it('serves byte ranges, clamping the end to the object and refusing a start past it', async () => {
      const key = newObjectKey();
      const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
      await store.put(key, Readable.from([data]), { size: data.length });
      expect(await bytesOf(await store.get(key, { start: 10, end: 19 }))).toEqual(data.subarray(10, 20));
      expect(await bytesOf(await store.get(key, { start: 990 }))).toEqual(data.subarray(990));
      expect(await bytesOf(await store.get(key, { start: 999, end: 999 }))).toEqual(data.subarray(999));
      expect(await bytesOf(await store.get(key, { start: 500, end: 5000 }))).toEqual(data.subarray(500));
      expect((await failure(store.get(key, { start: 1000 }))).code).toBe(ErrorCode.Validation);
      expect((await failure(store.get(key, { start: 20, end: 10 }))).code).toBe(ErrorCode.Validation);
      expect((await failure(store.get(key, { start: -1 }))).code).toBe(ErrorCode.Validation);
    });

    it('answers NotFound for a key that was never stored', async () => {
      const key = newObjectKey();
      expect((await failure(store.stat(key))).code).toBe(ErrorCode.NotFound);
      expect((await failure(store.get(key))).code).toBe(ErrorCode.NotFound);
      expect((await failure(store.get(key, { start: 0, end: 1 }))).code).toBe(ErrorCode.NotFound);
      expect(await store.exists(key)).toBe(false);
    });

    it('refuses any key newObjectKey() would not make, before touching the store', async () => {
      const bad = [
        '../../etc/passwd',
        'objects/2026/11/../../../etc/passwd',
        '/objects/2026/11/0b6f4c1e-3a6f-4c3e-9d4e-2f1a3b5c7d9e',
        'objects/2026/13/0b6f4c1e-3a6f-4c3e-9d4e-2f1a3b5c7d9e',
        'objects/2026/11/0B6F4C1E-3A6F-4C3E-9D4E-2F1A3B5C7D9E',
        'objects/2026/11/0b6f4c1e-3a6f-4c3e-9d4e-2f1a3b5c7d9e/x',
        'objects/2026/11/interview.mp4',
        'witness-name.jpg',
        '',
      ];
      for (const key of bad) {
        const source = Readable.from([Buffer.from('x')]);
        expect((await failure(store.put(key, source))).code).toBe(ErrorCode.Validation);
        expect(source.destroyed).toBe(true);
        expect((await failure(store.get(key))).code).toBe(ErrorCode.Validation);
        expect((await failure(store.stat(key))).code).toBe(ErrorCode.Validation);
        expect((await failure(store.removeIncomplete(key))).code).toBe(ErrorCode.Validation);
      }
      await expect(async () => {
        for await (const _ of store.list('../')) void _;
      }).rejects.toBeInstanceOf(DomainError);
    });

    it('never replaces an existing object', async () => {
      const key = newObjectKey();
      await store.put(key, Readable.from([Buffer.from('original')]));
      const error = await failure(store.put(key, Readable.from([Buffer.from('forgery!')])));
      expect(error.code).toBe(ErrorCode.Conflict);
      expect((await bytesOf(await store.get(key))).toString()).toBe('original');
    });

    it('lists stored objects by key prefix with their sizes', async () => {
      const january = [newObjectKey(new Date('2025-01-15T00:00:00Z')), newObjectKey(new Date('2025-01-31T00:00:00Z'))];
      const february = newObjectKey(new Date('2025-02-01T00:00:00Z'));
      for (const [i, key] of [...january, february].entries()) {
        await store.put(key, Readable.from([Buffer.alloc(i + 1, 1)]));
      }
      const listed = async (prefix?: string) => {
        const found = [];
        // Keys and sizes; when each was written (modifiedAt, for the sweeper) varies by run.
        for await (const { key, size } of store.list(prefix)) found.push({ key, size });
        return found;
      };
      const all = await listed();
      expect(all).toEqual(
        expect.arrayContaining([
          { key: february, size: 3 },
          { key: january[0], size: 1 },
        ]),
      );
      expect((await listed('objects/2025/01/')).map((o) => o.key).sort()).toEqual([...january].sort());
      expect(await listed('objects/2025/02/')).toEqual([{ key: february, size: 3 }]);
      expect(await listed('objects/1999/')).toEqual([]);
    });

    it('leaves nothing behind when the source fails halfway (after whole parts were sent)', async () => {
      const key = newObjectKey();
      const source = generatedBytes(Infinity, { failAfter: h.partSize + 2 * MIB });
      await expect(store.put(key, source.stream)).rejects.toThrow('the source failed halfway');
      await nothingLeftAt(key);
    }, 30_000);

    it('refuses a stream that disagrees with its declared size and keeps nothing', async () => {
      const longer = newObjectKey();
      expect((await failure(store.put(longer, Readable.from([Buffer.alloc(20)]), { size: 10 }))).code).toBe(
        ErrorCode.Validation,
      );
      await nothingLeftAt(longer);
      const shorter = newObjectKey();
      expect((await failure(store.put(shorter, Readable.from([Buffer.alloc(5)]), { size: 10 }))).code).toBe(
        ErrorCode.Validation,
      );
      await nothingLeftAt(shorter);
    });

    it('stops at the hashing limit as soon as it is crossed, and keeps nothing', async () => {
      const key = newObjectKey();
      const source = generatedBytes(Infinity);
      const hashing = hashingStream({ maxBytes: 3 * MIB });
      source.stream.on('error', (e) => hashing.destroy(e));
      hashing.on('error', () => source.stream.destroy());
      source.stream.pipe(hashing);
      const error = await failure(store.put(key, hashing));
      expect(error.code).toBe(ErrorCode.PayloadTooLarge);
      expect(source.produced()).toBeLessThan(3 * MIB + 4 * MIB); // a few chunks of buffering, not the whole stream
      await nothingLeftAt(key);
    });

    it('hashes what it stores: the digests match the bytes read back', async () => {
      const key = newObjectKey();
      const source = generatedBytes(3 * MIB + 17);
      const hashing = hashingStream({ maxBytes: 10 * MIB });
      source.stream.pipe(hashing);
      await store.put(key, hashing);
      expect(hashing.digests()).toMatchObject({ sha256: source.sha256(), size: 3 * MIB + 17 });
      expect((await sha256Of(await store.get(key))).sha256).toBe(hashing.digests().sha256);
    });

    it('removeIncomplete removes what a failed ingest left, and is harmless when nothing is there', async () => {
      const key = newObjectKey();
      await store.put(key, Readable.from([Buffer.from('ingested, but its database row never committed')]));
      await store.removeIncomplete(key);
      await nothingLeftAt(key);
      await store.removeIncomplete(newObjectKey());
    });

    it('reports healthy', async () => {
      await expect(store.healthCheck()).resolves.toBeUndefined();
    });

    if (features.canGoAway) {
      it('maps the store going away mid-upload to Unavailable and leaves nothing once it is back', async () => {
        if (!h.outage) throw new Error('the harness must provide an outage');
        const key = newObjectKey();
        const source = generatedBytes(Infinity);
        const put = store.put(key, source.stream);
        put.catch(() => undefined);
        await eventually(async () => source.produced() > 2 * h.partSize + MIB);
        await h.outage.stop();
        const error = await failure(put);
        expect(error.code).toBe(ErrorCode.Unavailable);
        expect((await failure(store.healthCheck())).code).toBe(ErrorCode.Unavailable);
        await h.outage.restart();
        await nothingLeftAt(key);
        await expect(store.healthCheck()).resolves.toBeUndefined();
      }, 60_000);
    }
  });
}
