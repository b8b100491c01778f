/** What a redacted span becomes: one fixed mark, so its length tells nothing of what it hid. */
export const REDACTION_MARK = '[REDACTED]';

export interface SensitiveSpan {
  /** UTF-16 offsets into the text the span was anchored on; null when the anchor needs review. */
  rangeStart: number | null;
  rangeEnd: number | null;
  quote: string | null;
}

/**
 * The text with every sensitive span replaced by REDACTION_MARK. Besides each span's range,
 * every other occurrence of its quoted words is hidden too: a family name tagged once but
 * written twice must not leak through the second, and a span whose anchor needs review (the
 * text changed after tagging) is still found by its words.
 */
export function redactText(text: string, spans: SensitiveSpan[]): { text: string; redactions: number } {
  const merged = sensitiveRanges(text, spans);
  let out = '';
  let cursor = 0;
  for (const [start, end] of merged) {
    out += text.slice(cursor, start) + REDACTION_MARK;
    cursor = end;
  }
  return { text: out + text.slice(cursor), redactions: merged.length };
}

/** The ranges of `text` that redactText replaces, merged and in order. */
export function sensitiveRanges(text: string, spans: SensitiveSpan[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const span of spans) {
    if (span.rangeStart !== null && span.rangeEnd !== null && span.rangeEnd <= text.length) {
      if (text.slice(span.rangeStart, span.rangeEnd) === span.quote || !span.quote)
        ranges.push([span.rangeStart, span.rangeEnd]);
    }
    const quote = span.quote?.trim();
    if (!quote) continue;
    for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + quote.length)) {
      ranges.push([at, at + quote.length]);
    }
  }
  return mergeRanges(ranges);
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
