import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, MaxLength, Min } from 'class-validator';
import type { DeprecateTermInput } from '../term-changes.js';
import { NotBlank } from './term-fields.js';

export class DeprecateTermDto implements DeprecateTermInput {
  @ApiProperty({ description: 'the version the editor saw; 409 when the term has changed since' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ example: 'duplicate of kwanliso-15' })
  @IsString()
  @NotBlank()
  @MaxLength(1000)
  reason: string;
}
