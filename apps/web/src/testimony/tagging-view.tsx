import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { QueryView } from '../ui/states';
import { LinkPassage } from './link-passage';
import { highlightSegments, selectionOffsets } from './highlight-segments';
import { TagPicker, type Passage } from './tag-picker';
import { termLabel, useTerms } from './terms';

/**
 * The saved narrative with its tags as highlights. Select a passage, then press the button (or
 * T) to tag it; the list under the text names each tag's terms in the UI language.
 */
export function TaggingView({
  testimonyId,
  caseId,
  narrative,
  editable,
}: {
  testimonyId: string;
  caseId: string;
  narrative: string;
  editable: boolean;
}) {
  const { messages, locale } = useI18n();
  const queryClient = useQueryClient();
  const text = useRef<HTMLDivElement>(null);
  const [passage, setPassage] = useState<Passage | null>(null);
  const [hint, setHint] = useState(false);
  const tags = useQuery({
    queryKey: ['testimony', testimonyId, 'tags'],
    queryFn: () => must(api.GET('/testimonies/{id}/tags', { params: { path: { id: testimonyId } } })),
  });
  const items = (tags.data ?? []).filter((t) => !t.withdrawn && t.kind === 'tag' && !t.language);
  const terms = useTerms(
    items.flatMap((t) => [
      ...t.violationTermIds,
      ...t.actTermIds,
      ...t.agencyTermIds,
      ...(t.facilityTermId ? [t.facilityTermId] : []),
    ]),
  );
  const spans = items.flatMap((t) => (t.range && t.status === 'anchored' ? [t.range] : []));

  const tagSelection = () => {
    const offsets = text.current ? selectionOffsets(text.current) : null;
    if (!offsets) return setHint(true);
    setHint(false);
    setPassage({ ...offsets, quote: narrative.slice(offsets.start, offsets.end) });
  };

  useEffect(() => {
    if (!editable) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 't' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, dialog')) return;
      event.preventDefault();
      tagSelection();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const labelsOf = (t: (typeof items)[number]) =>
    [...t.violationTermIds, ...t.actTermIds, ...t.agencyTermIds, ...(t.facilityTermId ? [t.facilityTermId] : [])]
      .map((id) => terms.get(id))
      .map((term) => (term ? termLabel(term, locale) : '…'));

  return (
    <section aria-labelledby="tagging" className="tagging">
      <h2 id="tagging">{messages.editor.tagging}</h2>
      {editable ? <p className="muted">{messages.editor.taggingHelp}</p> : null}
      <div
        ref={text}
        className="tagging-text"
        data-testid="tagging-text"
        tabIndex={0}
        aria-label={messages.editor.narrative}
      >
        {highlightSegments(narrative, spans).map((segment) =>
          segment.depth ? (
            <mark key={segment.start} className={`depth-${Math.min(segment.depth, 3)}`}>
              {segment.text}
            </mark>
          ) : (
            <span key={segment.start}>{segment.text}</span>
          ),
        )}
      </div>
      {editable ? (
        <p>
          <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={tagSelection}>
            {messages.editor.tagSelection} <kbd>T</kbd>
          </button>
          {hint ? (
            <span role="alert" className="error-text">
              {' '}
              {messages.editor.selectFirst}
            </span>
          ) : null}
        </p>
      ) : null}
      {editable ? <LinkPassage testimonyId={testimonyId} caseId={caseId} narrative={narrative} textRef={text} /> : null}
      <h3>{messages.editor.tags}</h3>
      <QueryView query={tags}>
        {() =>
          items.length === 0 ? (
            <p className="muted">{messages.editor.noTags}</p>
          ) : (
            <ul className="tag-list">
              {items.map((t) => (
                <li key={t.id}>
                  <q>{t.range?.quote ?? ''}</q> — {labelsOf(t).join(', ')}
                  {t.status === 'needs_review' ? (
                    <span className="warning"> ({messages.editor.needsReview})</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      {passage ? (
        <TagPicker
          testimonyId={testimonyId}
          text={narrative}
          passage={passage}
          onClose={() => setPassage(null)}
          onSaved={() => {
            setPassage(null);
            void queryClient.invalidateQueries({ queryKey: ['testimony', testimonyId, 'tags'] });
          }}
        />
      ) : null}
    </section>
  );
}
