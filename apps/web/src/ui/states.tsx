import type { ReactNode } from 'react';
import { ApiProblem } from '../api/problem';
import { useI18n } from '../i18n/i18n';

/** The loading, error and empty states every screen shows the same way. */
export function Loading() {
  const { messages } = useI18n();
  return (
    <p role="status" className="muted">
      {messages.common.loading}
    </p>
  );
}

/** A 403 because the account's last reset is not yet confirmed by its owner (issue 23). */
function heldAfterReset(error: unknown): boolean {
  if (!(error instanceof ApiProblem) || error.status !== 403) return false;
  return (error.body as { resetConfirmationRequired?: boolean } | undefined)?.resetConfirmationRequired === true;
}

/** Says why an identity read or export was refused after a reset, and points to the notice that ends it. */
function HeldAfterReset() {
  const { messages } = useI18n();
  return (
    <p role="alert" className="error-text" data-testid="reset-held">
      {messages.resetNotice.heldError} <a href="#reset-notice">{messages.resetNotice.heldLink}</a>
    </p>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { messages } = useI18n();
  if (heldAfterReset(error)) return <HeldAfterReset />;
  const notFound = error instanceof ApiProblem && error.status === 404;
  return (
    <div role="alert" className="error-box">
      <p>{notFound ? messages.common.notFound : messages.common.error}</p>
      {!notFound && error instanceof Error && error.message ? <p className="muted">{error.message}</p> : null}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {messages.common.retry}
        </button>
      ) : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** Renders the query's states, and its data only once there is some. */
export function QueryView<T>({
  query,
  children,
}: {
  query: { isPending: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data as T)}</>;
}

export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  if (heldAfterReset(error)) return <HeldAfterReset />;
  return (
    <p role="alert" className="error-text">
      {error instanceof Error ? error.message : String(error)}
    </p>
  );
}
