import type { EntityManager } from 'typeorm';
import { highlightTermsOf, makeSnippet, type Highlight, type Snippet, type SnippetSource } from './text/snippet.js';

interface TextRow {
  id: string;
  title: string;
  summary: string | null;
  narrative: string | null;
  description: string | null;
  translations: Array<{ language: string; text: string }> | null;
  sensitive: string[] | null;
}

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
 * Snippets for one page of hits, read from the records themselves (the index keeps no text).
 * The quotes of a testimony's sensitive spans (family names, home villages) are masked in every
 * field before a snippet is cut, whoever asks.
 */
export async function loadSnippets(
  manager: EntityManager,
  hits: Array<{ id: string; kind: 'testimony' | 'incident' }>,
  words: string[],
): Promise<Map<string, Snippet>> {
  if (!hits.length) return new Map();
  const [{ stems }]: Array<{ stems: string[] | null }> = await manager.query(
    `SELECT array(SELECT unnest(tsvector_to_array(to_tsvector('english', search_latin_text($1))))) AS stems`,
    [words.join(' ')],
  );
  const terms = highlightTermsOf(words, stems ?? []);
  const ids = (kind: string) => hits.filter((h) => h.kind === kind).map((h) => h.id);
  const rows: TextRow[] = await manager.query(
    `SELECT t.id, t.title, t.summary, t.narrative, NULL AS description,
            (SELECT json_agg(json_build_object('language', x.language, 'text', x.text) ORDER BY x.language)
               FROM testimony_translations x WHERE x.testimony_id = t.id) AS translations,
            (SELECT array_agg(a.quote) FROM testimony_annotations a
              WHERE a.testimony_id = t.id AND a.kind = 'sensitive' AND a.withdrawn_at IS NULL) AS sensitive
       FROM testimonies t WHERE t.id = ANY($1::uuid[])
     UNION ALL
     SELECT i.id, i.title, NULL, NULL, i.description, NULL, NULL FROM incidents i WHERE i.id = ANY($2::uuid[])`,
    [ids('testimony'), ids('incident')],
  );
  const snippets = new Map<string, Snippet>();
  for (const row of rows) {
    const sensitive = row.sensitive ?? [];
    const sources: SnippetSource[] = [
      { field: 'summary', text: row.summary ?? '' },
      { field: 'narrative', text: row.narrative ?? '' },
      { field: 'description', text: row.description ?? '' },
      ...(row.translations ?? []).map((t) => ({ field: `translation:${t.language}`, text: t.text })),
      { field: 'title', text: row.title },
    ].map((s) => ({ ...s, masked: occurrences(s.text, sensitive) }));
    const snippet = makeSnippet(sources, terms);
    if (snippet) snippets.set(row.id, snippet);
  }
  return snippets;
}
