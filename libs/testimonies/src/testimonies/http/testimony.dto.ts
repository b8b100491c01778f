import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { TESTIMONY_LIMITS } from '../new-testimony.js';
import { FORUMS, type Forum } from '../testimony.entity.js';
import { CreateAnnotationDto } from '../../annotations/http/annotation.dto.js';
import { COUNTRY, IsCalendarDate, LANGUAGE_TAG, OptionalIdList } from '@sillok/core';

const LIMITS = TESTIMONY_LIMITS;

export class TranslationDto {
  @ApiProperty({ example: 'en' })
  @Matches(LANGUAGE_TAG, { message: 'language must be a BCP 47 tag such as en' })
  language: string;

  @ApiProperty()
  @IsString()
  @MaxLength(LIMITS.narrative)
  text: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.translator)
  translator?: string;

  @ApiPropertyOptional({ description: 'checked against the original by a second person' })
  @IsOptional()
  @IsBoolean()
  checked?: boolean;
}

export class TestimonyFieldsDto {
  @ApiProperty({ enum: FORUMS })
  @IsIn(FORUMS)
  forum: Forum;

  @ApiPropertyOptional({ format: 'date', example: '2013-08-21' })
  @IsOptional()
  @IsCalendarDate('2013-08-21')
  interviewDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.interviewCity)
  interviewCity?: string;

  @ApiPropertyOptional({ example: 'KR' })
  @IsOptional()
  @Matches(COUNTRY, { message: 'interviewCountry must be an ISO 3166-1 alpha-2 code such as KR' })
  interviewCountry?: string;

  @OptionalIdList(20)
  interviewerIds?: string[];

  @ApiProperty({ example: 'ko' })
  @Matches(LANGUAGE_TAG, { message: 'originalLanguage must be a BCP 47 tag such as ko' })
  originalLanguage: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  interpreterUsed?: boolean;

  @ApiPropertyOptional({ example: 'ko-en' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.interpreterLanguages)
  interpreterLanguages?: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.title)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.summary)
  summary?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.narrative)
  narrative?: string;

  @ApiPropertyOptional({ type: [TranslationDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.translations)
  @ValidateNested({ each: true })
  @Type(() => TranslationDto)
  translations?: TranslationDto[];
}

/** Tags and sensitive spans a testimony can be created with, in the same transaction. */
export const CREATE_TAGS_MAX = 200;

export class CreateTestimonyDto extends TestimonyFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  witnessId: string;

  @ApiPropertyOptional({
    type: [CreateAnnotationDto],
    description: `tags and sensitive spans on the new narrative or translations (at most ${CREATE_TAGS_MAX}), as POST /testimonies/{id}/tags takes them`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CREATE_TAGS_MAX)
  @ValidateNested({ each: true })
  @Type(() => CreateAnnotationDto)
  tags?: CreateAnnotationDto[];
}

export class UpdateTestimonyDto extends PartialType(TestimonyFieldsDto) {
  @ApiProperty({ description: 'the version this change is based on (409 when stale)' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ description: 'why it changed; required once the testimony is approved' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason?: string;
}

export const STATUS_ACTIONS = ['submit', 'return', 'approve'] as const;

export class ChangeTestimonyStatusDto extends PickType(UpdateTestimonyDto, ['version', 'reason'] as const) {
  @ApiProperty({ enum: STATUS_ACTIONS, description: 'submit: draft to under review; return: back to draft; approve' })
  @IsIn(STATUS_ACTIONS)
  action: (typeof STATUS_ACTIONS)[number];
}

export class WithdrawDto {
  @ApiProperty({ description: 'why it is withdrawn; kept in the audit trail' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}
