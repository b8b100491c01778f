import { ApiProperty } from '@nestjs/swagger';
import type { ExportPreview, PreviewRecord } from '../collect/export-preview.js';
import { EXPORT_PROFILE_NAMES } from '../profiles/export-profile.js';

// OpenAPI description of POST /cases/:id/exports/preview; the service returns plain objects of this shape.

export class PreviewRecordResponse implements PreviewRecord {
  @ApiProperty({ enum: ['testimony', 'incident', 'attachment'] }) kind: 'testimony' | 'incident' | 'attachment';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'testimony or incident reference; for an attachment, its testimony’s (or empty)' })
  reference: string;
  @ApiProperty({ description: 'the witness as the profile names them; empty where hidden or not a testimony' })
  witness: string;
  @ApiProperty({ description: 'an attachment’s file name as the profile shows it; empty otherwise' }) name: string;
  @ApiProperty({ description: 'testimony or incident status; empty for attachments' }) status: string;
  @ApiProperty() included: boolean;
  @ApiProperty({ type: 'string', nullable: true, description: 'why it would be withheld; null when it goes out' })
  reason: string | null;
}

export class ExportPreviewResponse implements ExportPreview {
  @ApiProperty({ enum: EXPORT_PROFILE_NAMES }) profile: string;
  @ApiProperty({ type: () => [PreviewRecordResponse] }) records: PreviewRecordResponse[];
  @ApiProperty({
    type: [String],
    description:
      'records not approved, empty files, files whose name lies about their type, identities to be decrypted',
  })
  warnings: string[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'why the export itself would need confirmEmpty (nothing in it, a 0-byte file); null otherwise',
  })
  confirmEmptyRequired: string | null;
  @ApiProperty({ description: 'witnesses whose identity the export would decrypt into the bag (includeIdentities)' })
  identityWitnesses: number;
}
