import type { AuditAction } from './audit-action.js';

/** GET /audit filters; all optional, combined with AND. Newest first. */
export interface AuditEventFilter {
  caseId?: string;
  subjectType?: string;
  subjectId?: string;
  actorUserId?: string;
  action?: AuditAction;
  /** ISO 8601; occurred_at >= from. */
  from?: string;
  /** ISO 8601; occurred_at < to. */
  to?: string;
  /** 1 to 500, default 50. */
  limit?: number;
  /** nextCursor of the previous page: events with a smaller seq. */
  cursor?: string;
}
