import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsCalendarDate, OptionalIdList, PageQueryDto, ValidateBoolean } from '@sillok/core';
import { EventFieldsDto } from '@sillok/testimonies';
import { INCIDENT_LIMITS, INCIDENT_STATUSES, type IncidentStatus } from '../incident.entity.js';

export class CreateIncidentDto extends EventFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  caseId: string;

  @ApiProperty({ example: 'Beatings during interrogation at Yodok, 1997' })
  @IsString()
  @MinLength(1)
  @MaxLength(INCIDENT_LIMITS.title)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(INCIDENT_LIMITS.description)
  description?: string;

  @ApiPropertyOptional({ type: [String], description: 'named perpetrators, as the sources name them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(INCIDENT_LIMITS.perpetrators)
  @IsString({ each: true })
  @MaxLength(INCIDENT_LIMITS.perpetratorName, { each: true })
  perpetratorNames?: string[];

  @OptionalIdList(200, 'witnesses of the same case who were victims')
  victimWitnessIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'other victims, described; may identify: never logged' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  victims?: string[];

  @ApiPropertyOptional({ enum: INCIDENT_STATUSES, default: 'draft' })
  @IsOptional()
  @IsIn(INCIDENT_STATUSES)
  status?: IncidentStatus;
}

export class UpdateIncidentDto extends PartialType(OmitType(CreateIncidentDto, ['caseId'] as const)) {
  @ApiProperty({ description: 'the version read (optimistic locking)' })
  @IsInt()
  version: number;
}

export class ReasonDto {
  @ApiProperty({ description: 'kept in the audit trail' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

export class ListIncidentsQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'omitted: every case the caller is a member of' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'any term (violation, act, agency, facility) or a descendant' })
  @IsOptional()
  @IsUUID()
  term?: string;

  @ApiPropertyOptional({ description: 'a facility by any name or alias: Yodeok, 요덕, Camp 15' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/[\p{L}\p{N}]/u, { message: 'facility must contain letters or digits' })
  facility?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'an agency term or one of its descendants' })
  @IsOptional()
  @IsUUID()
  agency?: string;

  @ApiPropertyOptional({ description: 'part of a named perpetrator, case-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  perpetrator?: string;

  @ApiPropertyOptional({ format: 'date', description: 'incidents whose date range overlaps [dateFrom, dateTo]' })
  @IsOptional()
  @IsCalendarDate('1997-01-01')
  dateFrom?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate('1997-12-31')
  dateTo?: string;

  @ApiPropertyOptional({ enum: INCIDENT_STATUSES })
  @IsOptional()
  @IsIn(INCIDENT_STATUSES)
  status?: IncidentStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @ValidateBoolean()
  includeWithdrawn?: boolean;
}
