import { describe, expect, it } from '@jest/globals';
import { detectMediaType } from './media-type.js';

const withHead = (head: number[] | string, length = 64) => {
  const buffer = Buffer.alloc(length, 0x20);
  (typeof head === 'string' ? Buffer.from(head, 'latin1') : Buffer.from(head)).copy(buffer);
  return buffer;
};

describe('detectMediaType', () => {
  it.each([
    ['%PDF-1.7', 'application/pdf'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'],
    [[0xff, 0xd8, 0xff, 0xe0], 'image/jpeg'],
    ['GIF89a', 'image/gif'],
    ['RIFF\x00\x00\x00\x00WEBPVP8 ', 'image/webp'],
    ['RIFF\x00\x00\x00\x00WAVEfmt ', 'audio/wav'],
    [[0x49, 0x49, 0x2a, 0x00], 'image/tiff'],
    [[0x4d, 0x4d, 0x00, 0x2a], 'image/tiff'],
    ['ID3\x04', 'audio/mpeg'],
    ['OggS', 'audio/ogg'],
    ['\x00\x00\x00\x18ftypmp42', 'video/mp4'],
    ['\x00\x00\x00\x14ftypqt  ', 'video/quicktime'],
    [[0x1a, 0x45, 0xdf, 0xa3], 'video/webm'],
    [[0x50, 0x4b, 0x03, 0x04], 'application/zip'],
  ] as Array<[number[] | string, string]>)('%j is %s', (head, type) => {
    expect(detectMediaType(withHead(head))).toBe(type);
  });

  it('answers text/plain for UTF-8 text, even cut inside a character', () => {
    const korean = Buffer.from('요덕 수용소의 지도입니다', 'utf8');
    expect(detectMediaType(korean.subarray(0, korean.length - 1))).toBe('text/plain');
  });

  it('answers application/octet-stream for unknown binary and for nothing', () => {
    expect(detectMediaType(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x9f]))).toBe('application/octet-stream');
    expect(detectMediaType(Buffer.alloc(0))).toBe('application/octet-stream');
  });
});
