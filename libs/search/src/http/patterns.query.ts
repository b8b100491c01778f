import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsIn, IsOptional } from 'class-validator';
import { EventFilterQuery } from './search.query.js';

export const PATTERN_DIMENSIONS = ['term', 'facility', 'year', 'agency', 'sex'] as const;
export type PatternDimension = (typeof PATTERN_DIMENSIONS)[number];

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((v) => v.trim()) : value;

export class PatternsQuery extends EventFilterQuery {
  @ApiPropertyOptional({
    description: `what to count by, comma-separated: ${PATTERN_DIMENSIONS.join(', ')}`,
    default: 'term,facility,year',
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(PATTERN_DIMENSIONS, { each: true, message: `by must list some of ${PATTERN_DIMENSIONS.join(', ')}` })
  by: PatternDimension[] = ['term', 'facility', 'year'];

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'or Accept: text/csv' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
