import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../api/client';
import { must } from '../api/problem';
import type { useI18n } from '../i18n/i18n';

/** The caller's cases by id: search answers with case ids, screens are addressed by reference. */
export function useCasesById() {
  const cases = useQuery({
    queryKey: ['cases', 'all'],
    queryFn: () => must(api.GET('/cases', { params: { query: { limit: 200 } } })),
    staleTime: 60_000,
  });
  return useMemo(() => new Map((cases.data?.items ?? []).map((c) => [c.id, c])), [cases.data]);
}

type Messages = ReturnType<typeof useI18n>['messages'];

/** A testimony's or an incident's status in the UI language. */
export function statusName(messages: Messages, status: string): string {
  return (
    (messages.status as Record<string, string>)[status] ??
    (messages.search.incidentStatus as Record<string, string>)[status] ??
    status
  );
}
