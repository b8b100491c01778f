import { ApiProperty } from '@nestjs/swagger';
import { SCHEME_NAMES, TERM_STATUSES, type TermOrigin, type TermStatus } from './taxonomy-schemes.js';
import { COORDINATE_PRECISIONS } from './taxonomy-term.view.js';

// The taxonomy responses, declared once: each class is both the OpenAPI description and the type
// the mappers (taxonomy-term.view.ts) and services return as plain objects, so the controller's
// return types keep a service from handing out a field the document does not describe.

const TERM_ORIGINS: TermOrigin[] = ['seed', 'local'];
const MATCHED_FIELDS: Array<LookupMatchedResponse['field']> = ['code', 'labelEn', 'labelKo', 'alias'];

export class TermCoordinatesResponse {
  @ApiProperty({ example: 39.73, minimum: -90, maximum: 90 })
  latitude: number;

  @ApiProperty({ example: 126.88, minimum: -180, maximum: 180 })
  longitude: number;

  @ApiProperty({ enum: COORDINATE_PRECISIONS, description: 'county: somewhere in that county, not the place itself' })
  precision: (typeof COORDINATE_PRECISIONS)[number];

  @ApiProperty({ type: String, nullable: true, example: 'Yodok County, South Hamgyong Province' })
  basis: string | null;
}

/** A term as the API and other libraries see it (entities never leave the service). */
export class TermResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: SCHEME_NAMES })
  scheme: string;

  @ApiProperty({ example: 'kwanliso-15', description: 'unique in the scheme' })
  code: string;

  @ApiProperty({ example: 'Kwanliso No. 15 (Yodok)' })
  labelEn: string;

  @ApiProperty({ type: String, nullable: true, example: '요덕 제15호 관리소' })
  labelKo: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'a term of the same scheme' })
  parentId: string | null;

  @ApiProperty({ type: [String], description: 'other names: romanisations, Hangul, abbreviations' })
  aliases: string[];

  @ApiProperty({ type: String, nullable: true })
  notes: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'structured facts, e.g. { "facilityType": "kwanliso", "number": 15 }',
  })
  attributes: Record<string, unknown>;

  @ApiProperty({
    type: TermCoordinatesResponse,
    nullable: true,
    description: 'approximate public coordinates of a facility (attributes.coordinates); null for other terms',
  })
  coordinates: TermCoordinatesResponse | null;

  @ApiProperty({ enum: TERM_STATUSES, description: 'deprecated terms stay readable but are not for new tagging' })
  status: TermStatus;

  @ApiProperty({ type: String, nullable: true, description: 'set when deprecated' })
  deprecatedReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'set when deprecated' })
  deprecatedAt: string | null;

  @ApiProperty({ enum: TERM_ORIGINS, description: 'seed: shipped by migration; local: added by a coordinator' })
  origin: TermOrigin;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the coordinator; null for seeded terms' })
  createdBy: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ description: 'send it back with an edit or deprecation; 409 when it has moved on' })
  version: number;
}

export class TermTreeNodeResponse extends TermResponse {
  @ApiProperty({ type: () => [TermTreeNodeResponse], description: 'the sub-terms, in code order' })
  children: TermTreeNodeResponse[];
}

export class SchemeResponse {
  @ApiProperty({ enum: SCHEME_NAMES })
  scheme: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ description: 'whether coordinators may add terms (closed lists change by migration only)' })
  localTerms: boolean;

  @ApiProperty({ description: 'all terms, deprecated included' })
  termCount: number;

  @ApiProperty()
  activeTermCount: number;
}

/** Which name of the term matched: its code, a label or an alias, as written. */
export class LookupMatchedResponse {
  @ApiProperty({ enum: MATCHED_FIELDS, description: 'which name of the term matched' })
  field: 'code' | 'labelEn' | 'labelKo' | 'alias';

  @ApiProperty({ description: 'that name, as written on the term' })
  text: string;
}

export class LookupMatchResponse {
  @ApiProperty({
    enum: ['exact', 'suggestion'],
    description: 'exact: the normalised names are equal; suggestion: only similar',
  })
  kind: 'exact' | 'suggestion';

  @ApiProperty({ enum: SCHEME_NAMES })
  scheme: string;

  @ApiProperty({ type: TermResponse })
  term: TermResponse;

  @ApiProperty({ type: LookupMatchedResponse })
  matched: LookupMatchedResponse;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'trigram similarity of the normalised names; 1 when exact' })
  similarity: number;
}

export class LookupResultResponse {
  @ApiProperty({ example: 'Yodeok' })
  query: string;

  @ApiProperty({ description: 'the query as normalised for matching (case, accents, romanisation folded)' })
  key: string;

  @ApiProperty({ type: [LookupMatchResponse], description: 'terms of the same normalised name' })
  matches: LookupMatchResponse[];

  @ApiProperty({ type: [LookupMatchResponse], description: 'only similar names, never to be taken as a match' })
  suggestions: LookupMatchResponse[];
}

export class TermDescendantsResponse {
  @ApiProperty({ format: 'uuid' })
  termId: string;

  @ApiProperty({ type: [String], description: 'every term below this one, deprecated included; not the term itself' })
  descendantIds: string[];
}
