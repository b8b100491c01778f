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

export interface SearchResultView extends Page<SearchHitView> {
  /** `relevance` (ranked), or `newest` first: without a text query, or with more hits than are ranked. */
  order: 'relevance' | 'newest';
  facets: Facets | null;
}
