import { describe, expect, it } from '@jest/globals';
import { rangeInRedactedText } from './redacted-offsets.js';
import { redactText, REDACTION_MARK, sensitiveRanges } from './redaction.js';

const text = '저는 김철수의 딸입니다. 회령에서 아버지가 고문을 당했습니다.';
const spans = ['김철수', '회령'].map((quote) => ({
  rangeStart: text.indexOf(quote),
  rangeEnd: text.indexOf(quote) + quote.length,
  quote,
}));
const at = (quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });

describe('rangeInRedactedText', () => {
  const redacted = sensitiveRanges(text, spans);
  const out = redactText(text, spans).text;

  it('shifts a range after redactions by what each mark added', () => {
    const moved = rangeInRedactedText(at('고문을 당했습니다'), redacted);
    expect(out.slice(moved.start, moved.end)).toBe('고문을 당했습니다');
  });

  it('leaves a range before any redaction where it was', () => {
    expect(rangeInRedactedText(at('저는'), redacted)).toEqual(at('저는'));
  });

  it('moves a boundary inside a redacted passage to the edge of its mark', () => {
    const overlapping = { start: text.indexOf('철수'), end: text.indexOf('의 딸') + 4 };
    const moved = rangeInRedactedText(overlapping, redacted);
    expect(out.slice(moved.start, moved.end)).toBe(`${REDACTION_MARK}의 딸입`);
    const ending = { start: text.indexOf('저는'), end: text.indexOf('철수') };
    const cut = rangeInRedactedText(ending, redacted);
    expect(out.slice(cut.start, cut.end)).toBe(`저는 ${REDACTION_MARK}`);
  });

  it('covers exactly the mark for a range that was the redacted passage', () => {
    const moved = rangeInRedactedText(at('회령'), redacted);
    expect(out.slice(moved.start, moved.end)).toBe(REDACTION_MARK);
  });

  it('keeps ranges unchanged without redactions', () => {
    expect(rangeInRedactedText({ start: 3, end: 9 }, [])).toEqual({ start: 3, end: 9 });
  });
});
