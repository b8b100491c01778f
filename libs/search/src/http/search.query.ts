import { ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CASE_REFERENCE_PATTERN } from '@sillok/cases';
import { idOrReference, LANGUAGE_TAG, PageQueryDto, ValidateBoolean } from '@sillok/core';
import { FORUMS, TESTIMONY_STATUSES, WITNESS_SEXES } from '@sillok/testimonies';
import { INCIDENT_STATUSES, ListIncidentsQuery } from '@sillok/incidents';

export const DOCUMENT_KINDS = ['testimony', 'incident'] as const;
const CASE_ID_OR_REFERENCE = idOrReference(CASE_REFERENCE_PATTERN);

/**
 * The filters shared by search and patterns: case (by id or reference), facility by any name, agency and the date range
 * (overlap, real dates only) as the incident list takes them, and a violation term.
 */
export class EventFilterQuery extends PickType(ListIncidentsQuery, [
  'facility',
  'agency',
  'dateFrom',
  'dateTo',
] as const) {
  @ApiPropertyOptional({
    description: "the case's id (UUID) or its reference; omitted: every case the caller is a member of",
    pattern: CASE_ID_OR_REFERENCE.source,
    example: 'CASE-2026-0001',
  })
  @IsOptional()
  @Matches(CASE_ID_OR_REFERENCE, { message: 'caseId must be a UUID or a case reference such as CASE-2026-0001' })
  caseId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a coi-violation term; its descendants match too' })
  @IsOptional()
  @IsUUID()
  violation?: string;
}

export class SearchQuery extends IntersectionType(PageQueryDto, EventFilterQuery) {
  @ApiPropertyOptional({
    description: 'words (all must match; English is stemmed, Korean/Japanese match inside words) and "quoted phrases"',
    example: '요덕 "beaten by guards"',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  q?: string;

  @ApiPropertyOptional({ enum: DOCUMENT_KINDS, description: 'testimonies or incidents only' })
  @IsOptional()
  @IsIn(DOCUMENT_KINDS)
  kind?: (typeof DOCUMENT_KINDS)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'a rome-art7 act; its descendants match too' })
  @IsOptional()
  @IsUUID()
  act?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a source-connection term (victim, eyewitness, hearsay...)' })
  @IsOptional()
  @IsUUID()
  sourceConnection?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a reliability term' })
  @IsOptional()
  @IsUUID()
  reliability?: string;

  @ApiPropertyOptional({ enum: WITNESS_SEXES })
  @IsOptional()
  @IsIn(WITNESS_SEXES)
  witnessSex?: (typeof WITNESS_SEXES)[number];

  @ApiPropertyOptional({ description: 'decade of the witness birth year, e.g. 1970' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthDecade?: number;

  @ApiPropertyOptional({ enum: FORUMS })
  @IsOptional()
  @IsIn(FORUMS)
  forum?: string;

  @ApiPropertyOptional({ example: 'ko', description: 'original language of the testimony' })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: 'language must be a BCP 47 tag such as ko' })
  language?: string;

  @ApiPropertyOptional({ enum: [...new Set([...TESTIMONY_STATUSES, ...INCIDENT_STATUSES])] })
  @IsOptional()
  @IsIn([...new Set([...TESTIMONY_STATUSES, ...INCIDENT_STATUSES])])
  status?: string;

  @ApiPropertyOptional({
    description:
      'the `next` cursor of the previous page: the page after it ("search after"), however deep; offset then skips from there',
  })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  after?: string;

  @ApiPropertyOptional({ default: true, description: 'count the results by every filter (facets)' })
  @IsOptional()
  @ValidateBoolean()
  facets: boolean = true;
}
