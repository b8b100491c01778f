import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';

/** Field rules shared by the create and edit bodies, so both validate a term the same way. */
export const LabelEnField = () => applyDecorators(IsString(), NotBlank(), MaxLength(300));

/** A string with at least one non-space character (labels, reasons). */
export const NotBlank = () =>
  applyDecorators(IsNotEmpty(), Matches(/\S/, { message: ({ property }) => `${property} must not be blank` }));

export const LabelKoField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, example: '요덕 제15호 관리소' }),
    IsOptional(),
    IsString(),
    MaxLength(300),
  );

export const ParentIdField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'a term of the same scheme' }),
    IsOptional(),
    IsUUID(),
  );

export const AliasesField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: [String],
      description: 'other names: romanisations, Hangul, abbreviations',
      example: ['Yodŏk', 'Yodeok', '요덕', 'Camp 15'],
    }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(100),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(200, { each: true }),
  );

export const NotesField = () =>
  applyDecorators(ApiPropertyOptional({ type: String, nullable: true }), IsOptional(), IsString(), MaxLength(4000));

export const AttributesField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: Object,
      description: 'structured facts, e.g. { "facilityType": "kwanliso", "location": "..." }',
    }),
    IsOptional(),
    IsObject(),
  );

/** A query-string boolean: only "true" and "false" are accepted. */
export const QueryBooleanField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: Boolean, default: false }),
    IsOptional(),
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean(),
  );
