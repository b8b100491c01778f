import { ApiProperty } from '@nestjs/swagger';
import { EXPORT_PROFILE_NAMES } from '../profiles/export-profile.js';

// POST /cases/:id/exports/preview, declared once: the OpenAPI description and the type exportPreview returns.

/** One record the export was asked for: whether it would go out, and if not, why. */
export class PreviewRecordResponse {
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

/** What an export would hold, without its bytes: nothing read is written, signed, stored or audited. */
export class ExportPreviewResponse {
  @ApiProperty({ enum: EXPORT_PROFILE_NAMES }) profile: string;
  @ApiProperty({ type: () => [PreviewRecordResponse] }) records: PreviewRecordResponse[];
  /** Also files that carry their capture location (GPS). */
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
