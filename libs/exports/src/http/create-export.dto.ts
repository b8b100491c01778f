import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { OptionalIdList } from '@sillok/core';
import { EXPORT_PROFILE_NAMES, type ExportProfileName } from '../profiles/export-profile.js';

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

export class CreateExportDto {
  @ApiProperty({ enum: EXPORT_PROFILE_NAMES })
  @IsIn(EXPORT_PROFILE_NAMES, { message: `must be one of ${EXPORT_PROFILE_NAMES.join(', ')}` })
  profile: ExportProfileName;

  @ApiProperty({ description: 'who receives the bundle (e.g. "OHCHR Seoul"); recorded and written into the bag' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  @Matches(NO_CONTROL_CHARACTERS, { message: 'must not contain line breaks or control characters' })
  recipient: string;

  @OptionalIdList(10_000, 'only these testimonies of the case; omitted: all of them')
  testimonyIds?: string[];

  @OptionalIdList(10_000, 'only these incidents of the case; omitted: all of them')
  incidentIds?: string[];

  @OptionalIdList(
    10_000,
    'only these attachments of the case; omitted: every original of the chosen testimonies and incidents (and of the case, see includeCaseAttachments)',
  )
  attachmentIds?: string[];

  @ApiPropertyOptional({
    description: 'the files of the case itself; omitted: only when no testimonies, incidents or attachments are chosen',
  })
  @IsOptional()
  @IsBoolean()
  includeCaseAttachments?: boolean;

  @ApiPropertyOptional({
    description:
      'also send testimonies not approved and incidents not confirmed (un-submission, prosecution and public profiles hold them back by default); each is marked on every page',
  })
  @IsOptional()
  @IsBoolean()
  includeUnapproved?: boolean;

  @ApiPropertyOptional({
    description: 'confirms an export that holds nothing, or an attachment of 0 bytes (refused otherwise)',
  })
  @IsOptional()
  @IsBoolean()
  confirmEmpty?: boolean;

  @ApiPropertyOptional({
    description: 'add witness identities (prosecution and internal only; needs witness.identity.read)',
  })
  @IsOptional()
  @IsBoolean()
  includeIdentities?: boolean;

  @ApiPropertyOptional({
    description: 'why identities go out; required with includeIdentities, audited with each read',
  })
  @ValidateIf((dto: CreateExportDto) => dto.includeIdentities === true)
  @IsString()
  @MinLength(10, { message: 'must say why identities are exported (at least 10 characters)' })
  @MaxLength(500)
  identityReason?: string;
}
