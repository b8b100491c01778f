import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageResponseOf } from '@sillok/core';
import type { ResetKind, ResetStatus } from './account-reset-request.entity.js';

// The reset responses, declared once: each class is the OpenAPI description and
// the type the services (and their mappers) return as plain objects; there is no other declaration.

const KINDS: ResetKind[] = ['password', 'mfa'];
const STATUSES: ResetStatus[] = ['pending', 'approved', 'rejected', 'expired', 'break_glass'];

/** A reset request as administrators see it. */
export class ResetRequestResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'the account to reset' })
  userId: string;

  @ApiProperty({ enum: KINDS })
  kind: ResetKind;

  @ApiProperty({ enum: STATUSES, description: 'a pending request past expiresAt shows as expired' })
  status: ResetStatus;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: break-glass from the CLI' })
  requestedBy: string | null;

  @ApiProperty({ format: 'date-time' })
  requestedAt: string;

  @ApiProperty({ format: 'date-time', description: 'after this, the request can no longer be approved' })
  expiresAt: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  decidedBy: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;
}

export class ResetRequestPageResponse extends PageResponseOf(ResetRequestResponse) {}

export class ResetDecisionResponse {
  @ApiProperty({ type: ResetRequestResponse })
  request: ResetRequestResponse;

  @ApiPropertyOptional({ description: 'an approved password reset: the one-time password, shown this once' })
  temporaryPassword?: string;
}

export class AccountRefResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;
}

/** What the owner is shown (GET /auth/me) about the last reset of their account. */
export class ResetNoticeResponse {
  @ApiProperty({ enum: KINDS })
  kind: ResetKind;

  /** `two_administrators`: asked by one, approved by another; `break_glass`: from the server's command line. */
  @ApiProperty({ enum: ['two_administrators', 'break_glass'] })
  via: 'two_administrators' | 'break_glass';

  @ApiProperty({ format: 'date-time', description: 'when the reset took effect' })
  at: string;

  @ApiProperty({ type: AccountRefResponse, nullable: true, description: 'null: break-glass from the CLI' })
  requestedBy: AccountRefResponse | null;

  @ApiProperty({ type: AccountRefResponse, nullable: true })
  approvedBy: AccountRefResponse | null;

  @ApiProperty({
    description: 'the owner confirmed a second factor since; until then identity reads and exports are refused',
  })
  confirmed: boolean;
}
