import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { RecentResetNote } from '../session/recent-reset-note';
import { can, useSession } from '../session/session';
import { Empty, FormError, QueryView } from '../ui/states';

/** My cases, by reference; coordinators open new ones here. */
export function CasesScreen() {
  const { messages, formatDate } = useI18n();
  const { me } = useSession();
  const cases = useQuery({
    queryKey: ['cases'],
    queryFn: () => must(api.GET('/cases', { params: { query: { limit: 200 } } })),
  });
  return (
    <section>
      <h1>{messages.cases.title}</h1>
      <RecentResetNote />
      <QueryView query={cases}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{messages.cases.empty}</Empty>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{messages.cases.reference}</th>
                  <th scope="col">{messages.cases.caseTitle}</th>
                  <th scope="col">{messages.cases.myRole}</th>
                  <th scope="col">{messages.exports.created}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/app/cases/${c.reference}`}>{c.reference}</Link>
                    </td>
                    <td>{c.title}</td>
                    <td>{c.myCaseRole ? messages.caseRole[c.myCaseRole] : '—'}</td>
                    <td>{formatDate(c.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
      {can(me, 'case.create') ? <NewCaseForm /> : null}
    </section>
  );
}

function NewCaseForm() {
  const { messages } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: () => must(api.POST('/cases', { body: { title, description: description || undefined } })),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      await navigate(`/app/cases/${created.reference}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-case">
      <h2 id="new-case">{messages.cases.newCase}</h2>
      <label>
        {messages.cases.caseTitle}
        <input required value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        {messages.cases.description}
        <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <FormError error={create.error} />
      <button type="submit" className="primary" disabled={create.isPending}>
        {messages.cases.open}
      </button>
    </form>
  );
}
