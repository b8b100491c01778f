import { describe, expect, it } from '@jest/globals';
import { findHighlights, highlightTermsOf, makeSnippet } from './snippet.js';

describe('snippets', () => {
  const terms = highlightTermsOf(['고문', 'torture'], ['tortur']);

  it('highlights Korean literally inside words and English stems as word prefixes', () => {
    const text = 'Guards tortured us. 고문을 당했습니다. Distortured is not a match.';
    expect(findHighlights(text, terms).map((h) => text.slice(h.start, h.end))).toEqual(['tortured', '고문']);
  });

  it('cuts a window around the first match, with offsets into the window', () => {
    const text = `${'가'.repeat(500)} 고문 ${'나'.repeat(500)}`;
    const snippet = makeSnippet([{ field: 'narrative', text }], terms, 100)!;
    expect(snippet.text.startsWith('…') && snippet.text.endsWith('…')).toBe(true);
    const [h] = snippet.highlights;
    expect(snippet.text.slice(h.start, h.end)).toBe('고문');
  });

  it('masks sensitive ranges before highlighting and prefers the first field with a match', () => {
    const snippet = makeSnippet(
      [
        { field: 'summary', text: 'no match here' },
        { field: 'narrative', text: '김순자 고문', masked: [{ start: 0, end: 3 }] },
      ],
      highlightTermsOf(['김순자', '고문'], []),
    )!;
    expect(snippet).toEqual({ field: 'narrative', text: '▒▒▒ 고문', highlights: [{ start: 4, end: 6 }] });
  });

  it('falls back to the start of the first text without a match, and to nothing without text', () => {
    expect(makeSnippet([{ field: 'title', text: 'A title' }], terms)).toEqual({
      field: 'title',
      text: 'A title',
      highlights: [],
    });
    expect(makeSnippet([{ field: 'title', text: '' }], terms)).toBeNull();
  });
});
