/** One audit event as the API returns it (field names in camelCase, every stored field). */
export interface AuditEventView {
  seq: number;
  occurredAt: string;
  actor: { userId: string | null; role: string | null };
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  caseId: string | null;
  requestId: string | null;
  clientAddress: string | null;
  userAgent: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface AuditEventPage {
  items: AuditEventView[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}
