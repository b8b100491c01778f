import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import {
  ANCHOR_STATUSES,
  ANNOTATION_KINDS,
  DATE_PRECISIONS,
  SENSITIVE_CATEGORIES,
  VICTIM_KINDS,
  type AnchorStatus,
  type AnnotationKind,
  type DatePrecision,
  type SensitiveCategory,
  type VictimKind,
  ANNOTATION_LIMITS,
} from '../annotation.entity.js';
import { IsCalendarDate, LANGUAGE_TAG, OptionalIdList, ValidateBoolean } from '@sillok/core';

/**
 * What happened, where and when, by whom: the fields a passage tag and an incident share.
 * Term ids are checked against their scheme by the service (400 naming the field).
 */
export class EventFieldsDto {
  @OptionalIdList(50, 'coi-violation terms')
  violationTermIds?: string[];

  @OptionalIdList(20, 'rome-art7 acts (legal qualification)')
  actTermIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'a facility term' })
  @IsOptional()
  @IsUUID()
  facilityTermId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'a place not in the gazetteer' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  placeText?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, example: '1997-01-01' })
  @IsOptional()
  @IsCalendarDate('1997-01-01')
  dateFrom?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, example: '1997-12-31' })
  @IsOptional()
  @IsCalendarDate('1997-12-31')
  dateTo?: string | null;

  @ApiPropertyOptional({ enum: DATE_PRECISIONS, nullable: true, description: 'HURIDOCS date precision' })
  @IsOptional()
  @IsIn(DATE_PRECISIONS)
  datePrecision?: DatePrecision | null;

  @OptionalIdList(20, 'agency terms (perpetrators)')
  agencyTermIds?: string[];
}

export class CreateAnnotationDto extends EventFieldsDto {
  @ApiPropertyOptional({ enum: ANNOTATION_KINDS, default: 'tag' })
  @IsOptional()
  @IsIn(ANNOTATION_KINDS)
  kind?: AnnotationKind;

  @ApiPropertyOptional({ enum: SENSITIVE_CATEGORIES, description: 'required for kind sensitive' })
  @IsOptional()
  @IsIn(SENSITIVE_CATEGORIES)
  sensitiveCategory?: SensitiveCategory;

  @ApiPropertyOptional({ example: 'en', description: 'a translation; absent for the original narrative' })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: 'language must be a BCP 47 tag such as en' })
  language?: string;

  @ApiPropertyOptional({ description: 'start offset (UTF-16 code units); absent for the whole testimony' })
  @IsOptional()
  @IsInt()
  @Min(0)
  start?: number;

  @ApiPropertyOptional({ description: 'end offset, exclusive' })
  @IsOptional()
  @IsInt()
  @Min(1)
  end?: number;

  @ApiPropertyOptional({ description: 'the text at [start, end) exactly as it stands now' })
  @IsOptional()
  @IsString()
  @MaxLength(ANNOTATION_LIMITS.quote)
  quote?: string;

  @ApiPropertyOptional({ enum: VICTIM_KINDS, nullable: true })
  @IsOptional()
  @IsIn(VICTIM_KINDS)
  victimKind?: VictimKind | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'a named victim other than the witness: identifying, never logged',
  })
  @IsOptional()
  @IsString()
  @MaxLength(ANNOTATION_LIMITS.victimName)
  victimName?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'an unnamed victim, described' })
  @IsOptional()
  @IsString()
  @MaxLength(ANNOTATION_LIMITS.victimDescription)
  victimDescription?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'source-connection term' })
  @IsOptional()
  @IsUUID()
  sourceConnectionTermId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'reliability term' })
  @IsOptional()
  @IsUUID()
  reliabilityTermId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(ANNOTATION_LIMITS.note)
  note?: string;
}

export class UpdateAnnotationDto extends PartialType(OmitType(CreateAnnotationDto, ['kind', 'language'] as const)) {
  @ApiProperty({ description: 'the version read (optimistic locking)' })
  @IsInt()
  version: number;
}

export class ListAnnotationsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'tagged with this term or any of its descendants' })
  @IsOptional()
  @IsUUID()
  term?: string;

  @ApiPropertyOptional({ enum: ANNOTATION_KINDS })
  @IsOptional()
  @IsIn(ANNOTATION_KINDS)
  kind?: AnnotationKind;

  @ApiPropertyOptional({ enum: ANCHOR_STATUSES })
  @IsOptional()
  @IsIn(ANCHOR_STATUSES)
  status?: AnchorStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @ValidateBoolean()
  includeWithdrawn?: boolean;
}
