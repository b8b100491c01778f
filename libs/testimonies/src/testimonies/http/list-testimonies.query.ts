import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsCalendarDate, LANGUAGE_TAG, PageQueryDto, ValidateBoolean } from '@sillok/core';
import { FORUMS, TESTIMONY_STATUSES, type Forum, type TestimonyStatus } from '../testimony.entity.js';

export const TESTIMONY_SORTS = [
  'createdAt',
  '-createdAt',
  'interviewDate',
  '-interviewDate',
  'reference',
  '-reference',
] as const;

export class ListTestimoniesQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'omitted: every case the caller is a member of' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  witnessId?: string;

  @ApiPropertyOptional({ enum: TESTIMONY_STATUSES })
  @IsOptional()
  @IsIn(TESTIMONY_STATUSES)
  status?: TestimonyStatus;

  @ApiPropertyOptional({ enum: FORUMS })
  @IsOptional()
  @IsIn(FORUMS)
  forum?: Forum;

  @ApiPropertyOptional({ example: 'ko', description: 'original language' })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: 'language must be a BCP 47 tag such as ko' })
  language?: string;

  @ApiPropertyOptional({ format: 'date', description: 'interviews on or after this date' })
  @IsOptional()
  @IsCalendarDate('2013-01-01')
  interviewedFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'interviews on or before this date' })
  @IsOptional()
  @IsCalendarDate('2013-12-31')
  interviewedTo?: string;

  @ApiPropertyOptional({ enum: TESTIMONY_SORTS, default: '-createdAt' })
  @IsOptional()
  @IsIn(TESTIMONY_SORTS)
  sort: (typeof TESTIMONY_SORTS)[number] = '-createdAt';

  @ApiPropertyOptional({ description: 'include withdrawn testimonies (hidden by default)' })
  @IsOptional()
  @ValidateBoolean()
  includeWithdrawn?: boolean;
}

export class ListWitnessesQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @ValidateBoolean()
  includeWithdrawn?: boolean;
}
