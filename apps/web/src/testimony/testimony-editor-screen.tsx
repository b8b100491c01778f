import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { ApiProblem, must } from '../api/problem';
import { useCase } from '../api/use-case';
import { AttachmentsPanel } from '../attachments/attachments-panel';
import { useI18n } from '../i18n/i18n';
import { can, useSession } from '../session/session';
import { FormError, QueryView } from '../ui/states';
import { useDebounced } from '../ui/use-debounced';
import { ConflictPanel } from './conflict-panel';
import { draftOf, patchOf, sameDraft, type Draft, type Testimony } from './draft';
import { InterviewerNames } from './interviewer-picker';
import { RevisionHistory } from './revision-history';
import { TaggingView } from './tagging-view';

/**
 * A draft's text is saved on the server once typing pauses this long, so a reload or a crash loses at
 * most these seconds (nothing is kept in browser storage); long enough that a user who presses
 * Save right after typing is not overtaken by it.
 */
const AUTOSAVE_MS = 5000;

/** Loads the testimony, then hands it to the editor (remounted when another testimony opens). */
export function TestimonyEditorScreen() {
  // Addressed by reference (/app/testimonies/T-000042); the API takes it in place of the id.
  const { testimonyRef = '' } = useParams();
  const testimony = useQuery({
    queryKey: ['testimony', testimonyRef],
    queryFn: () => must(api.GET('/testimonies/{id}', { params: { path: { id: testimonyRef } } })),
  });
  return <QueryView query={testimony}>{(loaded) => <TestimonyEditor key={loaded.id} saved={loaded} />}</QueryView>;
}

/**
 * Metadata, the narrative and its translation side by side (scrolling together), save with the
 * version the draft was based on. A 409 keeps the draft and shows both versions.
 */
