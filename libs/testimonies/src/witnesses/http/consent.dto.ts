import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsDate, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  CONSENT_METHODS,
  CONSENT_SCOPES,
  type ConsentMethod,
  type ConsentScope,
} from '../../consent/consent-record.entity.js';

/** A new version of the consent ledger; to withdraw, record fewer scopes (or none). */
export class RecordConsentDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'limit this version to one testimony of the witness' })
  @IsOptional()
  @IsUUID()
  testimonyId?: string;

  @ApiProperty({ enum: CONSENT_SCOPES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(CONSENT_SCOPES, { each: true })
  scopes: ConsentScope[];

  @ApiProperty({ enum: CONSENT_METHODS })
  @IsIn(CONSENT_METHODS)
  method: ConsentMethod;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  conditions?: string;

  @ApiProperty({ format: 'date-time', description: 'when the witness gave (or withdrew) consent' })
  @Type(() => Date)
  @IsDate()
  takenAt: Date;

  @ApiPropertyOptional({ format: 'uuid', description: 'who took it; defaults to the caller' })
  @IsOptional()
  @IsUUID()
  takenBy?: string;
}
