import type { Page } from '@sillok/core';
import type { Snippet } from './text/snippet.js';

export interface SearchHitView {
  kind: 'testimony' | 'incident';
  id: string;
  reference: string;
  caseId: string;
  title: string;
  status: string;
  /** Testimonies only: the witness by pseudonym (identities are never searched nor shown). */
  witnessPseudonym: string | null;
  language: string | null;
  forum: string | null;
  /** ts_rank_cd of the text match (title words weigh more); 0 without a text query. */
  rank: number;
  snippet: Snippet | null;
}

export interface FacetValue {
  value: string;
  count: number;
  /** Term facets: the term's code and English label. */
  code?: string;
  label?: string;
}

export type FacetName =
  | 'kind'
  | 'case'
  | 'forum'
  | 'language'
  | 'status'
  | 'witnessSex'
  | 'witnessBirthDecade'
  | 'violation'
  | 'act'
  | 'facility'
  | 'agency'
  | 'sourceConnection'
  | 'reliability';

export type Facets = Record<FacetName, FacetValue[]>;

/** Hits counted exactly (`eq`), or at least `value` of them (`gte`): counting stops at SEARCH_TRACK_TOTAL_HITS. */
export interface SearchTotal {
  value: number;
  relation: 'eq' | 'gte';
}

export interface SearchResultView extends Omit<Page<SearchHitView>, 'total'> {
  total: SearchTotal;
  /** `relevance` (ranked), or `newest` first: without a text query, or with more hits than are ranked. */
  order: 'relevance' | 'newest';
  /** The cursor of the page after this one (`after=`), or null when this page is the last. */
  next: string | null;
  facets: Facets | null;
  /** `eq`: the facets count every hit; `gte`: they count the first hits only (each count a lower bound); null without facets. */
  facetsRelation: 'eq' | 'gte' | null;
}