function TestimonyEditor({ saved }: { saved: Testimony }) {
  const { messages, format, formatDate } = useI18n();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(saved);
  // The case is named by its reference in links; the testimony carries only the case's id.
  const theCase = useCase(saved.caseId);
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  const [conflict, setConflict] = useState<Testimony | null>(null);
  // An approved testimony is locked until a writer chooses to change it: the API then wants a
  // reason, and the save sends the testimony back to review (it must be approved again).
  const [reopened, setReopened] = useState(false);
  const [reason, setReason] = useState('');
  const approved = base.status === 'approved';
  const locked = approved && !reopened;
  const editable = !locked && can(me, 'testimony.write');
  const dirty = !sameDraft(draft, draftOf(base, draft.translationLanguage));

  useEffect(() => {
    // Warn before closing the tab with unsaved text (the draft lives only in this page).
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const accept = (next: Testimony) => {
    setBase(next);
    queryClient.setQueryData(['testimony', next.reference], next);
  };

  const save = useMutation({
    mutationFn: (version: number) =>
      must(
        api.PATCH('/testimonies/{id}', {
          params: { path: { id: base.id } },
          body: { ...patchOf(base, draft, version), ...(approved ? { reason: reason.trim() } : {}) },
        }),
      ),
    onSuccess: (next) => {
      accept(next);
      setReopened(false);
      setReason('');
      setConflict(null);
      void queryClient.invalidateQueries({ queryKey: ['testimony', base.id, 'tags'] });
    },
    onError: async (error) => {
      if (!(error instanceof ApiProblem) || error.status !== 409) return;
      setConflict(await must(api.GET('/testimonies/{id}', { params: { path: { id: base.id } } })));
    },
  });

  // Autosave each settled draft once (a refused save is not retried until the text changes again);
  // only drafts: text under review changes only when its author saves it on purpose.
  const settled = useDebounced(draft, AUTOSAVE_MS);
  const autosaved = useRef<Draft | null>(null);
  useEffect(() => {
    if (settled !== draft || autosaved.current === draft) return;
    if (!dirty || !editable || base.status !== 'draft' || conflict || save.isPending) return;
    autosaved.current = draft;
    save.mutate(base.version);
  }, [settled, draft, dirty, editable, base, conflict, save]);

  const changeStatus = useMutation({
    mutationFn: (action: 'submit') =>
      must(
        api.POST('/testimonies/{id}/status', {
          params: { path: { id: base.id } },
          body: { action, version: base.version },
        }),
      ),
    onSuccess: accept,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(base.version);
  };
  const set = (field: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));

  return (
    <section className="editor">
      <p className="eyebrow">
        {theCase.data ? (
          <Link to={`/app/cases/${theCase.data.reference}/testimonies`} aria-label={messages.testimonies.title}>
            ←
          </Link>
        ) : null}{' '}
        {base.reference} · {base.witnessPseudonym} ·{' '}
        <span className={`status status-${base.status}`}>{messages.status[base.status]}</span>
      </p>
      <h1>{base.title}</h1>
      {locked ? (
        <div className="locked">
          <p role="status">{messages.editor.locked}</p>
          {can(me, 'testimony.write') ? (
            <button type="button" onClick={() => setReopened(true)}>
              {messages.editor.changeApproved}
            </button>
          ) : null}
        </div>
      ) : null}
      {approved && reopened ? (
        <div className="card" role="group" aria-labelledby="change-approved">
          <h2 id="change-approved">{messages.editor.changeApproved}</h2>
          <p className="warning">{messages.editor.backToReview}</p>
          <label>
            {messages.editor.changeReason}
            <textarea required rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button
            type="button"
            onClick={() => {
              setReopened(false);
              setReason('');
              setDraft(draftOf(base, draft.translationLanguage));
            }}
          >
            {messages.common.cancel}
          </button>
        </div>
      ) : null}
      {conflict ? (
        <ConflictPanel
          mine={draft}
          theirs={draftOf(conflict, draft.translationLanguage)}
          onKeepMine={() => {
            // Rebase the draft on their version; the next save the user asks for overwrites theirs
            // with this text (not an autosave racing the Save button the user is about to press).
            autosaved.current = draft;
            setBase(conflict);
            setConflict(null);
          }}
          onTakeTheirs={() => {
            accept(conflict);
            setDraft(draftOf(conflict, draft.translationLanguage));
            setConflict(null);
          }}
        />
      ) : null}
      <form onSubmit={submit} aria-label={base.reference}>
        <fieldset disabled={!editable}>
          <legend>{messages.editor.metadata}</legend>
          <div className="row">
            <label>
              {messages.testimonies.testimonyTitle}
              <input required value={draft.title} onChange={set('title')} />
            </label>
            <p>
              <span className="muted">{messages.testimonies.forum}</span>
              <br />
              {messages.forum[base.forum]}
            </p>
            <p>
              <span className="muted">{messages.testimonies.interviewDate}</span>
              <br />
              {formatDate(base.interviewDate)}
            </p>
            <p>
              <span className="muted">{messages.testimonies.originalLanguage}</span>
              <br />
              {base.originalLanguage}
            </p>
            <p>
              <span className="muted">{messages.testimonies.interviewers}</span>
              <br />
              <InterviewerNames caseId={base.caseId} ids={base.interviewerIds} />
            </p>
          </div>
          <SideBySide draft={draft} set={set} originalLanguage={base.originalLanguage} />
        </fieldset>
        <div className="actions sticky">
          <span role="status" className="muted">
            {dirty ? messages.editor.unsaved : format(messages.editor.saved, { revision: base.revision })}
          </span>
          <FormError error={save.error instanceof ApiProblem && save.error.status === 409 ? null : save.error} />
          {editable ? (
            <button
              type="submit"
              className="primary"
              disabled={!dirty || save.isPending || Boolean(conflict) || (approved && !reason.trim())}
            >
              {save.isPending ? messages.common.saving : messages.common.save}
            </button>
          ) : null}
          {editable && base.status === 'draft' ? (
            <button
              type="button"
              disabled={dirty || changeStatus.isPending}
              onClick={() => changeStatus.mutate('submit')}
            >
              {messages.editor.submit}
            </button>
          ) : null}
          <FormError error={changeStatus.error} />
        </div>
      </form>
      {editable && base.status === 'draft' ? <p className="muted">{messages.editor.autosaves}</p> : null}
      {dirty && editable ? <p className="muted">{messages.editor.saveBeforeTagging}</p> : null}
      <TaggingView
        testimonyId={base.id}
        caseId={base.caseId}
        narrative={base.narrative ?? ''}
        editable={editable && !dirty && !approved}
      />
      <AttachmentsPanel testimonyId={base.id} canUpload={can(me, 'attachment.upload')} />
      <RevisionHistory testimonyId={base.id} revision={base.revision} />
    </section>
  );
}

/** Original and translation in two columns; scrolling one scrolls the other to the same place. */
function SideBySide({
  draft,
  set,
  originalLanguage,
}: {
  draft: Draft;
  set: (field: keyof Draft) => (event: { target: { value: string } }) => void;
  originalLanguage: string;
}) {
  const { messages } = useI18n();
  const syncScroll = (event: React.UIEvent<HTMLTextAreaElement>) => {
    const source = event.currentTarget;
    const other = source.form?.querySelector<HTMLTextAreaElement>(
      source.name === 'narrative' ? 'textarea[name=translation]' : 'textarea[name=narrative]',
    );
    if (!other) return;
    const ratio = source.scrollTop / Math.max(1, source.scrollHeight - source.clientHeight);
    other.scrollTop = ratio * (other.scrollHeight - other.clientHeight);
  };
  return (
    <div className="side-by-side">
      <label>
        {messages.editor.narrative}
        <textarea
          name="narrative"
          lang={originalLanguage}
          rows={14}
          value={draft.narrative}
          onChange={set('narrative')}
          onScroll={syncScroll}
        />
      </label>
      <div>
        <label>
          {messages.editor.translation}
          <textarea
            name="translation"
            lang={draft.translationLanguage}
            rows={14}
            value={draft.translation}
            onChange={set('translation')}
            onScroll={syncScroll}
          />
        </label>
        <label className="inline">
          {messages.editor.translationLanguage}
          <input value={draft.translationLanguage} size={5} onChange={set('translationLanguage')} />
        </label>
      </div>
    </div>
  );
}
