import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { can, useSession } from '../session/session';
import { FormError } from '../ui/states';

/**
 * A witness's identity: stored encrypted, read only with a stated reason (recorded). The revealed
 * name stays in this component's state: it is not cached and disappears when the screen closes.
 */
export function WitnessIdentity({ witnessId, pseudonym }: { witnessId: string; pseudonym: string }) {
  const { messages } = useI18n();
  const { me } = useSession();
  const [legalName, setLegalName] = useState('');
  const [reason, setReason] = useState('');
  const [revealed, setRevealed] = useState<string | null>(null);
  const store = useMutation({
    mutationFn: () =>
      must(api.PUT('/witnesses/{id}/identity', { params: { path: { id: witnessId } }, body: { legalName } })),
    onSuccess: () => setLegalName(''),
  });
  const reveal = useMutation({
    mutationFn: () =>
      must(api.POST('/witnesses/{id}/identity/read', { params: { path: { id: witnessId } }, body: { reason } })),
    onSuccess: (read) => setRevealed(read.identity.legalName),
  });
  const submitStore = (event: FormEvent) => {
    event.preventDefault();
    store.mutate();
  };
  const submitReveal = (event: FormEvent) => {
    event.preventDefault();
    reveal.mutate();
  };
  return (
    <details className="identity">
      <summary>
        {messages.witnesses.identity} · {pseudonym}
      </summary>
      {can(me, 'witness.identity.write') ? (
        <form onSubmit={submitStore}>
          <label>
            {messages.witnesses.legalName}
            <input required autoComplete="off" value={legalName} onChange={(e) => setLegalName(e.target.value)} />
          </label>
          <FormError error={store.error} />
          {store.isSuccess ? <p role="status">{messages.witnesses.identityStored}</p> : null}
          <button type="submit">{messages.witnesses.saveIdentity}</button>
        </form>
      ) : null}
      {can(me, 'witness.identity.read') ? (
        <form onSubmit={submitReveal}>
          <p className="muted">{messages.witnesses.revealNote}</p>
          <label>
            {messages.witnesses.revealReason}
            <input required minLength={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <FormError error={reveal.error} />
          {revealed ? (
            <p role="status" className="revealed">
              {messages.witnesses.legalName}: <strong>{revealed}</strong>
            </p>
          ) : null}
          <button type="submit">{messages.witnesses.reveal}</button>
        </form>
      ) : null}
    </details>
  );
}
