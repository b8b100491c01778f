import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CORROBORATION_LEVELS,
  type Agreement,
  type CorroborationLevel,
  type CorroborationRule,
} from './corroboration/corroboration-rule.js';
import { PATTERN_DIMENSIONS, type PatternDimension } from './http/patterns.query.js';
import { DOCUMENT_KINDS } from './http/search.query.js';
import { RANK_AT_MOST } from './search-statements.js';
import type { Highlight, Snippet } from './text/snippet.js';

// The responses, declared once: each class is the OpenAPI description and
// the type the services (and their mappers) return as plain objects; there is no other declaration.

export class HighlightResponse implements Highlight {
  @ApiProperty() start: number;
  @ApiProperty() end: number;
}

export class SnippetResponse implements Snippet {
  @ApiProperty({ example: 'narrative', description: 'summary, narrative, description, translation:<lang> or title' })
  field: string;
  @ApiProperty({ description: 'about 200 characters around the first match; sensitive spans masked (▒)' })
  text: string;
  @ApiProperty({ type: [HighlightResponse], description: 'matched words as offsets into text' })
  highlights: HighlightResponse[];
}

export class SearchHitResponse {
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: (typeof DOCUMENT_KINDS)[number];
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'T-000042' }) reference: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() title: string;
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true, type: String, example: 'W-000123' }) witnessPseudonym: string | null;
  @ApiProperty({ nullable: true, type: String }) language: string | null;
  @ApiProperty({ nullable: true, type: String }) forum: string | null;
  /** ts_rank_cd of the text match (title words weigh more); 0 without a text query. */
  @ApiProperty() rank: number;
  @ApiProperty({ nullable: true, type: SnippetResponse }) snippet: SnippetResponse | null;
}

export class FacetValueResponse {
  @ApiProperty({ description: 'the filter value (a term id for term facets)' }) value: string;
  @ApiProperty() count: number;
  @ApiPropertyOptional() code?: string;
  @ApiPropertyOptional() label?: string;
}

export class FacetsResponse {
  @ApiProperty({ type: [FacetValueResponse] }) kind: FacetValueResponse[];
  @ApiProperty({ type: [FacetValueResponse] }) case: FacetValueResponse[];
  @ApiProperty({ type: [FacetValueResponse] }) forum: FacetValueResponse[];
  @ApiProperty({ type: [FacetValueResponse] }) language: FacetValueResponse[];
  @ApiProperty({ type: [FacetValueResponse] }) status: FacetValueResponse[];
  @ApiProperty({ type: [FacetValueResponse] }) witnessSex: FacetValueResponse[];
  @ApiProperty({ type: [FacetValueResponse] }) witnessBirthDecade: FacetValueResponse[];
  @ApiProperty({ type: [FacetValueResponse] }) violation: FacetValueResponse[];
  @ApiProperty({ type: [FacetValueResponse] }) act: FacetValueResponse[];
  @ApiProperty({ type: [FacetValueResponse] }) facility: FacetValueResponse[];
  @ApiProperty({ type: [FacetValueResponse] }) agency: FacetValueResponse[];
  @ApiProperty({ type: [FacetValueResponse] }) sourceConnection: FacetValueResponse[];
  @ApiProperty({ type: [FacetValueResponse] }) reliability: FacetValueResponse[];
}

/** Hits counted exactly (`eq`), or at least `value` of them (`gte`): counting stops at SEARCH_TRACK_TOTAL_HITS. */
export class SearchTotalResponse {
  @ApiProperty({ description: 'the number of hits, or with relation gte the number counted (the threshold)' })
  value: number;
  @ApiProperty({
    enum: ['eq', 'gte'],
    description: 'eq: exact; gte: at least value hits (counting stops there: show "1,000+")',
  })
  relation: 'eq' | 'gte';
}

