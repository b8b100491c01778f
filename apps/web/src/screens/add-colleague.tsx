import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api, type Schemas } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { useDebounced } from '../ui/use-debounced';
import { FormError } from '../ui/states';

type CaseRole = 'lead' | 'member' | 'viewer';

/** Picker: type part of a name or email, choose one of the active accounts found, give a case role. */
export function AddColleague({ caseId }: { caseId: string }) {
  const { messages, format } = useI18n();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Schemas['MemberCandidateResponse'] | null>(null);
  const [caseRole, setCaseRole] = useState<CaseRole>('member');
  const search = useDebounced(q.trim(), 250);
  const resultsId = useId();
  const candidates = useQuery({
    queryKey: ['case', caseId, 'candidates', search],
    enabled: search.length > 0,
    queryFn: () =>
      must(api.GET('/cases/{id}/member-candidates', { params: { path: { id: caseId }, query: { q: search } } })),
  });
  const add = useMutation({
    mutationFn: (userId: string) =>
      must(api.POST('/cases/{id}/members', { params: { path: { id: caseId } }, body: { userId, caseRole } })),
    onSuccess: async () => {
      setChosen(null);
      setQ('');
      await queryClient.invalidateQueries({ queryKey: ['case', caseId] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) add.mutate(chosen.userId);
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="add-colleague">
      <h2 id="add-colleague">{messages.casePage.addColleague}</h2>
      <label>
        {messages.casePage.findColleague}
        <input type="search" value={q} aria-controls={resultsId} onChange={(e) => setQ(e.target.value)} />
      </label>
      <div id={resultsId} aria-live="polite">
        {q.trim() && search && candidates.data ? (
          candidates.data.length === 0 ? (
            <p className="muted">{messages.casePage.noCandidates}</p>
          ) : (
            <ul className="choices">
              {candidates.data.map((c) => (
                <li key={c.userId}>
                  <button type="button" aria-pressed={chosen?.userId === c.userId} onClick={() => setChosen(c)}>
                    {c.displayName} · {c.email} · {messages.role[c.role as keyof typeof messages.role] ?? c.role}
                  </button>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </div>
      {chosen ? <p>{format(messages.casePage.chosen, { name: chosen.displayName })}</p> : null}
      <label>
        {messages.casePage.caseRole}
        <select value={caseRole} onChange={(e) => setCaseRole(e.target.value as CaseRole)}>
          {(['member', 'viewer', 'lead'] as const).map((role) => (
            <option key={role} value={role}>
              {messages.caseRole[role]}
            </option>
          ))}
        </select>
      </label>
      <FormError error={add.error} />
      <button type="submit" className="primary" disabled={!chosen || add.isPending}>
        {messages.common.add}
      </button>
    </form>
  );
}
