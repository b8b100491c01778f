import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { FormError } from '../ui/states';

/**
 * An action the API takes only with a reason kept in the audit trail (withdraw, remove, read a
 * sealed name): a disclosure with the reason field and the button that does it.
 */
export function ReasonAction({
  label,
  reasonLabel,
  run,
  onDone,
}: {
  label: string;
  reasonLabel: string;
  run: (reason: string) => Promise<unknown>;
  onDone?: () => void;
}) {
  const { messages } = useI18n();
  const [reason, setReason] = useState('');
  const action = useMutation({ mutationFn: () => run(reason.trim()), onSuccess: () => onDone?.() });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.mutate();
  };
  return (
    <details className="reason-action">
      <summary>{label}</summary>
      <form onSubmit={submit} aria-label={label}>
        <label>
          {reasonLabel}
          <input required minLength={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <FormError error={action.error} />
        <button type="submit" disabled={action.isPending}>
          {action.isPending ? messages.common.saving : label}
        </button>
      </form>
    </details>
  );
}
