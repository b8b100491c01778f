import { useQueries } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { must } from '../api/problem';
import type { Locale } from '../i18n/i18n';

export type Term = Schemas['TermResponse'];

/** A term's name in the UI language: Korean label, Japanese label (attributes.labelJa), else English. */
export function termLabel(term: Term, locale: Locale): string {
  if (locale === 'ko' && term.labelKo) return term.labelKo;
  const labelJa = (term.attributes as Record<string, unknown> | null)?.labelJa;
  if (locale === 'ja' && typeof labelJa === 'string') return labelJa;
  return term.labelEn;
}

/** The terms of these ids, each fetched once and kept (terms are vocabulary, not case content). */
export function useTerms(ids: string[]): Map<string, Term> {
  const results = useQueries({
    queries: [...new Set(ids)].map((id) => ({
      queryKey: ['term', id],
      staleTime: Infinity,
      queryFn: () => must(api.GET('/taxonomy/terms/{id}', { params: { path: { id } } })),
    })),
  });
  return new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data] as const] : [])));
}
