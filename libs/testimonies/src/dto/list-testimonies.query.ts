import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsCalendarDate, PageQueryDto } from '@sillok/core';
import { FORUMS, TESTIMONY_STATUSES, type Forum, type TestimonyStatus } from '../testimonies/testimony.entity.js';
import { LANGUAGE_TAG } from './witness.dto.js';

export const TESTIMONY_SORTS = [
  'createdAt',
  '-createdAt',
  'interviewDate',
  '-interviewDate',
  'reference',
  '-reference',
] as const;

export const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

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
  @Transform(toBoolean)
  @IsBoolean()
  includeWithdrawn?: boolean;
}

export class ListWitnessesQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeWithdrawn?: boolean;
}
