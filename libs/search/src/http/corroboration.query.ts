import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ValidateBoolean } from '@sillok/core';
import {
  CORROBORATION_LEVELS,
  DEFAULT_CORROBORATION_RULE,
  type CorroborationLevel,
} from '../corroboration/corroboration-rule.js';

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((v) => v.trim()) : value;

/** The corroboration rule, each part overridable per request (defaults in DEFAULT_CORROBORATION_RULE). */
export class CorroborationQuery {
  @ApiPropertyOptional({ default: DEFAULT_CORROBORATION_RULE.minDirect, minimum: 1, maximum: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  minDirect: number = DEFAULT_CORROBORATION_RULE.minDirect;

  @ApiPropertyOptional({
    description: 'source-connection codes that count as direct, comma-separated',
    default: DEFAULT_CORROBORATION_RULE.directConnections.join(','),
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9-]+$/, { each: true, message: 'direct must list source-connection codes such as victim' })
  direct: string[] = [...DEFAULT_CORROBORATION_RULE.directConnections];

  @ApiPropertyOptional({
    default: false,
    description: 'a source agrees only when its date and place are stated and match',
  })
  @IsOptional()
  @ValidateBoolean()
  strict: boolean = DEFAULT_CORROBORATION_RULE.strict;

  @ApiPropertyOptional({ enum: CORROBORATION_LEVELS, description: 'only incidents at this level' })
  @IsOptional()
  @IsIn(CORROBORATION_LEVELS)
  level?: CorroborationLevel;
}
