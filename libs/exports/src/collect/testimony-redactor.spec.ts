import { describe, expect, it } from '@jest/globals';
import type { TestimonyAnnotation } from '@sillok/testimonies';
import { REDACTION_MARK as M } from '../render/redaction.js';
import { TestimonyRedactor } from './testimony-redactor.js';

const narrative = '아버지 김철수는 회령에서 잡혀갔다.';
const english = 'My father Kim Chol-su was taken in Hoeryong.';

function span(
  text: string,
  quote: string,
  language: string | null,
  status: 'anchored' | 'needs_review' = 'anchored',
): TestimonyAnnotation {
  const start = text.indexOf(quote);
  return {
    kind: 'sensitive',
    language,
    status,
    rangeStart: status === 'anchored' ? start : null,
    rangeEnd: status === 'anchored' ? start + quote.length : null,
    quote,
  } as TestimonyAnnotation;
}

describe('TestimonyRedactor', () => {
  const spans = [span(narrative, '김철수', null), span(english, 'Hoeryong', 'en')];

  it('hides the narrative’s spans and the words of every span in it', () => {
    const r = new TestimonyRedactor([...spans, span(narrative, '회령', null, 'needs_review')], true);
    expect(r.anchoredText(narrative, null)).toBe(`아버지 ${M}는 ${M}에서 잡혀갔다.`);
    expect(r.redactions).toBe(2);
  });

  it('hides a translation by the spans anchored on it and by every span’s words', () => {
    const r = new TestimonyRedactor([...spans, span(narrative, 'Kim Chol-su', null, 'needs_review')], true);
    expect(r.anchoredText(english, 'en')).toBe(`My father ${M} was taken in ${M}.`);
  });

  it('applies a span’s range only to the text it was anchored on, never to another language', () => {
    // Offsets 0..3 of the narrative would cut "My " out of the English text.
    const r = new TestimonyRedactor([{ ...span(narrative, '아버지', null), quote: '' } as TestimonyAnnotation], true);
    expect(r.anchoredText(english, 'en')).toBe(english);
    expect(r.anchoredText(narrative, null)).toBe(`${M} 김철수는 회령에서 잡혀갔다.`);
  });

  it('applies the ranges of every span anchored on one text, not only the last', () => {
    // Quote-less spans: only their ranges can hide anything, so each lost range would show.
    const rangeOnly = (quote: string) => ({ ...span(narrative, quote, null), quote: '' }) as TestimonyAnnotation;
    const r = new TestimonyRedactor([rangeOnly('아버지'), rangeOnly('김철수'), rangeOnly('회령')], true);
    expect(r.anchoredText(narrative, null)).toBe(`${M} ${M}는 ${M}에서 잡혀갔다.`);
    expect(r.anchoredRanges(narrative, null)).toEqual([
      [0, 3],
      [4, 7],
      [9, 11],
    ]);
  });

  it('ignores a range whose text no longer reads as the span’s quote (an edit moved it), but still finds the words', () => {
    // The range 0..3 once held 김철수; the text now starts with 아버지, which must stay.
    const moved = { ...span(narrative, '김철수', null), rangeStart: 0, rangeEnd: 3 } as TestimonyAnnotation;
    const r = new TestimonyRedactor([moved], true);
    expect(r.anchoredText(narrative, null)).toBe(`아버지 ${M}는 회령에서 잡혀갔다.`);
  });

  it('ignores the range of a span whose anchor needs review (only its words count)', () => {
    const stale = { ...span(narrative, '김철수', null), status: 'needs_review', rangeStart: 0, rangeEnd: 3, quote: '' };
    const r = new TestimonyRedactor([stale as TestimonyAnnotation], true);
    expect(r.anchoredText(narrative, null)).toBe(narrative);
  });

  it('hides every span’s words in free text (title, summary, notes)', () => {
    const r = new TestimonyRedactor(spans, true);
    expect(r.freeText('김철수 in Hoeryong')).toBe(`${M} in ${M}`);
    expect(r.freeText(null)).toBeNull();
    expect(r.redactions).toBe(2);
  });

  it('counts the redactions of every text it was given', () => {
    const r = new TestimonyRedactor(spans, true);
    r.anchoredText(narrative, null);
    r.anchoredText(english, 'en');
    r.freeText('김철수, 김철수');
    expect(r.redactions).toBe(1 + 1 + 2);
  });

  it('changes nothing when the profile does not redact (internal, or identities included)', () => {
    const r = new TestimonyRedactor(spans, false);
    expect(r.anchoredText(narrative, null)).toBe(narrative);
    expect(r.anchoredText(english, 'en')).toBe(english);
    expect(r.freeText('김철수')).toBe('김철수');
    expect(r.redactions).toBe(0);
  });

  it('changes nothing without spans', () => {
    const r = new TestimonyRedactor([], true);
    expect(r.anchoredText(narrative, null)).toBe(narrative);
    expect(r.freeText(english)).toBe(english);
    expect(r.redactions).toBe(0);
  });

  it('starts counting at zero', () => {
    expect(new TestimonyRedactor(spans, true).redactions).toBe(0);
  });
});
