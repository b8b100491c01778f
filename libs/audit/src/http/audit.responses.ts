import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditCheckpointStatement, SignedAuditCheckpoint } from '../audit-checkpoint.js';

// The audit responses, declared once: each class is the OpenAPI description and
// the type the services (and their mappers) return as plain objects; there is no other declaration.

class AuditActorResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  userId: string | null;

  @ApiProperty({ type: String, nullable: true })
  role: string | null;
}

/** One audit event as the API returns it (field names in camelCase, every stored field). */
export class AuditEventResponse {
  @ApiProperty()
  seq: number;

  @ApiProperty({ description: 'database time, UTC, microseconds', example: '2026-11-27T21:15:03.123456Z' })
  occurredAt: string;

  @ApiProperty({ type: AuditActorResponse })
  actor: AuditActorResponse;

  @ApiProperty({ example: 'witness.identity.read' })
  action: string;

  @ApiProperty({ type: String, nullable: true })
  subjectType: string | null;

  @ApiProperty({ type: String, nullable: true })
  subjectId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  caseId: string | null;

  @ApiProperty({ type: String, nullable: true })
  requestId: string | null;

  @ApiProperty({ type: String, nullable: true })
  clientAddress: string | null;

  @ApiProperty({ type: String, nullable: true })
  userAgent: string | null;

  @ApiProperty({ type: String, nullable: true })
  reason: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  details: Record<string, unknown>;

  @ApiProperty()
  prevHash: string;

  @ApiProperty()
  hash: string;
}

export class AuditEventPageResponse {
  @ApiProperty({ type: [AuditEventResponse] })
  items: AuditEventResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as cursor for the next page' })
  nextCursor: string | null;
}

export class AuditVerificationResponse {
  @ApiProperty()
  ok: boolean;

  @ApiProperty({ description: 'rows that verified' })
  count: number;

  @ApiPropertyOptional({ description: 'when ok' })
  headSeq?: number;

  @ApiPropertyOptional({ description: 'when ok' })
  headHash?: string;

  @ApiPropertyOptional({ description: 'when broken: the first broken seq' })
  seq?: number;

  @ApiPropertyOptional({
    enum: ['missing', 'relinked', 'changed', 'backdated', 'checkpoint'],
    description: 'when broken',
  })
  problem?: string;

  @ApiPropertyOptional({ description: 'when broken' })
  detail?: string;
}

class AuditCheckpointStatementResponse implements AuditCheckpointStatement {
  @ApiProperty() headSeq: number;
  @ApiProperty() headHash: string;
  @ApiProperty({ description: 'database time, UTC, as signed' }) time: string;
}

class SignedAuditCheckpointResponse implements SignedAuditCheckpoint {
  @ApiProperty({ type: AuditCheckpointStatementResponse }) statement: AuditCheckpointStatementResponse;
  @ApiProperty({ enum: ['Ed25519'] }) algorithm: 'Ed25519';
  @ApiProperty({ description: 'base64 Ed25519 over the RFC 8785 JSON of statement' }) signature: string;
  @ApiProperty({ description: 'SHA-256 hex of the signing public key (SPKI DER)' }) publicKeyFingerprint: string;
}

/** The latest signed checkpoint as recorded in the chain by `sillok audit:checkpoint`. */
export class AuditCheckpointResponse {
  @ApiProperty({ description: 'seq of the audit.checkpoint event that recorded it' }) seq: number;
  @ApiProperty({ description: 'when it was recorded (database time, UTC)' }) recordedAt: string;
  @ApiProperty({ type: AuditActorResponse, description: 'null user: the operator ran the CLI' })
  actor: AuditActorResponse;
  @ApiProperty() headSeq: number;
  @ApiProperty() headHash: string;
  @ApiProperty() publicKeyFingerprint: string;

  /** Ready to check with `sillok audit:verify --checkpoint` or openssl. */
  @ApiProperty({
    type: SignedAuditCheckpointResponse,
    nullable: true,
    description: 'the signed checkpoint as deposited; null for checkpoints recorded before signatures were kept',
  })
  signed: SignedAuditCheckpointResponse | null;

  @ApiProperty({ description: 'the chain still holds headHash at headSeq' }) matchesChain: boolean;
}

export class LatestAuditCheckpointResponse {
  @ApiProperty({ type: AuditCheckpointResponse, nullable: true, description: 'null before the first checkpoint' })
  checkpoint: AuditCheckpointResponse | null;
}
