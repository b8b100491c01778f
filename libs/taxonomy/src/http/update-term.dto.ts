import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import type { TermEditInput } from '../term-changes.js';
import { CreateTermDto } from './create-term.dto.js';

/** The create body without the code (codes never change), all optional, plus the version seen. */
export class UpdateTermDto extends PartialType(OmitType(CreateTermDto, ['code'] as const)) implements TermEditInput {
  @ApiProperty({ description: 'the version the editor saw; 409 when the term has changed since' })
  @IsInt()
  @Min(1)
  version: number;
}
