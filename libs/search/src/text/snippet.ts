import { cjkRuns, foldText } from './script.js';

export interface Highlight {
  start: number;
  end: number;
}

export interface Snippet {
  /** Which text the snippet comes from: title, summary, narrative, description, or translation:<lang>. */
  field: string;
  text: string;
  /** Matched words, as offsets into `text` (JavaScript string indices): the client marks them up. */
  highlights: Highlight[];
}

export interface SnippetSource {
  field: string;
  text: string;
  /** Ranges to blank out before anything is shown (sensitive spans: family names, home villages). */
  masked?: Highlight[];
}

/** What to highlight: folded CJK strings matched literally, and English stems matched as word prefixes. */
export interface HighlightTerms {
  literals: string[];
  stems: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MASK = '▒';

export function highlightTermsOf(texts: string[], stems: string[]): HighlightTerms {
  return { literals: [...new Set(texts.flatMap(cjkRuns))], stems: [...new Set(stems)].filter(Boolean) };
}

/** Every match of the terms in `text`, in order, overlaps merged. */
export function findHighlights(text: string, terms: HighlightTerms): Highlight[] {
  // NFKC and lower-casing keep the length of Hangul and Latin text, so offsets carry over.
  const folded = foldText(text);
  const hits: Highlight[] = [];
  for (const literal of terms.literals) {
    for (let i = folded.indexOf(literal); i >= 0; i = folded.indexOf(literal, i + literal.length))
      hits.push({ start: i, end: i + literal.length });
  }
  for (const stem of terms.stems) {
    for (const m of folded.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escape(stem)}[\\p{L}\\p{N}]*`, 'gu')))
      hits.push({ start: m.index, end: m.index + m[0].length });
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Highlight[] = [];
  for (const h of hits) {
    const last = merged.at(-1);
    if (last && h.start <= last.end) last.end = Math.max(last.end, h.end);
    else merged.push({ ...h });
  }
  return merged;
}

function mask(text: string, ranges: Highlight[] = []): string {
  let out = text;
  for (const r of ranges) {
    const start = Math.max(0, r.start);
    const end = Math.min(out.length, r.end);
    if (end > start) out = out.slice(0, start) + MASK.repeat(end - start) + out.slice(end);
  }
  return out;
}

/**
 * A window of about `width` characters around the first match of the first source that has one
 * (or the start of the first non-empty source), sensitive spans masked first, so a masked name is
 * never shown nor highlighted.
 */
export function makeSnippet(sources: SnippetSource[], terms: HighlightTerms, width = 200): Snippet | null {
  const prepared = sources.filter((s) => s.text).map((s) => ({ field: s.field, text: mask(s.text, s.masked) }));
  const withHit = prepared.map((s) => ({ ...s, hits: findHighlights(s.text, terms) })).find((s) => s.hits.length > 0);
  const chosen = withHit ?? (prepared[0] ? { ...prepared[0], hits: [] } : undefined);
  if (!chosen) return null;
  const first = chosen.hits[0]?.start ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(chosen.text.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  const prefix = start > 0 ? '…' : '';
  const suffix = end < chosen.text.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    field: chosen.field,
    text: prefix + chosen.text.slice(start, end) + suffix,
    highlights: chosen.hits
      .filter((h) => h.start >= start && h.end <= end)
      .map((h) => ({ start: h.start + shift, end: h.end + shift })),
  };
}
