import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID } from 'class-validator';
import { SCHEME_NAMES } from '../taxonomy-schemes.js';

export class TermIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

/** Any string: an unknown scheme answers 404, not 400. */
export class SchemeParams {
  @ApiProperty({ enum: SCHEME_NAMES })
  @IsString()
  scheme: string;
}
