import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { authFetch } from '../api/client';
import { api, type Schemas } from '../api/client';
import { ApiProblem, must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { saveResponse } from '../ui/save-file';
import { Empty, FormError, QueryView } from '../ui/states';
import { ExportPreviewPanel } from './export-preview';

type Profile = Schemas['CreateExportDto']['profile'];
const PROFILES: Profile[] = ['un-submission', 'prosecution', 'public-anonymised', 'internal'];

/** Choose a profile and recipient, create the signed bundle, download it; the case's register below. */
export function ExportScreen() {
  const { caseRef: caseId = '' } = useParams();
  const { messages, formatDate, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const [profile, setProfile] = useState<Profile>('un-submission');
  const [recipient, setRecipient] = useState('');
  const chosen = useChosenTestimonies();
  const [testimonyIds, setTestimonyIds] = useState<string[]>(chosen.ids);
  // The API refuses an export that would carry nothing (or an empty file) until the user confirms it.
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const register = useQuery({
    queryKey: ['case', caseId, 'exports'],
    queryFn: () => must(api.GET('/cases/{id}/exports', { params: { path: { id: caseId } } })),
  });
  const body = () => ({
    profile,
    recipient,
    ...(testimonyIds.length > 0 ? { testimonyIds } : {}),
    ...(confirmEmpty ? { confirmEmpty: true } : {}),
  });
  const create = useMutation({
    mutationFn: () => must(api.POST('/cases/{id}/exports', { params: { path: { id: caseId } }, body: body() })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['case', caseId, 'exports'] }),
  });
  const preview = useMutation({
    mutationFn: () => must(api.POST('/cases/{id}/exports/preview', { params: { path: { id: caseId } }, body: body() })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section>
      <p className="eyebrow">
        <Link to={`/app/cases/${caseId}`} aria-label={messages.common.backToCase}>
          ←
        </Link>
      </p>
      <h1>{messages.exports.title}</h1>
      <form className="card" onSubmit={submit}>
        <div className="row">
          <label>
            {messages.exports.profile}
            <select
              value={profile}
              onChange={(e) => {
                preview.reset(); // a preview shown must always be of the profile chosen
                setProfile(e.target.value as Profile);
              }}
            >
              {PROFILES.map((p) => (
                <option key={p} value={p}>
                  {messages.profile[p]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {messages.exports.recipient}
            <input required value={recipient} onChange={(e) => setRecipient(e.target.value)} />
          </label>
        </div>
        {chosen.ids.length > 0 ? (
          <fieldset data-testid="export-chosen">
            <legend>{messages.search.exportOnly}</legend>
            <div className="actions">
              {chosen.ids.map((id) => (
                <label key={id} className="check">
                  <input
                    type="checkbox"
                    checked={testimonyIds.includes(id)}
                    onChange={(e) => {
                      preview.reset();
                      setTestimonyIds((ids) => (e.target.checked ? [...ids, id] : ids.filter((other) => other !== id)));
                    }}
                  />
                  {chosen.references[id] ?? id.slice(0, 8)}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        <FormError error={create.error} />
        {(confirmEmpty || asksToConfirmEmpty(create.error)) && (
          <label className="checkbox">
            <input type="checkbox" checked={confirmEmpty} onChange={(e) => setConfirmEmpty(e.target.checked)} />
            {messages.exports.confirmEmpty}
          </label>
        )}
        <FormError error={preview.error} />
        <div className="row">
          <button type="button" disabled={preview.isPending} onClick={() => preview.mutate()}>
            {messages.exports.preview.button}
          </button>
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? messages.common.saving : messages.exports.start}
          </button>
        </div>
      </form>
      {preview.data && <ExportPreviewPanel preview={preview.data} />}
      <h2>{messages.exports.register}</h2>
      <QueryView query={register}>
        {(exports) =>
          exports.length === 0 ? (
            <Empty>{messages.exports.empty}</Empty>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{messages.exports.created}</th>
                  <th scope="col">{messages.exports.profile}</th>
                  <th scope="col">{messages.exports.recipient}</th>
                  <th scope="col">{messages.exports.by}</th>
                  <th scope="col">{messages.exports.withheld}</th>
                  <th scope="col">
                    <span className="visually-hidden">{messages.exports.download}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {exports.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDate(e.createdAt)}</td>
                    <td>{messages.profile[e.profile]}</td>
                    <td>{e.recipient}</td>
                    <td>{formatNumber(e.size)} B</td>
                    <td>{formatNumber(e.withheld.length)}</td>
                    <td>
                      <DownloadButton exportId={e.id} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
    </section>
  );
}

/**
 * Testimonies handed over by search ("select hits → export"): their ids in the URL (`?testimonies=`),
 * their references in the navigation state when there is one (a reloaded link shows short ids).
 */
function useChosenTestimonies(): { ids: string[]; references: Record<string, string> } {
  const [params] = useSearchParams();
  const location = useLocation();
  const ids = (params.get('testimonies') ?? '').split(',').filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const references = ((location.state as { references?: Record<string, string> } | null)?.references ?? {}) as Record<
    string,
    string
  >;
  return { ids, references };
}

/** A 400 whose field errors name confirmEmpty: the export would be empty and needs the user's yes. */
function asksToConfirmEmpty(error: unknown): boolean {
  if (!(error instanceof ApiProblem) || error.status !== 400) return false;
  const fields = (error.body as { errors?: Array<{ field?: string }> } | undefined)?.errors ?? [];
  return fields.some((field) => field.field === 'confirmEmpty');
}

/** The download needs the bearer token, so it is fetched and handed to the browser as a file. */
function DownloadButton({ exportId }: { exportId: string }) {
  const { messages } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setError(null);
    const response = await authFetch(new Request(new URL(`/exports/${exportId}/download`, window.location.origin)));
    if (!response.ok) return setError(new Error(`${response.status}`));
    await saveResponse(response, `${exportId}.zip`);
  };
  return (
    <>
      <button type="button" onClick={() => void download()}>
        {messages.exports.download}
      </button>
      <FormError error={error} />
    </>
  );
}
