import { describe, expect, it } from '@jest/globals';
import { jpegWithoutMetadata } from './thumbnails.js';
import { printedFileName } from './pdf-document.js';

const segment = (marker: number, body: string) => {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, Buffer.from(body, 'latin1')]);
};
const SOI = Buffer.from([0xff, 0xd8]);
const SCAN = Buffer.from([0xff, 0xda, 0x00, 0x03, 0x01, 0x12, 0x34, 0xff, 0xd9]);

describe('jpegWithoutMetadata', () => {
  it('drops EXIF, XMP, IPTC and comments; keeps JFIF, Adobe, tables, frame and scan', () => {
    const keep = [segment(0xe0, 'JFIF\0'), segment(0xee, 'Adobe'), segment(0xdb, 'tables'), segment(0xc0, 'frame')];
    const drop = [
      segment(0xe1, 'Exif\0\0GPS'),
      segment(0xe1, 'http://ns.adobe.com/xap/'),
      segment(0xed, 'IPTC'),
      segment(0xfe, 'a comment'),
      segment(0xef, 'x'),
    ];
    const jpeg = Buffer.concat([
      SOI,
      keep[0]!,
      drop[0]!,
      keep[1]!,
      drop[1]!,
      drop[2]!,
      keep[2]!,
      drop[3]!,
      keep[3]!,
      drop[4]!,
      SCAN,
    ]);
    expect(jpegWithoutMetadata(jpeg)).toEqual(Buffer.concat([SOI, ...keep, SCAN]));
  });

  it('leaves bytes that are not a well-formed JPEG as they are', () => {
    for (const bytes of [
      Buffer.from('%PDF-1.7'),
      Buffer.concat([SOI, Buffer.from([0x00, 0x01, 0x02, 0x03])]),
      Buffer.concat([SOI, Buffer.from([0xff, 0xe1, 0x00, 0x40, 0x01])]),
    ])
      expect(jpegWithoutMetadata(bytes)).toBe(bytes);
  });
});

describe('printedFileName', () => {
  it('keeps a name of up to `max` characters, elides the middle of a longer one', () => {
    expect(printedFileName('attachments/abc-map.pdf')).toBe('attachments/abc-map.pdf');
    const long = `attachments/${'a'.repeat(64)}-${'수용소_'.repeat(50)}end.jpg`;
    const printed = printedFileName(long);
    expect([...printed]).toHaveLength(120);
    expect(printed.startsWith('attachments/aaaa')).toBe(true);
    expect(printed.endsWith('_end.jpg')).toBe(true);
    expect(printed).toContain('…');
    expect(printedFileName('abcdefghij', 5)).toBe('ab…ij');
  });
});
