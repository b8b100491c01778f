import { ApiProperty } from '@nestjs/swagger';
import { ATTACHMENT_OWNER_TYPES } from './attachment-owner.js';
import { ATTACHMENT_KINDS, DERIVATIONS } from './attachment.entity.js';

// The responses, declared once: each class is the OpenAPI description and
// the type the services (and their mappers) return as plain objects; there is no other declaration.

export class CaptureMetadataResponse {
  @ApiProperty({ enum: ['exif', 'mvhd'] }) source: string;
  @ApiProperty({ format: 'date-time' }) extractedAt: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'EXIF DateTimeOriginal (UTC unless the file gives an offset) or MP4/MOV creation time',
  })
  capturedAt: string | null;
  /** Null unless the reader may download the attachment: a location can expose a witness or a camp. */
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'decimal degrees; only for readers with attachment.download',
  })
  gpsLatitude: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'decimal degrees; only for readers with attachment.download',
  })
  gpsLongitude: number | null;
  @ApiProperty({ description: 'the file carries a location this reader may not see' }) gpsWithheld: boolean;
  @ApiProperty({ nullable: true, type: String }) cameraMake: string | null;
  @ApiProperty({ nullable: true, type: String }) cameraModel: string | null;
  @ApiProperty({ type: Object, description: 'other tags read (GPS tags only for readers with attachment.download)' })
  raw: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String, description: 'what could not be read' }) errors: string | null;
}

export class AttachmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: ATTACHMENT_OWNER_TYPES }) ownerType: string;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty() originalFileName: string;
  @ApiProperty({ nullable: true, type: String }) declaredMediaType: string | null;
  @ApiProperty() detectedMediaType: string;
  @ApiProperty() size: number;
  @ApiProperty({ description: 'lowercase hex' }) sha256: string;
  @ApiProperty({ description: 'lowercase hex' }) md5: string;
  @ApiProperty({ enum: ATTACHMENT_KINDS }) kind: string;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String }) language: string | null;
  @ApiProperty({ format: 'uuid' }) uploadedBy: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) derivedFrom: string | null;
  @ApiProperty({ nullable: true, enum: DERIVATIONS, type: String }) derivation: string | null;
  @ApiProperty({ nullable: true, type: String }) derivationReason: string | null;
  @ApiProperty({
    required: false,
    nullable: true,
    type: () => CaptureMetadataResponse,
    description: 'read from the bytes at ingest (GET /attachments/:id and the upload answer only); null when none',
  })
  captureMetadata?: CaptureMetadataResponse | null;
}

export class FixityCheckResponse {
  @ApiProperty({ format: 'date-time' }) checkedAt: string;
  @ApiProperty() ok: boolean;
  @ApiProperty() missing: boolean;
  @ApiProperty({ nullable: true, type: String }) observedSha256: string | null;
  @ApiProperty({ nullable: true, type: Number }) observedSize: number | null;
}

export class CustodyEntryResponse {
  @ApiProperty() seq: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() action: string;
  @ApiProperty({ nullable: true, type: String }) actorUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty({ nullable: true, type: Object }) details: Record<string, unknown> | null;
}
