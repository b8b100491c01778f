import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { NewTermInput } from '../term-changes.js';
import { AliasesField, AttributesField, LabelEnField, LabelKoField, NotesField, ParentIdField } from './term-fields.js';

export class CreateTermDto implements NewTermInput {
  @ApiProperty({ example: 'kyohwaso-12', description: 'unique in the scheme; letters, digits, . _ -' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    message: 'code must be 1-64 letters, digits, dots, underscores or hyphens, starting with a letter or digit',
  })
  code: string;

  @ApiProperty({ example: 'Kyohwaso No. 12 (Jongo-ri)' })
  @LabelEnField()
  labelEn: string;

  @LabelKoField()
  labelKo?: string | null;

  @ParentIdField()
  parentId?: string | null;

  @AliasesField()
  aliases?: string[];

  @NotesField()
  notes?: string | null;

  @AttributesField()
  attributes?: Record<string, unknown>;
}
