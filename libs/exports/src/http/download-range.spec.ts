import { describe, expect, it } from '@jest/globals';
import { downloadRange, exportEtag } from './download-range.js';

const etag = exportEtag('ab'.repeat(32));

describe('downloadRange', () => {
  it('honours a Range without If-Range, or with If-Range naming this bag', () => {
    expect(downloadRange({ range: 'bytes=0-3' }, etag, 100, true)).toEqual({ kind: 'partial', start: 0, end: 3 });
    expect(downloadRange({ range: 'bytes=10-', ifRange: etag }, etag, 100, true)).toEqual({
      kind: 'partial',
      start: 10,
      end: 99,
    });
    expect(downloadRange({ range: 'bytes=200-' }, etag, 100, true)).toEqual({ kind: 'unsatisfiable' });
  });

  it('sends the whole bag when If-Range names other bytes (another tag, a weak tag, a date) or none was asked', () => {
    for (const ifRange of ['"other"', `W/${etag}`, 'Fri, 04 Dec 2026 15:00:00 GMT'])
      expect(downloadRange({ range: 'bytes=0-3', ifRange }, etag, 100, true)).toEqual({ kind: 'full' });
    expect(downloadRange({}, etag, 100, true)).toEqual({ kind: 'full' });
  });

  it('sends an encrypted bag whole: it is decrypted and authenticated from its first byte to its last', () => {
    expect(downloadRange({ range: 'bytes=0-3' }, etag, 100, false)).toEqual({ kind: 'full' });
  });

  it('names the bag by its tag manifest hash, quoted', () => {
    expect(etag).toBe(`"${'ab'.repeat(32)}"`);
  });
});
