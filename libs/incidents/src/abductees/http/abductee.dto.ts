import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
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
  MinLength,
  ValidateNested,
} from 'class-validator';
import { COUNTRY, IsCalendarDate, OptionalIdList, PageQueryDto, ValidateBoolean } from '@sillok/core';
import { DATE_PRECISIONS, type DatePrecision } from '@sillok/testimonies';

export class ExternalReferenceDto {
  @ApiProperty({ example: 'Ministry of Unification' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  authority: string;

  @ApiProperty({ example: 'KAR-1977-0042' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reference: string;
}

export class CreateAbducteeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  caseId: string;

  @ApiPropertyOptional({ description: 'sealed in the identity vault when nameAtRisk; never logged' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ description: 'living relatives are at risk: keep the name sealed', default: false })
  @IsOptional()
  @IsBoolean()
  nameAtRisk?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'KR', description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @Matches(COUNTRY, { message: 'nationality must be an ISO 3166-1 alpha-2 code such as KR' })
  nationality?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'abduction-category term' })
  @IsOptional()
  @IsUUID()
  abductionCategoryTermId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' })
  @IsOptional()
  @IsCalendarDate('1977-11-15')
  abductedFrom?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' })
  @IsOptional()
  @IsCalendarDate('1977-11-15')
  abductedTo?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: DATE_PRECISIONS })
  @IsOptional()
  @IsIn(DATE_PRECISIONS)
  abductionDatePrecision?: DatePrecision | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  abductionPlace?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' })
  @IsOptional()
  @IsCalendarDate('1998-05-01')
  lastSeenDate?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: DATE_PRECISIONS })
  @IsOptional()
  @IsIn(DATE_PRECISIONS)
  lastSeenDatePrecision?: DatePrecision | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  lastSeenPlace?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'who saw them last, or which document says so' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  lastSeenSource?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'abductee-status term' })
  @IsOptional()
  @IsUUID()
  statusTermId?: string | null;

  @ApiPropertyOptional({ type: [ExternalReferenceDto], description: 'government or NGO case numbers' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ExternalReferenceDto)
  externalReferences?: ExternalReferenceDto[];

  @OptionalIdList(500, 'testimonies of the case that mention them')
  testimonyIds?: string[];

  @OptionalIdList(500, 'incidents of the case that concern them')
  incidentIds?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  notes?: string;
}

export class UpdateAbducteeDto extends PartialType(OmitType(CreateAbducteeDto, ['caseId'] as const)) {
  @ApiProperty({ description: 'the version read (optimistic locking)' })
  @IsInt()
  version: number;
}

export class ListAbducteesQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'abduction category, including its descendants' })
  @IsOptional()
  @IsUUID()
  category?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'abductee-status term' })
  @IsOptional()
  @IsUUID()
  status?: string;

  @ApiPropertyOptional({ example: 'JP' })
  @IsOptional()
  @Matches(COUNTRY, { message: 'nationality must be an ISO 3166-1 alpha-2 code such as JP' })
  nationality?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'mentioned in this testimony' })
  @IsOptional()
  @IsUUID()
  testimonyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'concerned by this incident' })
  @IsOptional()
  @IsUUID()
  incidentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @ValidateBoolean()
  includeWithdrawn?: boolean;
}
