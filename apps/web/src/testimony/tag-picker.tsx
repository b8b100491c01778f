import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { FormError } from '../ui/states';
import { useDebounced } from '../ui/use-debounced';
import { termLabel, type Term } from './terms';

/** The vocabularies a passage is tagged with, and the tag field each one fills. */
const TAG_SCHEMES = ['coi-violation', 'rome-art7', 'act-type', 'agency', 'facility'] as const;
type TagScheme = (typeof TAG_SCHEMES)[number];

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
  passage,
  onClose,
  onSaved,
}: {
  testimonyId: string;
  passage: Passage;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { messages, locale } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Term[]>([]);
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
    mutationFn: () => {
      const ids = (scheme: TagScheme) => chosen.filter((t) => t.scheme === scheme).map((t) => t.id);
      const facility = ids('facility')[0];
      return must(
        api.POST('/testimonies/{id}/tags', {
          params: { path: { id: testimonyId } },
          body: {
            kind: 'tag',
            start: passage.start,
            end: passage.end,
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
  });

  const toggle = (term: Term) =>
    setChosen((current) =>
      current.some((t) => t.id === term.id) ? current.filter((t) => t.id !== term.id) : [...current, term],
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
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
        <FormError error={save.error} />
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
