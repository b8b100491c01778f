import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { useCaseIncidents } from '../records/incidents-screen';
import { RecordSelect, TermSelect } from '../records/scheme-terms';
import { can, useSession } from '../session/session';
import { FormError } from '../ui/states';
import { useDraft } from '../ui/use-draft';
import { selectionOffsets } from './highlight-segments';
import type { Passage } from './tag-picker';

/**
 * "Link this passage": the passage selected in the narrative becomes a source of an incident of the
 * case. The passage is kept as a tag of the testimony (so the source points at the very words, and
 * follows them when the text is edited), then linked with its connection (direct or hearsay) and
 * reliability.
 */
export function LinkPassage({
  testimonyId,
  caseId,
  narrative,
  textRef,
}: {
  testimonyId: string;
  caseId: string;
  narrative: string;
  textRef: RefObject<HTMLDivElement | null>;
}) {
  const { messages } = useI18n();
  const { me } = useSession();
  const [passage, setPassage] = useState<Passage | null>(null);
  const [hint, setHint] = useState(false);
  const [linked, setLinked] = useState<{ id: string; reference: string } | null>(null);
  if (!can(me, 'incident.write')) return null;
  const open = () => {
    const offsets = textRef.current ? selectionOffsets(textRef.current) : null;
    setHint(!offsets);
    setLinked(null);
    if (offsets) setPassage({ ...offsets, quote: narrative.slice(offsets.start, offsets.end) });
  };
  return (
    <p>
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={open}>
        {messages.records.linkPassage}
      </button>
      {hint ? (
        <span role="alert" className="error-text">
          {' '}
          {messages.editor.selectFirst}
        </span>
      ) : null}
      {linked ? (
        <span role="status">
          {' '}
          {messages.records.linkedTo} <Link to={`/app/incidents/${linked.reference}`}>{linked.reference}</Link>
        </span>
      ) : null}
      {passage ? (
        <LinkDialog
          testimonyId={testimonyId}
          caseId={caseId}
          passage={passage}
          onClose={() => setPassage(null)}
          onLinked={(incident) => {
            setPassage(null);
            setLinked(incident);
          }}
        />
      ) : null}
    </p>
  );
}

function LinkDialog({
  testimonyId,
  caseId,
  passage,
  onClose,
  onLinked,
}: {
  testimonyId: string;
  caseId: string;
  passage: Passage;
  onClose: () => void;
  onLinked: (incident: { id: string; reference: string }) => void;
}) {
  const { messages } = useI18n();
  const m = messages.records;
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const incidents = useCaseIncidents(caseId);
  const { draft, field } = useDraft({ incident: '', connection: '', reliability: '', note: '' });
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const link = useMutation({
    mutationFn: async () => {
      const assessment = {
        sourceConnectionTermId: draft.connection || undefined,
        reliabilityTermId: draft.reliability || undefined,
      };
      const tag = await must(
        api.POST('/testimonies/{id}/tags', {
          params: { path: { id: testimonyId } },
          body: { kind: 'tag', start: passage.start, end: passage.end, quote: passage.quote, ...assessment },
        }),
      );
      return must(
        api.POST('/incidents/{id}/sources', {
          params: { path: { id: draft.incident } },
          body: { testimonyId, annotationId: tag.id, ...assessment, note: draft.note || undefined },
        }),
      );
    },
    onSuccess: (incident) => {
      void queryClient.invalidateQueries({ queryKey: ['testimony', testimonyId, 'tags'] });
      void queryClient.invalidateQueries({ queryKey: ['incident', incident.reference] });
      onLinked(incident);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    link.mutate();
  };
  return (
    <dialog ref={dialog} aria-labelledby={titleId} onClose={onClose} className="tag-picker">
      <form onSubmit={submit}>
        <h2 id={titleId}>{m.linkPassage}</h2>
        <figure>
          <figcaption>{messages.tagPicker.passage}</figcaption>
          <blockquote>{passage.quote}</blockquote>
        </figure>
        <RecordSelect label={m.incident} records={incidents.data?.items ?? []} {...field('incident')} />
        <div className="row">
          <TermSelect scheme="source-connection" label={m.connection} {...field('connection')} />
          <TermSelect scheme="reliability" label={m.reliability} {...field('reliability')} />
        </div>
        <label>
          {m.note}
          <input {...field('note')} />
        </label>
        <FormError error={link.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={link.isPending}>
            {m.linkPassage}
          </button>
          <button type="button" onClick={onClose}>
            {messages.common.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
