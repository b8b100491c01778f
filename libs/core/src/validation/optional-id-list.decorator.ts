import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';

/** An optional list of distinct record or term ids, at most `max` of them (400 naming the field otherwise). */
export function OptionalIdList(max: number, description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [String], format: 'uuid', ...(description ? { description } : {}) }),
    IsOptional(),
    IsArray(),
    ArrayUnique(),
    ArrayMaxSize(max),
    IsUUID('all', { each: true }),
  );
}
