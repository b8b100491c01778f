import { describe, expect, it } from '@jest/globals';
import { REDACTION_MARK, redactText } from './redaction.js';

describe('redactText', () => {
  const text = '저는 김철수의 딸입니다. 김철수는 요덕에 있었습니다.';

  it('hides the span and every other occurrence of its words', () => {
    const start = text.indexOf('김철수');
    const out = redactText(text, [{ rangeStart: start, rangeEnd: start + 3, quote: '김철수' }]);
    expect(out.text).toBe(`저는 ${REDACTION_MARK}의 딸입니다. ${REDACTION_MARK}는 요덕에 있었습니다.`);
    expect(out.redactions).toBe(2);
  });

  it('finds a span whose anchor needs review by its words, and merges overlaps', () => {
    const out = redactText(text, [
      { rangeStart: null, rangeEnd: null, quote: '요덕' },
      { rangeStart: null, rangeEnd: null, quote: '요덕에' },
    ]);
    expect(out.text).toBe(`저는 김철수의 딸입니다. 김철수는 ${REDACTION_MARK} 있었습니다.`);
  });

  it('ignores a stale range that no longer holds the quoted words', () => {
    const out = redactText('abc def', [{ rangeStart: 0, rangeEnd: 3, quote: 'xyz' }]);
    expect(out).toEqual({ text: 'abc def', redactions: 0 });
  });
});
