import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ApiProblem, must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { FormError } from '../ui/states';
import { useDebounced } from '../ui/use-debounced';
import { termLabel, type Term } from './terms';

/** The vocabularies a passage is tagged with, and the tag field each one fills. */
const TAG_SCHEMES = ['coi-violation', 'rome-art7', 'act-type', 'agency', 'facility'] as const;
type TagScheme = (typeof TAG_SCHEMES)[number];

interface Range {
  start: number;
  end: number;
}

/** The occurrences listed by the API's 409 for a quote found more than once, or null for any other error. */
function occurrencesIn(error: unknown): Range[] | null {
  if (!(error instanceof ApiProblem) || error.status !== 409) return null;
  const candidates = (error.body as { candidates?: Range[] } | undefined)?.candidates;
  return Array.isArray(candidates) && candidates.length > 1 ? candidates : null;
}

export interface Passage {
  start: number;
  end: number;
  quote: string;
}

/**
 * A modal dialog: the chosen passage, a search box matching term codes, labels and aliases in
 * Korean, English and Japanese (the API folds spellings), the chosen terms, and "save tag".
 */
export function TagPicker({
  testimonyId,
  text,
  passage,
  onClose,
  onSaved,
}: {
  testimonyId: string;
  /** The text the passage was selected in, to show each occurrence in its context. */
  text: string;
  passage: Passage;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { messages, locale, format } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Term[]>([]);
  // The passage is sent as its quote alone and the API finds it; where the words occur more than
  // once it answers 409 with every occurrence, and the user picks one (the selected one to start).
  const [candidates, setCandidates] = useState<Range[] | null>(null);
  const [pick, setPick] = useState(0);
  const search = useDebounced(q.trim(), 250);
  const titleId = useId();

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const found = useQuery({
    queryKey: ['term-lookup', search],
    enabled: search.length > 0,
    queryFn: () => must(api.GET('/taxonomy/lookup', { params: { query: { q: search, limit: 20 } } })),
  });
  const terms = [...(found.data?.matches ?? []), ...(found.data?.suggestions ?? [])]
    .map((m) => m.term)
    .filter((t) => (TAG_SCHEMES as readonly string[]).includes(t.scheme));

  const save = useMutation({
    mutationFn: (range: Range | null) => {
      const ids = (scheme: TagScheme) => chosen.filter((t) => t.scheme === scheme).map((t) => t.id);
      const facility = ids('facility')[0];
      return must(
        api.POST('/testimonies/{id}/tags', {
          params: { path: { id: testimonyId } },
          body: {
            kind: 'tag',
            ...(range ?? {}),
            quote: passage.quote,
            violationTermIds: ids('coi-violation'),
            actTermIds: [...ids('rome-art7'), ...ids('act-type')],
            agencyTermIds: ids('agency'),
            ...(facility ? { facilityTermId: facility } : {}),
          },
        }),
      );
    },
    onSuccess: onSaved,
    onError: (error) => {
      const found = occurrencesIn(error);
      if (!found) return;
      setCandidates(found);
      setPick(
        Math.max(
          0,
          found.findIndex((c) => c.start === passage.start),
        ),
      );
    },
  });

  const toggle = (term: Term) =>
    setChosen((current) =>
      current.some((t) => t.id === term.id) ? current.filter((t) => t.id !== term.id) : [...current, term],
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(candidates ? candidates[pick] : null);
  };

  return (
    <dialog ref={dialog} aria-labelledby={titleId} onClose={onClose} className="tag-picker">
      <form onSubmit={submit}>
        <h2 id={titleId}>{messages.tagPicker.title}</h2>
        <figure>
          <figcaption>{messages.tagPicker.passage}</figcaption>
          <blockquote>{passage.quote}</blockquote>
        </figure>
        <label>
          {messages.tagPicker.find}
          <input type="search" autoFocus value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <fieldset>
          <legend>{messages.tagPicker.results}</legend>
          {search && found.data && terms.length === 0 ? <p className="muted">{messages.tagPicker.noResults}</p> : null}
          <ul className="choices">
            {terms.map((term) => (
              <li key={term.id}>
                <label className="check">
                  <input type="checkbox" checked={chosen.some((t) => t.id === term.id)} onChange={() => toggle(term)} />
                  <span>
                    <span className="scheme">{messages.tagPicker.scheme[term.scheme as TagScheme]}</span> {term.code} ·{' '}
                    {termLabel(term, locale)}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {chosen.length ? (
          <p aria-live="polite">
            {messages.tagPicker.chosen}: {chosen.map((t) => termLabel(t, locale)).join(', ')}
          </p>
        ) : null}
        {candidates ? (
          <fieldset data-testid="occurrences">
            <legend>{format(messages.tagPicker.occurrences, { count: candidates.length })}</legend>
            <ul className="choices">
              {candidates.map((c, i) => (
                <li key={c.start}>
                  <label className="check">
                    <input type="radio" name="occurrence" checked={pick === i} onChange={() => setPick(i)} />
                    <span>
                      {format(messages.tagPicker.occurrence, { n: i + 1 })}: …
                      {text.slice(Math.max(0, c.start - 20), c.start)}
                      <mark>{text.slice(c.start, c.end)}</mark>
                      {text.slice(c.end, c.end + 20)}…
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        <FormError error={occurrencesIn(save.error) ? null : save.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={chosen.length === 0 || save.isPending}>
            {messages.tagPicker.save}
          </button>
          <button type="button" onClick={onClose}>
            {messages.common.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
