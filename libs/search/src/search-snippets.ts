import type { PageRow } from './search-statements.js';
import { highlightTermsOf, makeSnippet, type Highlight, type Snippet, type SnippetSource } from './text/snippet.js';

/** Every occurrence of each sensitive quote in `text`: masked wherever it appears, stale offsets or not. */
function occurrences(text: string, quotes: string[]): Highlight[] {
  const ranges: Highlight[] = [];
  for (const quote of quotes) {
    if (!quote) continue;
    for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + quote.length))
      ranges.push({ start: i, end: i + quote.length });
  }
  return ranges;
}

/**
 * The snippet of a hit, cut from the record's own texts (the index keeps none). The quotes of a
 * testimony's sensitive spans (family names, home villages) are masked in every field first,
 * whoever asks.
 */
export function snippetOf(row: PageRow, words: string[]): Snippet | null {
  const sensitive = row.sensitive ?? [];
  const sources: SnippetSource[] = [
    { field: 'summary', text: row.summary ?? '' },
    { field: 'narrative', text: row.narrative ?? '' },
    { field: 'description', text: row.description ?? '' },
    ...(row.translations ?? []).map((t) => ({ field: `translation:${t.language}`, text: t.text })),
    { field: 'title', text: row.title },
  ].map((s) => ({ ...s, masked: occurrences(s.text, sensitive) }));
  return makeSnippet(sources, highlightTermsOf(words, row.stems ?? []));
}
