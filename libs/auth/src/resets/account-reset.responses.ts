import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageResponseOf } from '@sillok/core';
import type { ResetKind, ResetStatus } from './account-reset-request.entity.js';
import type { ResetDecisionResult } from './account-reset.service.js';
import type { AccountRef, ResetNotice, ResetRequestView } from './reset-views.js';

// OpenAPI descriptions of the reset responses; the service returns plain objects of these shapes.

const KINDS: ResetKind[] = ['password', 'mfa'];
const STATUSES: ResetStatus[] = ['pending', 'approved', 'rejected', 'expired', 'break_glass'];

export class ResetRequestResponse implements ResetRequestView {
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

export class ResetDecisionResponse implements ResetDecisionResult {
  @ApiProperty({ type: ResetRequestResponse })
  request: ResetRequestResponse;

  @ApiPropertyOptional({ description: 'an approved password reset: the one-time password, shown this once' })
  temporaryPassword?: string;
}

export class AccountRefResponse implements AccountRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;
}

export class ResetNoticeResponse implements ResetNotice {
  @ApiProperty({ enum: KINDS })
  kind: ResetKind;

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
