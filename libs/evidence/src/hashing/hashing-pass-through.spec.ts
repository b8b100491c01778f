import { describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError, ErrorCode } from '@sillok/core';
import type { HashJob, HashWorkers } from './hash-worker.js';
import { HASHING_IN_FLIGHT_BYTES, HashingPassThrough, hashingStream } from './hashing-pass-through.js';

async function run(chunks: Buffer[], maxBytes?: number) {
  const hashing = hashingStream({ maxBytes });
  const received: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      received.push(chunk);
      callback();
    },
  });
  await pipeline(Readable.from(chunks), hashing, sink);
  return { hashing, received: Buffer.concat(received) };
}

describe('HashingPassThrough', () => {
  it('computes SHA-256 and MD5 in one pass and passes the bytes through unchanged', async () => {
    const { hashing, received } = await run([Buffer.from('a'), Buffer.from('bc')]);
    expect(received.toString()).toBe('abc');
    expect(hashing.digests()).toEqual({
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      md5: '900150983cd24fb0d6963f7d28e17f72',
      size: 3,
    });
  });

  it('hashes an empty stream', async () => {
    const { hashing } = await run([]);
    expect(hashing.digests()).toEqual({
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      md5: 'd41d8cd98f00b204e9800998ecf8427e',
      size: 0,
    });
  });

  it('lets exactly the limit through and fails with PayloadTooLarge on the first byte beyond it', async () => {
    await expect(run([Buffer.alloc(5), Buffer.alloc(5)], 10)).resolves.toBeDefined();
    const error = await run([Buffer.alloc(5), Buffer.alloc(5), Buffer.alloc(1)], 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.PayloadTooLarge);
  });

  it('counts bytes as they pass and has no digests before the end', () => {
    const hashing = hashingStream();
    hashing.write(Buffer.alloc(7));
    expect(hashing.bytes).toBe(7);
    expect(() => hashing.digests()).toThrow(/only after the stream has ended/);
  });

  it('hashes many megabytes on the worker exactly as one thread would, and passes every byte on in order', async () => {
    const chunks = Array.from({ length: 24 }, () => randomBytes(1024 * 1024));
    const { hashing, received } = await run(chunks);
    const whole = Buffer.concat(chunks);
    expect(received.equals(whole)).toBe(true);
    expect(hashing.digests()).toEqual({
      sha256: createHash('sha256').update(whole).digest('hex'),
      md5: createHash('md5').update(whole).digest('hex'),
      size: whole.length,
    });
  });

  it('lets no more than the in-flight limit run ahead of a hashing worker that lags, and goes on as it catches up', async () => {
    const workers = new ManualWorkers();
    const hashing = new HashingPassThrough({}, workers.asHashWorkers());
    const passed: number[] = [];
    hashing.on('data', (chunk: Buffer) => passed.push(chunk.length));
    const chunk = 1024 * 1024;
    const writes = HASHING_IN_FLIGHT_BYTES / chunk + 4;
    for (let i = 0; i < writes; i++) hashing.write(Buffer.alloc(chunk));
    await new Promise((resolve) => setImmediate(resolve));
    // One chunk past the limit went through; the rest wait for the worker.
    expect(passed.length).toBe(HASHING_IN_FLIGHT_BYTES / chunk + 1);
    expect(hashing.peakBytesInFlight).toBe(HASHING_IN_FLIGHT_BYTES + chunk);
    workers.acknowledgeAll();
    await new Promise((resolve) => setImmediate(resolve));
    expect(passed.length).toBeGreaterThan(HASHING_IN_FLIGHT_BYTES / chunk + 1);
    workers.acknowledgeAll();
    await new Promise((resolve) => setImmediate(resolve));
    expect(passed.length).toBe(writes);
  });

  it('ends only when the worker has answered the digests', async () => {
    const workers = new ManualWorkers();
    const hashing = new HashingPassThrough({}, workers.asHashWorkers());
    let ended = false;
    hashing.on('end', () => (ended = true)).resume();
    hashing.end(Buffer.from('abc'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(ended).toBe(false);
    workers.job!.finished({ sha256: 'f'.repeat(64), md5: 'e'.repeat(32) });
    await new Promise((resolve) => setImmediate(resolve));
    expect(ended).toBe(true);
    expect(hashing.digests()).toEqual({ sha256: 'f'.repeat(64), md5: 'e'.repeat(32), size: 3 });
  });

  it('fails the stream when its worker fails, and frees its job when destroyed', async () => {
    const workers = new ManualWorkers();
    const hashing = new HashingPassThrough({}, workers.asHashWorkers());
    const failed = new Promise((resolve) => hashing.on('error', resolve));
    workers.job!.failed(new Error('the hashing worker stopped'));
    expect(await failed).toEqual(new Error('the hashing worker stopped'));
    expect(workers.aborted).toBe(true);
  });
});

/** A hashing worker under the test's control: it acknowledges chunks only when told. */
class ManualWorkers {
  job: HashJob | null = null;
  unacknowledged: number[] = [];
  aborted = false;

  asHashWorkers(): HashWorkers {
    return {
      open: (job: HashJob) => {
        this.job = job;
        return 1;
      },
      send: (_id: number, chunk: Buffer) => this.unacknowledged.push(chunk.length),
      end: () => undefined,
      abort: () => (this.aborted = true),
    } as unknown as HashWorkers;
  }

  acknowledgeAll(): void {
    const bytes = this.unacknowledged.splice(0);
    for (const n of bytes) this.job!.acknowledged(n);
  }
}
