import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { FormError } from '../ui/states';
import { ResetSummary } from './reset-summary';
import { useSession } from './session';

/**
 * Shown above every signed-in screen while the account's last reset is unconfirmed (issue 23):
 * whoever set the new password or factor may not be the owner, so the owner sees who did it and
 * confirms with a code of their own factor. It cannot be dismissed; confirming is what removes it.
 * A refused identity read or export (ui/states) links here by the id `reset-notice`.
 */
export function ResetNotice() {
  const { messages } = useI18n();
  const { me, reloadMe } = useSession();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const confirm = useMutation({
    mutationFn: () => must(api.POST('/auth/reset/confirm', { body: { code } })),
    // Screens that were refused while held ask again.
    onSuccess: async () => {
      await reloadMe();
      await queryClient.invalidateQueries();
    },
  });
  const reset = me?.lastReset;
  if (!reset || reset.confirmed) return null;
  const text = messages.resetNotice;
  // A factor reset leaves no factor to confirm with: the owner enrols their own first.
  const needsFactor = !me.mfaEnabled;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };
  return (
    <section id="reset-notice" className="reset-notice" aria-labelledby="reset-notice-title" tabIndex={-1}>
      <h2 id="reset-notice-title">{text.title}</h2>
      <p>
        <ResetSummary reset={reset} />
      </p>
      <p>{text.held}</p>
      <p>
        <strong>{text.notYou}</strong>
      </p>
      {needsFactor ? (
        <p>
          {text.enrolFirst} <Link to="/app/second-factor">{messages.mfa.start}</Link>
        </p>
      ) : (
        <form onSubmit={submit} className="reset-confirm">
          <label>
            {text.code}
            <input
              required
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </label>
          <button type="submit" className="primary" disabled={confirm.isPending}>
            {text.confirm}
          </button>
          <FormError error={confirm.error} />
        </form>
      )}
    </section>
  );
}
