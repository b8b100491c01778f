import { describe, expect, it } from '@jest/globals';
import type { TestimonyAnnotation } from '@sillok/testimonies';
import { REDACTION_MARK } from '../render/redaction.js';
import { TestimonyRedactor } from './testimony-redactor.js';

const span = (quote: string, rangeStart: number): TestimonyAnnotation =>
  ({
    kind: 'sensitive',
    language: null,
    status: 'anchored',
    rangeStart,
    rangeEnd: rangeStart + quote.length,
    quote,
  }) as TestimonyAnnotation;

describe('TestimonyRedactor with the case’s sensitive words', () => {
  it('hides words marked sensitive in another testimony, in anchored and free text alike', () => {
    const redactor = new TestimonyRedactor([span('요덕', 0)], true, ['김철수']);
    expect(redactor.anchoredText('요덕에서 김철수를 보았다', null)).toBe(
      `${REDACTION_MARK}에서 ${REDACTION_MARK}를 보았다`,
    );
    expect(redactor.freeText('victim 김철수')).toBe(`victim ${REDACTION_MARK}`);
    expect(redactor.redactions).toBe(3);
  });

  it('hides case words with no spans of its own (incidents, sources, the case)', () => {
    const redactor = new TestimonyRedactor([], true, ['김철수', '회령']);
    expect(redactor.freeText('김철수 of 회령')).toBe(`${REDACTION_MARK} of ${REDACTION_MARK}`);
    expect(redactor.freeText(null)).toBeNull();
  });

  it('hides nothing where the profile does not redact', () => {
    const redactor = new TestimonyRedactor([], false, ['김철수']);
    expect(redactor.freeText('김철수')).toBe('김철수');
    expect(redactor.redactions).toBe(0);
  });

  it('gives the ranges anchoredText hides, and none where the profile does not redact', () => {
    const text = '요덕에서 김철수를 보았다';
    expect(new TestimonyRedactor([span('요덕', 0)], true, ['김철수']).anchoredRanges(text, null)).toEqual([
      [0, 2],
      [5, 8],
    ]);
    expect(new TestimonyRedactor([span('요덕', 0)], false, ['김철수']).anchoredRanges(text, null)).toEqual([]);
    expect(new TestimonyRedactor([], true).anchoredRanges(text, null)).toEqual([]);
  });
});
