import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from '@jest/globals';
import { decryptBag, encryptBag, newBagKey } from './bag-encryption.js';

const bytes = async (stream: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

describe('bag encryption', () => {
  const plain = Buffer.from('PK\u0003\u0004 legalName 김영희 '.repeat(1000));

  it('round-trips, and the ciphertext holds nothing of the plain bag', async () => {
    const key = newBagKey();
    const cipher = encryptBag(Readable.from([plain]), key, 'export-1');
    const sealed = await bytes(cipher);
    expect(sealed.length).toBe(plain.length);
    expect(sealed.includes(Buffer.from('김영희'))).toBe(false);
    expect(sealed.subarray(0, 2).toString()).not.toBe('PK');
    const opened = await bytes(decryptBag(Readable.from([sealed]), key, cipher.getAuthTag(), 'export-1'));
    expect(opened.equals(plain)).toBe(true);
  });

  it('refuses a changed byte, another export id or another key', async () => {
    const key = newBagKey();
    const cipher = encryptBag(Readable.from([plain]), key, 'export-1');
    const sealed = await bytes(cipher);
    const tag = cipher.getAuthTag();
    const changed = Buffer.from(sealed);
    changed[100] ^= 1;
    await expect(bytes(decryptBag(Readable.from([changed]), key, tag, 'export-1'))).rejects.toThrow();
    await expect(bytes(decryptBag(Readable.from([sealed]), key, tag, 'export-2'))).rejects.toThrow();
    await expect(bytes(decryptBag(Readable.from([sealed]), newBagKey(), tag, 'export-1'))).rejects.toThrow();
  });

  it('fails the ciphertext when the bag fails', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('bag failed'));
      },
    });
    await expect(text(encryptBag(failing, newBagKey(), 'x'))).rejects.toThrow('bag failed');
  });
});
