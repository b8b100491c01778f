import { ApiProperty } from '@nestjs/swagger';
import type { ExportSelection, WithheldItem } from '../case-export.entity.js';
import { EXPORT_PROFILE_NAMES } from '../profiles/export-profile.js';

// The responses, declared once: each class is the OpenAPI description and
// the type the services (and their mappers) return as plain objects; there is no other declaration.

export class ExportSelectionResponse implements ExportSelection {
  @ApiProperty({ required: false, type: [String] }) testimonyIds?: string[];
  @ApiProperty({ required: false, type: [String] }) incidentIds?: string[];
  @ApiProperty({ required: false, type: [String] }) attachmentIds?: string[];
  @ApiProperty({ required: false }) includeCaseAttachments?: boolean;
  @ApiProperty({ required: false }) includeUnapproved?: boolean;
  @ApiProperty() includeIdentities: boolean;
}

export class WithheldItemResponse implements WithheldItem {
  @ApiProperty({ enum: ['testimony', 'attachment', 'incident'] }) kind: 'testimony' | 'attachment' | 'incident';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'testimony reference (of the attachment’s testimony for an attachment)' })
  reference: string;
  @ApiProperty({ required: false, description: 'an attachment’s file name as the profile shows it' }) name?: string;
  @ApiProperty({ description: 'witness pseudonym; empty where the profile hides pseudonyms' }) pseudonym: string;
  @ApiProperty() reason: string;
}

export class ExportResponse {
  @ApiProperty({ format: 'uuid', description: 'also the bag’s External-Identifier and on every PDF page' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: EXPORT_PROFILE_NAMES }) profile: string;
  @ApiProperty() recipient: string;
  @ApiProperty({ type: () => ExportSelectionResponse }) selection: ExportSelectionResponse;
  @ApiProperty({ type: [String], description: 'the testimonies this recipient received' }) testimonyIds: string[];
  @ApiProperty({ type: [String] }) attachmentIds: string[];
  @ApiProperty({ type: () => [WithheldItemResponse] }) withheld: WithheldItemResponse[];
  @ApiProperty() includesIdentities: boolean;
  @ApiProperty({ description: 'bytes of the ZIP' }) size: number;
  @ApiProperty({ description: 'octets.files of the payload, as in bag-info.txt' }) payloadOxum: string;
  @ApiProperty({ description: 'SHA-256 (hex) of tagmanifest-sha256.txt' }) tagManifestSha256: string;
  @ApiProperty({ description: 'base64 Ed25519 signature of tagmanifest-sha256.txt' }) signature: string;
  @ApiProperty({ description: 'SHA-256 of the signing public key (DER)' }) publicKeyFingerprint: string;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
