import { describe, expect, it } from '@jest/globals';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError, ErrorCode } from '@sillok/core';
import { hashingStream } from './hashing-pass-through.js';

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
});
