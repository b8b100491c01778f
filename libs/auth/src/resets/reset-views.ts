import type { AccountResetRequest, ResetKind, ResetStatus } from './account-reset-request.entity.js';
import { effectiveResetStatus } from './reset-rules.js';

/** A reset request as administrators see it. */
export interface ResetRequestView {
  id: string;
  userId: string;
  kind: ResetKind;
  status: ResetStatus;
  requestedBy: string | null;
  requestedAt: string;
  expiresAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

export function toResetRequestView(request: AccountResetRequest, now: Date): ResetRequestView {
  return {
    id: request.id,
    userId: request.userId,
    kind: request.kind,
    status: effectiveResetStatus(request, now),
    requestedBy: request.requestedBy,
    requestedAt: request.requestedAt.toISOString(),
    expiresAt: request.expiresAt.toISOString(),
    decidedBy: request.decidedBy,
    decidedAt: request.decidedAt?.toISOString() ?? null,
  };
}

export interface AccountRef {
  id: string;
  displayName: string;
}

/** What the owner is shown (GET /auth/me) about the last reset of their account. */
export interface ResetNotice {
  kind: ResetKind;
  /** `two_administrators`: asked by one, approved by another; `break_glass`: from the server's command line. */
  via: 'two_administrators' | 'break_glass';
  at: string;
  requestedBy: AccountRef | null;
  approvedBy: AccountRef | null;
  /** The owner confirmed a factor since; until then identity reads and exports are refused. */
  confirmed: boolean;
}
