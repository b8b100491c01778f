import { describe, expect, it } from '@jest/globals';
import { withTrueExtension } from './true-extension.js';

describe('withTrueExtension', () => {
  it('gives a file whose name lies about its type the extension of what it is', () => {
    expect(withTrueExtension('수용소 지도.pdf', 'image/png')).toBe('수용소 지도.png');
    expect(withTrueExtension('photo', 'image/jpeg')).toBe('photo.jpg');
    expect(withTrueExtension('archive.tar.gz', 'application/pdf')).toBe('archive.tar.pdf');
  });

  it('keeps a name that fits (any listed extension, any letter case) and names of types with no fixed extension', () => {
    expect(withTrueExtension('scan.JPEG', 'image/jpeg')).toBe('scan.JPEG');
    expect(withTrueExtension('statement.docx', 'application/zip')).toBe('statement.docx');
    expect(withTrueExtension('notes.md', 'text/plain')).toBe('notes.md');
    expect(withTrueExtension('blob.bin', 'application/octet-stream')).toBe('blob.bin');
  });
});
