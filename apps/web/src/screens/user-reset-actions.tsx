import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { problemOf } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { FormError } from '../ui/states';

type User = Schemas['UserResponse'];
type Kind = 'password' | 'mfa';

/** What a reset answered: done at once (a one-time password, or the factor removed) or waiting. */
type Outcome = { waiting: true } | { waiting: false; temporaryPassword?: string };

/**
 * An administrator's reset buttons on one account row. Each asks once more (a reset ends the
 * account's sessions). An account that reads identities or exports answers 202: the reset waits
 * for a second administrator (issue 23), and the row says so instead of claiming it is done.
 */
export function UserResetActions({ user }: { user: User }) {
  const { messages, format } = useI18n();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<Kind | null>(null);
  const reset = useMutation({
    mutationFn: async (kind: Kind): Promise<Outcome> => {
      const path = { params: { path: { id: user.id } } };
      const answer =
        kind === 'password'
          ? await api.POST('/users/{id}/reset-password', path)
          : await api.POST('/users/{id}/mfa/reset', path);
      const { response, error } = answer;
      if (!response.ok) throw problemOf(response.status, response.statusText, error);
      if (response.status === 202) return { waiting: true };
      const data = answer.data as { temporaryPassword?: string } | undefined;
      return { waiting: false, temporaryPassword: data?.temporaryPassword };
    },
    onSuccess: () => {
      setAsking(null);
      void queryClient.invalidateQueries({ queryKey: ['account-resets'] });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const text = messages.resets;
  const outcome = reset.data;
  return (
    <>
      {asking ? (
        <>
          <button type="button" className="danger" disabled={reset.isPending} onClick={() => reset.mutate(asking)}>
            {format(asking === 'password' ? text.confirmPassword : text.confirmMfa, { name: user.displayName })}
          </button>{' '}
          <button type="button" onClick={() => setAsking(null)}>
            {messages.common.cancel}
          </button>
        </>
      ) : (
        <>
          <button type="button" onClick={() => setAsking('password')}>
            {format(text.resetPassword, { name: user.displayName })}
          </button>{' '}
          {user.mfaEnabled ? (
            <button type="button" onClick={() => setAsking('mfa')}>
              {format(text.resetMfa, { name: user.displayName })}
            </button>
          ) : null}
        </>
      )}
      {outcome ? (
        <p role="status" className="notice" data-testid="reset-outcome">
          {outcome.waiting
            ? text.waiting
            : outcome.temporaryPassword
              ? format(messages.users.temporaryPassword, {
                  name: user.displayName,
                  password: outcome.temporaryPassword,
                })
              : text.mfaRemoved}
        </p>
      ) : null}
      <FormError error={reset.error} />
    </>
  );
}
