import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { api, type Schemas } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { Empty, FormError, QueryView } from '../ui/states';
import { AccountResets } from './account-resets';
import { UserResetActions } from './user-reset-actions';

type Role = Schemas['CreateUserDto']['role'];
const ROLES: Role[] = ['coordinator', 'investigator', 'analyst', 'legal_reviewer', 'auditor', 'admin'];

/**
 * Accounts (administrators): the list with password and factor resets, resets waiting for a
 * second administrator, and a new account with a temporary password shown once.
 */
export function UsersScreen() {
  const { messages, format } = useI18n();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () => must(api.GET('/users', { params: { query: { limit: 200 } } })),
  });
  const names = useMemo(() => new Map((users.data?.items ?? []).map((u) => [u.id, u.displayName])), [users.data]);
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('investigator');
  const create = useMutation({
    mutationFn: () => must(api.POST('/users', { body: { displayName, email, role } })),
    onSuccess: () => {
      setDisplayName('');
      setEmail('');
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section>
      <h1>{messages.users.title}</h1>
      <form className="card" onSubmit={submit} aria-labelledby="create-user">
        <h2 id="create-user">{messages.users.create}</h2>
        <div className="row">
          <label>
            {messages.users.displayName}
            <input required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          </label>
          <label>
            {messages.users.email}
            <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label>
            {messages.users.role}
            <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {messages.role[r]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <FormError error={create.error} />
        {create.data?.temporaryPassword ? (
          <p role="status" className="notice" data-testid="temporary-password">
            {format(messages.users.temporaryPassword, {
              name: create.data.user.displayName,
              password: create.data.temporaryPassword,
            })}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={create.isPending}>
          {messages.common.create}
        </button>
      </form>
      <AccountResets names={names} />
      <QueryView query={users}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{messages.common.none}</Empty>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{messages.users.displayName}</th>
                  <th scope="col">{messages.users.email}</th>
                  <th scope="col">{messages.users.role}</th>
                  <th scope="col">{messages.resets.actions}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((u) => (
                  <tr key={u.id}>
                    <td>{u.displayName}</td>
                    <td>{u.email}</td>
                    <td>{messages.role[u.role]}</td>
                    {/* One's own password and factor are changed on their own screens, not reset. */}
                    <td>{u.id === me?.id ? null : <UserResetActions user={u} />}</td>
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
