import { Fragment } from 'react';
import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';

type Snippet = Schemas['SnippetResponse'];
const MASK = /▒+/g;

/**
 * A hit's snippet with its matches marked: the API gives offsets into the text, never HTML. Sensitive
 * quotes come masked (▒) from the API for everyone; they are named as masked for screen readers.
 */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  const { text } = snippet;
  const highlights = [...snippet.highlights].sort((a, b) => a.start - b.start);
  const parts: Array<{ text: string; mark: boolean }> = [];
  let at = 0;
  for (const { start, end } of highlights) {
    if (start < at || end > text.length) continue;
    if (start > at) parts.push({ text: text.slice(at, start), mark: false });
    parts.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return (
    <p className="snippet">
      {parts.map((part, i) =>
        part.mark ? (
          <mark key={i}>
            <Masked text={part.text} />
          </mark>
        ) : (
          <Masked key={i} text={part.text} />
        ),
      )}
    </p>
  );
}

function Masked({ text }: { text: string }) {
  const { messages } = useI18n();
  const pieces = text.split(MASK);
  const masks = text.match(MASK) ?? [];
  return (
    <>
      {pieces.map((piece, i) => (
        <Fragment key={i}>
          {piece}
          {i < masks.length ? (
            <span className="masked" role="img" aria-label={messages.search.masked} title={messages.search.masked}>
              {masks[i]}
            </span>
          ) : null}
        </Fragment>
      ))}
    </>
  );
}
