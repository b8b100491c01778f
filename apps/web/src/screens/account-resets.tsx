import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { Empty, FormError, QueryView } from '../ui/states';

type ResetRequest = Schemas['ResetRequestResponse'];

/**
 * Resets waiting for a second administrator (issue 23): who asked to reset what of whom, and
 * approve or reject. The administrator who asked cannot approve (the API answers 403), so their
 * own requests offer only withdrawing. An approved password reset shows its one-time password once.
 */
export function AccountResets({ names }: { names: ReadonlyMap<string, string> }) {
  const { messages } = useI18n();
  const pending = useQuery({
    queryKey: ['account-resets'],
    queryFn: () => must(api.GET('/account-resets', { params: { query: { limit: 100 } } })),
  });
  return (
    <section className="card" aria-labelledby="account-resets">
      <h2 id="account-resets">{messages.resets.title}</h2>
      <QueryView query={pending}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{messages.resets.empty}</Empty>
          ) : (
            <ul className="records">
              {page.items.map((request) => (
                <PendingReset key={request.id} request={request} names={names} />
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

function PendingReset({ request, names }: { request: ResetRequest; names: ReadonlyMap<string, string> }) {
  const { messages, format, formatDate } = useI18n();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const text = messages.resets;
  const name = names.get(request.userId) ?? request.userId;
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      must(
        decision === 'approve'
          ? api.POST('/account-resets/{id}/approve', { params: { path: { id: request.id } } })
          : api.POST('/account-resets/{id}/reject', { params: { path: { id: request.id } } }),
      ),
    // The list refreshes only once the one-time password has been read (see "done" below).
    onSuccess: (decision) => {
      if (!decision.temporaryPassword) void queryClient.invalidateQueries({ queryKey: ['account-resets'] });
    },
  });
  const asked = request.requestedBy === me?.id;
  const decided = decide.data;
  return (
    <li data-testid="account-reset">
      <p>
        {format(text.request, {
          what: messages.resetNotice.kind[request.kind],
          name,
          requestedBy: (request.requestedBy && names.get(request.requestedBy)) ?? '—',
          date: formatDate(request.requestedAt),
        })}{' '}
        <span className="muted">{format(text.expires, { date: formatDate(request.expiresAt) })}</span>
      </p>
      {decided?.temporaryPassword ? (
        <>
          <p role="status" className="notice" data-testid="reset-temporary-password">
            {format(messages.users.temporaryPassword, { name, password: decided.temporaryPassword })}
          </p>
          <button type="button" onClick={() => void queryClient.invalidateQueries({ queryKey: ['account-resets'] })}>
            {text.done}
          </button>
        </>
      ) : asked ? (
        <p>
          <span className="muted">{text.waitingForOther}</span>{' '}
          <button type="button" disabled={decide.isPending} onClick={() => decide.mutate('reject')}>
            {format(text.withdraw, { name })}
          </button>
        </p>
      ) : (
        <p>
          <button
            type="button"
            className="primary"
            disabled={decide.isPending}
            onClick={() => decide.mutate('approve')}
          >
            {format(text.approve, { name })}
          </button>{' '}
          <button type="button" disabled={decide.isPending} onClick={() => decide.mutate('reject')}>
            {format(text.reject, { name })}
          </button>
        </p>
      )}
      <FormError error={decide.error} />
    </li>
  );
}
