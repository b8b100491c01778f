import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
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
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { COUNTRY, LANGUAGE_TAG } from '@sillok/core';
import { WITNESS_LIMITS, WITNESS_SEXES, type WitnessSex } from '../witness.entity.js';

/** Non-identifying attributes only: anything that names or locates the person belongs in the identity vault. */
export class WitnessAttributesDto {
  @ApiPropertyOptional({ enum: WITNESS_SEXES })
  @IsOptional()
  @IsIn(WITNESS_SEXES)
  sex?: WitnessSex;

  @ApiPropertyOptional({ minimum: 1900, maximum: 2100 })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYear?: number;

  @ApiPropertyOptional({ example: '40-49' })
  @IsOptional()
  @Matches(/^\d{1,3}-\d{1,3}$|^\d{1,3}\+$/, { message: 'ageRange must look like 40-49 or 80+' })
  ageRange?: string;

  @ApiPropertyOptional({ example: 'North Hamgyong' })
  @IsOptional()
  @IsString()
  @MaxLength(WITNESS_LIMITS.provinceOfOrigin)
  provinceOfOrigin?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1945)
  @Max(2100)
  leftDprkYear?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1945)
  @Max(2100)
  arrivalYear?: number;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2', example: 'KR' })
  @IsOptional()
  @Matches(COUNTRY, { message: 'currentCountry must be an ISO 3166-1 alpha-2 code such as KR' })
  currentCountry?: string;

  @ApiPropertyOptional({ type: [String], example: ['ko'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(WITNESS_LIMITS.languages)
  @Matches(LANGUAGE_TAG, { each: true, message: 'each language must be a BCP 47 tag such as ko or en' })
  languages?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  reprisalRisk?: boolean;

  @ApiPropertyOptional({ description: 'why the witness or their family is at risk; no names' })
  @IsOptional()
  @IsString()
  @MaxLength(WITNESS_LIMITS.reprisalRiskNote)
  reprisalRiskNote?: string;
}

export class CreateWitnessDto extends WitnessAttributesDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  caseId: string;
}

export class UpdateWitnessDto extends PartialType(WitnessAttributesDto) {
  @ApiProperty({ description: 'the version this change is based on' })
  @IsInt()
  @Min(1)
  version: number;
}