export class SearchResultResponse {
  @ApiProperty({ type: [SearchHitResponse] }) items: SearchHitResponse[];
  @ApiProperty({ type: SearchTotalResponse }) total: SearchTotalResponse;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'pass as `after` for the page after this one (keyset: as fast at any depth); null on the last page',
  })
  next: string | null;
  @ApiProperty({
    enum: ['relevance', 'newest'],
    description: `ranked when the text query has at most ${RANK_AT_MOST} hits; otherwise newest first`,
  })
  order: 'relevance' | 'newest';
  @ApiProperty({ nullable: true, type: FacetsResponse }) facets: FacetsResponse | null;
  @ApiProperty({
    nullable: true,
    enum: ['eq', 'gte'],
    description:
      'eq: facets count every hit; gte: they count the first hits found only (as many as total counts), each a lower bound; null without facets',
  })
  facetsRelation: 'eq' | 'gte' | null;
}

/** One cell of the pattern table: the counts of tagged violations with these values. */
export class PatternRowResponse {
  @ApiPropertyOptional({ type: String, format: 'uuid' }) termId?: string | null;
  @ApiPropertyOptional({ type: String }) termCode?: string | null;
  @ApiPropertyOptional({ type: String }) termLabel?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) facilityId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) facilityCode?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) facilityLabel?: string | null;
  /** README: how "circa 1997" counts. */
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'year of the middle of the date range' })
  year?: number | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) agencyId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) agencyCode?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) agencyLabel?: string | null;
  @ApiPropertyOptional({ type: String }) witnessSex?: string | null;
  @ApiProperty({ description: 'tagged violations (tag x violation term)' }) tags: number;
  @ApiProperty() testimonies: number;
  @ApiProperty() witnesses: number;
  @ApiProperty({ description: 'of tags: circa, unknown, or spanning more than one year' }) approximate: number;
}

export class PatternsResponse {
  @ApiProperty({ enum: PATTERN_DIMENSIONS, isArray: true }) by: PatternDimension[];
  @ApiProperty({ type: [PatternRowResponse] }) rows: PatternRowResponse[];
}

export class AgreementCountsResponse {
  @ApiProperty() agree: number;
  @ApiProperty() conflict: number;
  @ApiProperty() unstated: number;
}

export class CorroborationSourceResponse {
  @ApiProperty({ format: 'uuid' }) testimonyId: string;
  @ApiProperty() testimonyReference: string;
  @ApiProperty({ format: 'uuid' }) witnessId: string;
  @ApiProperty() witnessPseudonym: string;
  @ApiProperty({ nullable: true, type: String }) connection: string | null;
  @ApiProperty({ nullable: true, type: String }) reliability: string | null;
  @ApiProperty({ enum: ['agree', 'conflict', 'unstated'] }) date: Agreement;
  @ApiProperty({ enum: ['agree', 'conflict', 'unstated'] }) place: Agreement;
}

export class IncidentCorroborationResponse {
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty() reference: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'distinct witnesses' }) independentSources: number;
  @ApiProperty() direct: number;
  @ApiProperty({ description: 'hearsay, relatives, documents, unstated' }) indirect: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) byConnection: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) reliability: Record<string, number>;
  @ApiProperty({ type: AgreementCountsResponse }) dates: AgreementCountsResponse;
  @ApiProperty({ type: AgreementCountsResponse }) places: AgreementCountsResponse;
  @ApiProperty() agreeingDirect: number;
  @ApiProperty({ enum: CORROBORATION_LEVELS }) level: CorroborationLevel;
  @ApiProperty({ type: [CorroborationSourceResponse] }) sources: CorroborationSourceResponse[];
}

export class CorroborationRuleResponse implements CorroborationRule {
  @ApiProperty() minDirect: number;
  @ApiProperty({ type: [String] }) directConnections: string[];
  @ApiProperty() strict: boolean;
}

export class IncidentRefResponse {
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty() reference: string;
  @ApiProperty() title: string;
}

export class CorroborationResponse {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ type: CorroborationRuleResponse }) rule: CorroborationRuleResponse;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  summary: Record<CorroborationLevel, number>;
  @ApiProperty({ type: [IncidentRefResponse] }) singleSource: IncidentRefResponse[];
  @ApiProperty({ type: [IncidentCorroborationResponse] }) incidents: IncidentCorroborationResponse[];
}
