import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ValidateBoolean } from '@sillok/core';
import { IMPORT_FORMATS, type ImportFormat } from '../formats/source-record.js';
import { RECORD_TYPES, type RecordTypeName } from '../record-types/import-record-type.js';

export class ImportQuery {
  @ApiProperty({ enum: RECORD_TYPES, description: 'which template the file follows' })
  @IsIn(RECORD_TYPES)
  type: RecordTypeName;

  @ApiPropertyOptional({
    enum: IMPORT_FORMATS,
    description: 'default: from the content type (text/csv, application/x-ndjson) or the file name',
  })
  @IsOptional()
  @IsIn(IMPORT_FORMATS)
  format?: ImportFormat;

  @ApiPropertyOptional({ description: 'write the valid rows and list the invalid ones (default: write nothing)' })
  @IsOptional()
  @ValidateBoolean()
  skipInvalid?: boolean;

  @ApiPropertyOptional({
    description:
      'check every row and answer 200 with the report, writing nothing (no records, no audit event); ' +
      'the report says which rows are invalid and why, before a real import',
  })
  @IsOptional()
  @ValidateBoolean()
  dryRun?: boolean;
}
