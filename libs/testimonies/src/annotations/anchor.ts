/** A character range [start, end) with the text it quoted when it was set. */
export interface Anchor {
  start: number;
  end: number;
  quote: string;
}

/**
 * Where a quote stands in a changed text: where it was if it is still there, else at its
 * occurrence nearest the old position (ties go to the earlier one); null when it is gone.
 */
export function relocate(text: string, anchor: Anchor): Anchor | null {
  if (text.slice(anchor.start, anchor.end) === anchor.quote) return anchor;
  let best: number | null = null;
  for (let at = text.indexOf(anchor.quote); at !== -1; at = text.indexOf(anchor.quote, at + 1)) {
    if (best === null || Math.abs(at - anchor.start) < Math.abs(best - anchor.start)) best = at;
  }
  return best === null ? null : { start: best, end: best + anchor.quote.length, quote: anchor.quote };
}
