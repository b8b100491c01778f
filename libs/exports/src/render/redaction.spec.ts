import { describe, expect, it } from '@jest/globals';
import { REDACTION_MARK, redactText, type SensitiveSpan } from './redaction.js';

const M = REDACTION_MARK;
/** A span anchored at the first occurrence of `quote` in `text`. */
function at(text: string, quote: string, from = 0): SensitiveSpan {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`"${quote}" not in the text`);
  return { rangeStart: start, rangeEnd: start + quote.length, quote };
}
const words = (quote: string | null): SensitiveSpan => ({ rangeStart: null, rangeEnd: null, quote });
const range = (rangeStart: number, rangeEnd: number, quote: string | null = null): SensitiveSpan => ({
  rangeStart,
  rangeEnd,
  quote,
});

describe('redactText', () => {
  const text = '저는 김철수의 딸입니다. 김철수는 요덕에 있었습니다.';

  it('uses one fixed mark, whatever the length of what it hides', () => {
    expect(REDACTION_MARK).toBe('[REDACTED]');
  });

  it('hides the span and every other occurrence of its words', () => {
    const out = redactText(text, [at(text, '김철수')]);
    expect(out.text).toBe(`저는 ${M}의 딸입니다. ${M}는 요덕에 있었습니다.`);
    expect(out.redactions).toBe(2);
  });

  it('leaves a text without spans as it was', () => {
    expect(redactText(text, [])).toEqual({ text, redactions: 0 });
  });

  it('finds a span whose anchor needs review by its words, and merges overlaps', () => {
    const out = redactText(text, [words('요덕'), words('요덕에')]);
    expect(out).toEqual({ text: `저는 김철수의 딸입니다. 김철수는 ${M} 있었습니다.`, redactions: 1 });
  });

  describe('spans in any order', () => {
    const family = '아버지 김철수, 어머니 이영희, 고향 함경북도 회령.';
    const spans = [at(family, '김철수'), at(family, '이영희'), at(family, '회령')];
    const expected = `아버지 ${M}, 어머니 ${M}, 고향 함경북도 ${M}.`;

    it.each([
      ['text order', [0, 1, 2]],
      ['reversed', [2, 1, 0]],
      ['shuffled', [1, 2, 0]],
      ['shuffled again', [2, 0, 1]],
    ])('%s', (_, order) => {
      expect(
        redactText(
          family,
          order.map((i) => spans[i]),
        ),
      ).toEqual({ text: expected, redactions: 3 });
    });

    // With ranges only (no words to search for), nothing but the sort puts them in text order.
    it('ranges without quotes given last-first', () => {
      const ranges = [range(family.indexOf('회령'), family.indexOf('회령') + 2), range(4, 7)];
      expect(redactText(family, ranges).text).toBe(`아버지 ${M}, 어머니 이영희, 고향 함경북도 ${M}.`);
    });

    it('two ranges starting at the same place, the longer first: the longer wins', () => {
      expect(redactText('abcdef', [range(1, 4), range(1, 2)])).toEqual({ text: `a${M}ef`, redactions: 1 });
      expect(redactText('abcdef', [range(1, 2), range(1, 4)])).toEqual({ text: `a${M}ef`, redactions: 1 });
    });
  });

  describe('overlapping and adjacent spans', () => {
    it('merges overlapping ranges into one mark', () => {
      expect(redactText('abcdefgh', [range(1, 4), range(3, 6)])).toEqual({ text: `a${M}gh`, redactions: 1 });
    });

    it('merges a range inside another without shortening the outer one', () => {
      expect(redactText('abcdefgh', [range(1, 7), range(2, 3)])).toEqual({ text: `a${M}h`, redactions: 1 });
    });

    it('merges adjacent ranges, so two marks never sit side by side and count words', () => {
      expect(redactText('abcdefgh', [range(4, 6), range(1, 4)])).toEqual({ text: `a${M}gh`, redactions: 1 });
    });

    it('keeps ranges one character apart as two marks', () => {
      expect(redactText('abcdefgh', [range(5, 7), range(1, 4)])).toEqual({ text: `a${M}e${M}h`, redactions: 2 });
    });

    it('merges a chain of three, given in any order', () => {
      expect(redactText('abcdefgh', [range(5, 7), range(1, 3), range(2, 6)])).toEqual({
        text: `a${M}h`,
        redactions: 1,
      });
    });

    it('hides the whole text when a span covers it', () => {
      expect(redactText('김철수', [range(0, 3, '김철수')])).toEqual({ text: M, redactions: 1 });
    });
  });

  describe('empty and whitespace quotes', () => {
    it('trusts a range that has no quote to check it against', () => {
      expect(redactText('abc def', [range(4, 7, null)])).toEqual({ text: `abc ${M}`, redactions: 1 });
      expect(redactText('abc def', [range(0, 3, '')])).toEqual({ text: `${M} def`, redactions: 1 });
    });

    it('hides nothing for a span with neither range nor words', () => {
      expect(redactText('abc def', [words(null), words(''), words('   ')])).toEqual({ text: 'abc def', redactions: 0 });
    });

    it('uses no half of a range: a span with only a start or only an end hides nothing by position', () => {
      const half = (rangeStart: number | null, rangeEnd: number | null): SensitiveSpan => ({
        rangeStart,
        rangeEnd,
        quote: null,
      });
      expect(redactText('abc def', [half(4, null)])).toEqual({ text: 'abc def', redactions: 0 });
      expect(redactText('abc def', [half(null, 3)])).toEqual({ text: 'abc def', redactions: 0 });
    });

    it('never searches for blank words (they would match every gap between words)', () => {
      expect(redactText('a b\tc\nd', [words(' '), words('\t'), words('\n')])).toEqual({
        text: 'a b\tc\nd',
        redactions: 0,
      });
    });

    it('searches for the quoted words without the spaces around them', () => {
      const t = '그는 김철수였다. (김철수)';
      expect(redactText(t, [words('  김철수 ')])).toEqual({ text: `그는 ${M}였다. (${M})`, redactions: 2 });
    });

    it('keeps a range whose quote includes its spaces exactly', () => {
      const t = 'a 김철수 b';
      expect(redactText(t, [range(1, 6, ' 김철수 ')])).toEqual({ text: `a${M}b`, redactions: 1 });
    });
  });

  describe('quotes that no longer match after an edit', () => {
    it('ignores a stale range that no longer holds the quoted words', () => {
      expect(redactText('abc def', [range(0, 3, 'xyz')])).toEqual({ text: 'abc def', redactions: 0 });
    });

    it('still finds the words where the edit moved them', () => {
      const before = '고향은 회령입니다.';
      const span = at(before, '회령');
      const after = '제 고향은 함경북도 회령입니다.';
      expect(redactText(after, [span])).toEqual({ text: `제 고향은 함경북도 ${M}입니다.`, redactions: 1 });
    });

    it('does not hide the characters that took the stale range’s place', () => {
      const after = '회령 출신 박씨';
      expect(redactText(after, [range(0, 2, '김씨')]).text).toBe(after);
    });

    it('ignores a range past the end of a shortened text, but not the words', () => {
      expect(redactText('김철수', [range(0, 10, null)])).toEqual({ text: '김철수', redactions: 0 });
      expect(redactText('김철수', [range(2, 9, '김철수')])).toEqual({ text: M, redactions: 1 });
    });

    it('keeps a range that ends exactly at the end of the text', () => {
      expect(redactText('abc def', [range(4, 7, null)]).text).toBe(`abc ${M}`);
    });
  });

  describe('Hangul and Latin mixed', () => {
    const mixed = 'Kim Chol-su (김철수) was held at Yodok (요덕), then Kim Chol-su left.';

    it('hides each script’s spelling by its own span, every occurrence', () => {
      const out = redactText(mixed, [at(mixed, 'Kim Chol-su'), at(mixed, '김철수'), words('요덕')]);
      expect(out).toEqual({ text: `${M} (${M}) was held at Yodok (${M}), then ${M} left.`, redactions: 4 });
    });

    it('hides a quote that mixes scripts', () => {
      const t = '증인 TBG031의 아버지 Kim 철수, 다시 Kim 철수.';
      expect(redactText(t, [words('Kim 철수')])).toEqual({
        text: `증인 TBG031의 아버지 ${M}, 다시 ${M}.`,
        redactions: 2,
      });
    });

    it('leaves Hangul next to a redacted Latin word intact', () => {
      expect(redactText('Yodok요덕Yodok', [words('Yodok')]).text).toBe(`${M}요덕${M}`);
    });
  });

  describe('UTF-16 offsets against astral characters', () => {
    // 𠜎 (U+2070E) and 😀 are two UTF-16 code units each: offsets count units, as JavaScript strings do.
    const astral = '𠜎😀 김철수 𠜎';

    it('takes offsets in UTF-16 code units', () => {
      const start = astral.indexOf('김철수');
      expect(start).toBe(5);
      expect(redactText(astral, [range(start, start + 3, '김철수')]).text).toBe(`𠜎😀 ${M} 𠜎`);
    });

    it('falls back to the words when offsets were counted in code points (off by the astral characters)', () => {
      const codePointStart = [...astral].indexOf('김');
      expect(codePointStart).toBe(3);
      expect(redactText(astral, [range(codePointStart, codePointStart + 3, '김철수')]).text).toBe(`𠜎😀 ${M} 𠜎`);
    });

    it('hides an astral character that is itself the sensitive word, whole', () => {
      expect(redactText(astral, [words('𠜎')])).toEqual({ text: `${M}😀 김철수 ${M}`, redactions: 2 });
    });
  });

  describe('repeated words', () => {
    it('finds every occurrence, however many', () => {
      expect(redactText('강 강 강 강', [words('강')])).toEqual({ text: `${M} ${M} ${M} ${M}`, redactions: 4 });
    });

    it('finds an occurrence right after another', () => {
      expect(redactText('xaaaay', [words('aa')])).toEqual({ text: `x${M}y`, redactions: 1 });
    });

    it('finds occurrences at the very start and the very end', () => {
      expect(redactText('aXa', [words('a')]).text).toBe(`${M}X${M}`);
    });
  });
});
