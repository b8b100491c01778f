import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { must } from '../api/problem';
import { useCaseIdOf } from '../api/use-case';
import { useI18n } from '../i18n/i18n';
import { Empty, QueryView } from '../ui/states';

/**
 * The case's witnesses or testimonies (one query and cache entry each, shared by every screen that
 * lists them). The URL names the case by reference; the list filter takes its id.
 */
export function useCaseWitnesses(caseRef: string) {
  const caseIdOf = useCaseIdOf();
  return useQuery({
    queryKey: ['case', caseRef, 'witnesses'],
    queryFn: async () =>
      must(api.GET('/witnesses', { params: { query: { caseId: await caseIdOf(caseRef), limit: 200 } } })),
  });
}

export function useCaseTestimonies(caseRef: string) {
  const caseIdOf = useCaseIdOf();
  return useQuery({
    queryKey: ['case', caseRef, 'testimonies'],
    queryFn: async () =>
      must(api.GET('/testimonies', { params: { query: { caseId: await caseIdOf(caseRef), limit: 200 } } })),
  });
}

/** A list screen of one case's records: the way back to the case, the title, the list's states, then more. */
export function CaseRecordList<T>({
  caseRef,
  title,
  empty,
  query,
  children,
  footer,
}: {
  caseRef: string;
  title: string;
  empty: string;
  query: { isPending: boolean; error: unknown; data: { items: T[] } | undefined; refetch: () => unknown };
  children: (items: T[]) => ReactNode;
  footer?: ReactNode;
}) {
  const { messages } = useI18n();
  return (
    <section>
      <p className="eyebrow">
        <Link to={`/app/cases/${caseRef}`} aria-label={messages.common.backToCase}>
          ←
        </Link>
      </p>
      <h1>{title}</h1>
      <QueryView query={query}>
        {(page) => (page.items.length === 0 ? <Empty>{empty}</Empty> : children(page.items))}
      </QueryView>
      {footer}
    </section>
  );
}
