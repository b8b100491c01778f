import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useMemo, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { can, useSession } from '../session/session';
import { Empty, ErrorState, Loading } from '../ui/states';
import { useDraft } from '../ui/use-draft';
import { LatestCheckpoint } from './audit-checkpoint';

type AuditAction = Schemas['AuditAction'];
type AuditEvent = Schemas['AuditEventPageResponse']['items'][number];

/** The actions offered in the filter; any other can still be typed (the list is a datalist). */
const COMMON_ACTIONS = [
  'witness.identity.read',
  'attachment.download',
  'export.create',
  'testimony.create',
  'testimony.update',
  'testimony.status.change',
  'auth.login.failed',
  'auth.lockout',
  'access.refused',
  'export.download',
  'audit.verify',
] as const satisfies readonly AuditAction[];
const IDENTITY_READ: AuditAction = 'witness.identity.read';
const FILTERS = ['action', 'subjectType', 'subjectId', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];

/**
 * The audit trail (auditors; coordinators see their cases' events): the event stream newest first,
 * filtered by action, subject and dates (kept in the URL, so a filtered view can be shared), identity
 * reads with their reasons one click away, and verification of the hash chain on demand.
 */
export function AuditScreen() {
  const { messages } = useI18n();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(
    () => Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? ''])),
    [params],
  ) as Record<Filter, string>;
  const events = useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      must(
        api.GET('/audit', {
          params: {
            query: {
              limit: 50,
              cursor: pageParam,
              action: (filter.action || undefined) as AuditAction | undefined,
              subjectType: filter.subjectType || undefined,
              subjectId: filter.subjectId || undefined,
              from: filter.from ? new Date(`${filter.from}T00:00:00`).toISOString() : undefined,
              to: filter.to ? new Date(`${filter.to}T00:00:00`).toISOString() : undefined,
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const apply = (next: Record<Filter, string>) =>
    setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => value !== '')), { replace: true });
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section>
      <h1>{messages.audit.title}</h1>
      <p className="muted">{messages.audit.intro}</p>
      {can(me, 'audit.verify') ? <ChainVerification /> : null}
      {can(me, 'audit.verify') ? <LatestCheckpoint /> : null}
      <AuditFilters key={params.toString()} initial={filter} onApply={apply} />
      <h2>{messages.audit.events}</h2>
      {events.isPending ? (
        <Loading />
      ) : events.error ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{messages.audit.empty}</Empty>
      ) : (
        <>
          <AuditTable events={items} />
          {events.hasNextPage ? (
            <button type="button" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
              {events.isFetchingNextPage ? messages.common.loading : messages.audit.older}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

function AuditFilters({
  initial,
  onApply,
}: {
  initial: Record<Filter, string>;
  onApply(next: Record<Filter, string>): void;
}) {
  const { messages } = useI18n();
  const { draft, field } = useDraft<Filter>(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const empty = Object.fromEntries(FILTERS.map((key) => [key, ''])) as Record<Filter, string>;
  return (
    <form className="card" onSubmit={submit} aria-labelledby="audit-filters">
      <h2 id="audit-filters">{messages.audit.filters}</h2>
      <div className="row">
        <label>
          {messages.audit.action}
          <input list="audit-actions" {...field('action')} />
          <datalist id="audit-actions">
            {COMMON_ACTIONS.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </label>
        <label>
          {messages.audit.subjectType}
          <input {...field('subjectType')} />
        </label>
        <label>
          {messages.audit.subjectId}
          <input {...field('subjectId')} />
        </label>
        <label>
          {messages.audit.from}
          <input type="date" {...field('from')} />
        </label>
        <label>
          {messages.audit.to}
          <input type="date" {...field('to')} />
        </label>
      </div>
      <div className="row">
        <button type="submit">{messages.audit.apply}</button>
        <button type="button" onClick={() => onApply({ ...empty, action: IDENTITY_READ })}>
          {messages.audit.identityReads}
        </button>
        <button type="button" onClick={() => onApply(empty)}>
          {messages.audit.clear}
        </button>
      </div>
    </form>
  );
}

function AuditTable({ events }: { events: AuditEvent[] }) {
  const { messages, locale } = useI18n();
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }), [locale]);
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{messages.audit.events}</caption>
        <thead>
          <tr>
            <th scope="col">{messages.audit.seq}</th>
            <th scope="col">{messages.audit.time}</th>
            <th scope="col">{messages.audit.action}</th>
            <th scope="col">{messages.audit.actor}</th>
            <th scope="col">{messages.audit.subject}</th>
            <th scope="col">{messages.audit.reason}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.seq} data-testid="audit-event">
              <td>{event.seq}</td>
              <td>
                <time dateTime={event.occurredAt}>{time.format(new Date(event.occurredAt))}</time>
              </td>
              <td>
                <code>{event.action}</code>
              </td>
              <td>
                {event.actor.role
                  ? (messages.role[event.actor.role as keyof typeof messages.role] ?? event.actor.role)
                  : '—'}
                {event.actor.userId ? <span className="muted"> · {event.actor.userId.slice(0, 8)}</span> : null}
              </td>
              <td>{[event.subjectType, event.subjectId].filter(Boolean).join(' ') || '—'}</td>
              <td>{event.reason ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Recomputes the chain on the server (itself an audited act) and says what it found. */
function ChainVerification() {
  const { messages, format, formatNumber } = useI18n();
  const verify = useMutation({ mutationFn: () => must(api.GET('/audit/verify')) });
  const result = verify.data;
  return (
    <div className="card" aria-labelledby="audit-chain">
      <h2 id="audit-chain">{messages.audit.chain}</h2>
      <button type="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
        {verify.isPending ? messages.audit.verifying : messages.audit.verify}
      </button>
      <div role="status" data-testid="audit-chain-status">
        {verify.error ? <ErrorState error={verify.error} /> : null}
        {result?.ok ? (
          <p className="notice">
            {format(messages.audit.chainOk, { count: formatNumber(result.count) })}{' '}
            <code title={result.headHash}>{result.headHash?.slice(0, 16)}…</code>
          </p>
        ) : null}
        {result && !result.ok ? (
          <p className="error-text">
            {format(messages.audit.chainBroken, { seq: result.seq ?? '?', problem: result.problem ?? '' })}{' '}
            {result.detail}
          </p>
        ) : null}
      </div>
    </div>
  );
}
