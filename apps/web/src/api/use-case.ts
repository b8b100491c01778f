import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './client';
import { must } from './problem';

/**
 * The case behind a screen's URL. Screens are addressed by the case reference
 * (`/app/cases/CASE-2026-0001`), which the API takes wherever it takes a case id.
 */
export const caseQuery = (caseRef: string) =>
  queryOptions({
    queryKey: ['case', caseRef],
    queryFn: () => must(api.GET('/cases/{id}', { params: { path: { id: caseRef } } })),
  });

export function useCase(caseRef: string) {
  return useQuery(caseQuery(caseRef));
}

/** The case's id, for the few API inputs that take only ids (list filters, a new record's caseId). */
export async function caseIdOf(queryClient: QueryClient, caseRef: string): Promise<string> {
  return (await queryClient.fetchQuery(caseQuery(caseRef))).id;
}

export function useCaseIdOf() {
  const queryClient = useQueryClient();
  return (caseRef: string) => caseIdOf(queryClient, caseRef);
}
