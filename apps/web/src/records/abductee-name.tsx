import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { can, useSession } from '../session/session';
import { FormError } from '../ui/states';

/**
 * A sealed abductee name, read only with a stated reason (audited as abductee.name.read), as a
 * witness identity is. The name stays in this component's state: never cached, gone with the screen.
 */
export function AbducteeName({ abducteeId }: { abducteeId: string }) {
  const { messages } = useI18n();
  const { me } = useSession();
  const m = messages.records;
  const [reason, setReason] = useState('');
  const [revealed, setRevealed] = useState<string | null>(null);
  const read = useMutation({
    mutationFn: () =>
      must(api.POST('/abductees/{id}/name/read', { params: { path: { id: abducteeId } }, body: { reason } })),
    onSuccess: (answer) => setRevealed(answer.name ?? '—'),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    read.mutate();
  };
  return (
    <details className="identity">
      <summary>
        {m.name}: {m.sealed}
      </summary>
      <p className="muted">{m.sealedNote}</p>
      {can(me, 'witness.identity.read') ? (
        <form onSubmit={submit} aria-label={m.readName}>
          <label>
            {m.readReason}
            <input required minLength={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <FormError error={read.error} />
          {revealed ? (
            <p role="status" className="revealed" data-testid="abductee-name">
              {m.name}: <strong>{revealed}</strong>
            </p>
          ) : null}
          <button type="submit" disabled={read.isPending}>
            {m.readName}
          </button>
        </form>
      ) : null}
    </details>
  );
}
