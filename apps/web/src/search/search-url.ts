import type { operations } from '../api/schema';

/** GET /search's query, as the generated client types it. */
export type SearchQuery = NonNullable<operations['SearchController_search']['parameters']['query']>;

/**
 * The search's filters as they live in the URL: the API's own parameter names, so a search link is the
 * query itself (shareable, and reloadable), and `after` is the API's keyset cursor of the page shown.
 */
export const SEARCH_FILTERS = [
  'kind',
  'caseId',
  'violation',
  'act',
  'facility',
  'agency',
  'dateFrom',
  'dateTo',
  'witnessSex',
  'birthDecade',
  'language',
  'forum',
  'status',
  'sourceConnection',
  'reliability',
] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];
export type SearchState = Partial<Record<SearchFilter | 'q' | 'after', string>>;

/** What the URL says: the words, each filter set, and the page's cursor. */
export function searchStateOf(params: URLSearchParams): SearchState {
  const state: SearchState = {};
  for (const key of ['q', 'after', ...SEARCH_FILTERS] as const) {
    const value = params.get(key);
    if (value) state[key] = value;
  }
  return state;
}

/** The URL (path and query) of a search; filters in a fixed order so equal searches share a link. */
export function searchHref(state: SearchState): string {
  const params = new URLSearchParams();
  for (const key of ['q', ...SEARCH_FILTERS, 'after'] as const) if (state[key]) params.set(key, state[key]);
  const query = params.toString();
  return query ? `/app/search?${query}` : '/app/search';
}

/** The API query of a URL state (numbers as numbers, enums as the API names them). */
export function searchQueryOf(state: SearchState, limit: number): SearchQuery {
  const { birthDecade, ...rest } = state;
  return {
    ...(rest as Omit<SearchQuery, 'birthDecade'>),
    ...(birthDecade ? { birthDecade: Number(birthDecade) } : {}),
    limit,
  };
}

/** A whole calendar year, as a date filter (the API widens circa dates by a year on each side). */
export function yearRange(year: number): Pick<SearchState, 'dateFrom' | 'dateTo'> {
  return { dateFrom: `${year}-01-01`, dateTo: `${year}-12-31` };
}
