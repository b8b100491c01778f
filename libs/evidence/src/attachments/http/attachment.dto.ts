import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ATTACHMENT_KINDS, DERIVATIONS, type AttachmentKind, type Derivation } from '../attachment.entity.js';

/**
 * The form fields of an upload. They must come BEFORE the `file` part in the
 * multipart body: the file is stored while it arrives, so they are checked first.
 */
export class AttachmentMetadataDto {
  @ApiProperty({ enum: ATTACHMENT_KINDS })
  @IsIn(ATTACHMENT_KINDS, { message: `must be one of ${ATTACHMENT_KINDS.join(', ')}` })
  kind: AttachmentKind;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ example: 'ko', description: 'BCP 47 language tag of the material' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'must be a BCP 47 language tag such as ko or ko-KP' })
  language?: string;
}

/** A redacted or transcoded copy: the same fields plus what was done and why. */
export class DerivativeMetadataDto extends AttachmentMetadataDto {
  @ApiProperty({ enum: DERIVATIONS })
  @IsIn(DERIVATIONS, { message: `must be one of ${DERIVATIONS.join(', ')}` })
  derivation: Derivation;

  @ApiProperty({ minLength: 3, maxLength: 2000 })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

/** OpenAPI description of the multipart body (fields first, then the file). */
export class UploadAttachmentBody extends AttachmentMetadataDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'the last part of the form' })
  file: unknown;
}

export class UploadDerivativeBody extends DerivativeMetadataDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'the last part of the form' })
  file: unknown;
}
