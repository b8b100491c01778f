import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SCHEME_NAMES, type TaxonomyScheme } from '../taxonomy-schemes.js';
import { QueryBooleanField } from './term-fields.js';

export class LookupQueryDto {
  @ApiProperty({ example: 'Yodeok', description: 'a code, label or alias in any romanisation or Hangul' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  q: string;

  @ApiPropertyOptional({ enum: SCHEME_NAMES })
  @IsOptional()
  @IsIn(SCHEME_NAMES)
  scheme?: TaxonomyScheme;

  @QueryBooleanField()
  includeDeprecated?: boolean;

  @ApiPropertyOptional({ default: 10, minimum: 1, maximum: 50, description: 'most suggestions' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}
