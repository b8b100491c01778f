import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type Schemas } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { can, useSession } from '../session/session';
import { FormError, QueryView } from '../ui/states';

type Scope = Schemas['RecordConsentDto']['scopes'][number];
type Method = Schemas['RecordConsentDto']['method'];
const SCOPES: Scope[] = ['internal', 'un_mechanisms', 'courts', 'public_anonymised', 'public_named'];
const METHODS: Method[] = ['written', 'oral', 'recorded'];

/**
 * A witness's consent ledger: one checkbox per use, saved as a new version (the API never changes
 * a row); unticking narrows it, "withdraw all" records a version with no use. The history lists
 * every version, newest first.
 */
export function ConsentLedger({ witnessId, pseudonym }: { witnessId: string; pseudonym: string }) {
  const { messages } = useI18n();
  const { me } = useSession();
  const ledger = useQuery({
    queryKey: ['witness', witnessId, 'consents'],
    queryFn: () => must(api.GET('/witnesses/{id}/consents', { params: { path: { id: witnessId } } })),
  });
  return (
    <details className="consent">
      <summary>
        {messages.consent.title} · {pseudonym}
      </summary>
      <QueryView query={ledger}>
        {(loaded) => (
          <>
            {can(me, 'consent.write') ? (
              // Keyed by the number of versions: after a save the boxes show the new current consent.
              <ConsentForm key={loaded.records.length} witnessId={witnessId} current={loaded.current.scopes} />
            ) : null}
            <ConsentHistory records={loaded.records} />
          </>
        )}
      </QueryView>
    </details>
  );
}

function ConsentForm({ witnessId, current }: { witnessId: string; current: Scope[] }) {
  const { messages } = useI18n();
  const queryClient = useQueryClient();
  const [scopes, setScopes] = useState<Scope[]>(current);
  const [method, setMethod] = useState<Method>('written');
  const [takenOn, setTakenOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [conditions, setConditions] = useState('');
  const record = useMutation({
    mutationFn: (chosen: Scope[]) =>
      must(
        api.POST('/witnesses/{id}/consents', {
          params: { path: { id: witnessId } },
          body: {
            scopes: chosen,
            method,
            takenAt: new Date(takenOn).toISOString(),
            conditions: conditions || undefined,
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['witness', witnessId, 'consents'] }),
  });
  const toggle = (scope: Scope) =>
    setScopes((now) => (now.includes(scope) ? now.filter((s) => s !== scope) : [...now, scope]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(scopes);
  };
  return (
    <form onSubmit={submit} aria-label={messages.consent.record}>
      <fieldset>
        <legend>{messages.consent.uses}</legend>
        {SCOPES.map((scope) => (
          <label key={scope} className="check">
            <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} />
            {messages.consentScope[scope]}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <label>
          {messages.consent.method}
          <select value={method} onChange={(e) => setMethod(e.target.value as Method)}>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {messages.consentMethod[m]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {messages.consent.takenOn}
          <input type="date" required value={takenOn} onChange={(e) => setTakenOn(e.target.value)} />
        </label>
        <label>
          {messages.consent.conditions}
          <input value={conditions} onChange={(e) => setConditions(e.target.value)} />
        </label>
      </div>
      <FormError error={record.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={record.isPending}>
          {messages.consent.record}
        </button>
        {current.length > 0 ? (
          <button type="button" disabled={record.isPending} onClick={() => record.mutate([])}>
            {messages.consent.withdrawAll}
          </button>
        ) : null}
      </div>
    </form>
  );
}

type ConsentRecord = Schemas['ConsentRecordResponse'];

function ConsentHistory({ records }: { records: ConsentRecord[] }) {
  const { messages, format, formatDate } = useI18n();
  if (records.length === 0) return <p className="empty">{messages.consent.none}</p>;
  return (
    <table>
      <caption>{messages.consent.history}</caption>
      <thead>
        <tr>
          <th scope="col">{messages.consent.version}</th>
          <th scope="col">{messages.consent.uses}</th>
          <th scope="col">{messages.consent.method}</th>
          <th scope="col">{messages.consent.takenOn}</th>
          <th scope="col">{messages.consent.conditions}</th>
        </tr>
      </thead>
      <tbody>
        {[...records]
          .sort((a, b) => b.version - a.version)
          .map((r) => (
            <tr key={r.version} data-testid="consent-version">
              <td>
                {format(messages.consent.versionNumber, { version: r.version })}
                {r.isWithdrawal ? <strong className="warning"> {messages.consent.narrowed}</strong> : null}
              </td>
              <td>
                {r.scopes.length ? r.scopes.map((s) => messages.consentScope[s]).join(', ') : messages.consent.noUse}
              </td>
              <td>{messages.consentMethod[r.method]}</td>
              <td>{formatDate(r.takenAt)}</td>
              <td>{r.conditions || '—'}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
