import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class ContactDto {
  @ApiProperty({ enum: ['phone', 'email', 'address', 'messenger', 'other'] })
  @IsIn(['phone', 'email', 'address', 'messenger', 'other'])
  kind: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  value: string;
}

export class FamilyMemberDto {
  @ApiProperty({ example: 'mother' })
  @IsString()
  @MaxLength(100)
  relation: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'where they live in the DPRK' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  location?: string;
}

/** The identity vault's content: stored only encrypted, shown only with witness.identity.read and a reason. */
export class WitnessIdentityDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  legalName: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  otherNames?: string[];

  @ApiPropertyOptional({ type: [ContactDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ContactDto)
  contacts?: ContactDto[];

  @ApiPropertyOptional({ type: [FamilyMemberDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FamilyMemberDto)
  familyInDprk?: FamilyMemberDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  notes?: string;
}

export class PutWitnessIdentityDto extends WitnessIdentityDto {
  @ApiPropertyOptional({ description: 'the version this change is based on; omit when creating' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class IdentityReadReasonDto {
  @ApiProperty({ description: 'why the identity is needed; recorded in the audit trail', minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'reason must say why the identity is needed (at least 10 characters)' })
  @MaxLength(1000)
  reason: string;
}
