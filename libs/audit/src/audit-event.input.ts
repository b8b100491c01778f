import type { AuditAction } from './audit-action.js';

/** Who acted; userId and role as they were at the time of the event. */
export interface AuditActor {
  userId: string | null;
  role: string | null;
}

/** One event as services describe it; request id, address and user agent come from the request context. */
export interface AuditEventInput {
  action: AuditAction;
  /** 'user' | 'case' | 'session' | 'testimony' | ... */
  subjectType?: string;
  subjectId?: string;
  caseId?: string;
  /** Required for ACTIONS_REQUIRING_REASON (reading a witness identity). */
  reason?: string;
  /** Which fields changed and similar facts; never the values of sensitive fields. */
  details?: Record<string, unknown>;
  /** Default: the request context's actor, or none (system, CLI, failed login). */
  actor?: AuditActor;
}
