export interface Span {
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  start: number;
  /** How many spans cover this segment (0: plain text); overlapping tags show darker. */
  depth: number;
}

/** Cuts text at every span boundary so each piece is covered by a fixed set of spans. */
export function highlightSegments(text: string, spans: Span[]): Segment[] {
  const cuts = new Set([0, text.length]);
  for (const span of spans) {
    cuts.add(Math.max(0, Math.min(text.length, span.start)));
    cuts.add(Math.max(0, Math.min(text.length, span.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    if (start === end) continue;
    const depth = spans.filter((s) => s.start <= start && s.end >= end).length;
    segments.push({ text: text.slice(start, end), start, depth });
  }
  return segments;
}

/** The selection's offsets in `container`'s text (UTF-16 code units, as the API counts). */
export function selectionOffsets(container: HTMLElement): Span | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return { start, end: start + range.toString().length };
}
