import { createHash, generateKeyPairSync } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from '@jest/globals';
import { verifyBagZip } from '../verify/bag-verifier.js';
import { BagWriter } from './bag-writer.js';
import { StoredHashMismatch } from './sha256-check.stream.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const signer = {
  privateKey,
  publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  fingerprint: createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex'),
};
const WORLD_SHA256 = '486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7';
const dir = mkdtempSync(join(tmpdir(), 'sillok-bag-writer-'));

describe('BagWriter', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a bag that the offline verifier accepts, with the given public key and no warning', async () => {
    const bag = new BagWriter('bag');
    const file = join(dir, 'ok.zip');
    const written = pipeline(bag.output, createWriteStream(file));
    bag.addPayload('a.txt', 'hello');
    bag.addStoredPayload('b.bin', 5, WORLD_SHA256, async () => Readable.from([Buffer.from('world')]));
    const finished = await bag.finish([['External-Identifier', 'x']], signer);
    await written;
    expect(finished.payloadOxum).toBe('10.2');
    const report = await verifyBagZip(file, { publicKeyPem: signer.publicKeyPem });
    expect(report).toMatchObject({ ok: true, failures: [], warnings: [], payloadFiles: 2, root: 'bag' });
    expect(report.bagInfo['External-Identifier']).toBe('x');
  });

  it('fails the bag, and its stream, when stored bytes do not match their hash', async () => {
    const bag = new BagWriter('bag');
    const written = pipeline(bag.output, createWriteStream(join(dir, 'bad.zip')));
    bag.addStoredPayload('b.bin', 5, '0'.repeat(64), async () => Readable.from([Buffer.from('world')]));
    await expect(bag.finish([], signer)).rejects.toBeInstanceOf(StoredHashMismatch);
    await expect(written).rejects.toBeInstanceOf(StoredHashMismatch);
  });

  it('stops reading stored files and rejects when its consumer goes away mid-bag', async () => {
    const bag = new BagWriter('bag');
    const source = new Readable({ read() {} });
    let chunks = 0;
    bag.output.on('data', () => {
      if (++chunks === 2) bag.output.destroy();
    });
    bag.addStoredPayload('endless.bin', 1e9, '0'.repeat(64), async () => {
      setImmediate(function push() {
        if (!source.destroyed && source.push(Buffer.alloc(64 * 1024))) setImmediate(push);
      });
      return source;
    });
    await expect(bag.finish([], signer)).rejects.toThrow('the bag stopped before it was complete');
    expect(source.destroyed).toBe(true);
  });
});
