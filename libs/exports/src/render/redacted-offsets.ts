import { REDACTION_MARK } from './redaction.js';

/**
 * A range of the unredacted text moved onto the redacted one: every earlier redaction shifts it
 * by the difference between the mark and what the mark replaced. A boundary that falls inside a
 * redacted passage moves to the edge of its mark, so the range still covers what it covered
 * (now partly the mark) and never points into hidden words.
 */
export function rangeInRedactedText(
  range: { start: number; end: number },
  redacted: Array<[number, number]>,
): { start: number; end: number } {
  return {
    start: offsetInRedactedText(range.start, redacted, 'start'),
    end: offsetInRedactedText(range.end, redacted, 'end'),
  };
}

function offsetInRedactedText(offset: number, redacted: Array<[number, number]>, side: 'start' | 'end'): number {
  let shift = 0;
  for (const [start, end] of redacted) {
    if (end <= offset) {
      shift += REDACTION_MARK.length - (end - start);
      continue;
    }
    if (start < offset) return start + shift + (side === 'start' ? 0 : REDACTION_MARK.length);
    break;
  }
  return offset + shift;
}
