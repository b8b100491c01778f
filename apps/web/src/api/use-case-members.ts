import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { must } from './problem';

/** The case's members: one query (and one cache entry) for the case page and the interviewer picker. */
export function useCaseMembers(caseId: string) {
  return useQuery({
    queryKey: ['case', caseId, 'members'],
    queryFn: () => must(api.GET('/cases/{id}/members', { params: { path: { id: caseId }, query: { limit: 200 } } })),
  });
}
