import type { AccountResetRequest } from './account-reset-request.entity.js';
import { effectiveResetStatus } from './reset-rules.js';
import type { ResetRequestResponse } from './account-reset.responses.js';

export function toResetRequestView(request: AccountResetRequest, now: Date): ResetRequestResponse {
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
