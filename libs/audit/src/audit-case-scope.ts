import { Injectable } from '@nestjs/common';
import type { Actor } from '@sillok/core';

/**
 * Which cases' audit events an actor may read through GET /audit. The route already requires
 * audit.read; this narrows it per case. libs/cases supplies the real scope (a coordinator sees
 * the events of the cases they lead) through AuditModule.withCaseScope; audit knows nothing of cases.
 */
export interface AuditCaseScope {
  /** 'all': the whole log, events without a case included; a list: only events of these cases. */
  visibleCaseIds(actor: Actor): Promise<string[] | 'all'>;
}

export const AUDIT_CASE_SCOPE = Symbol('AUDIT_CASE_SCOPE');

/** Until libs/cases supplies its scope: the whole log for the auditor role, nothing for any other role (deny by default). */
@Injectable()
export class AuditorOnlyCaseScope implements AuditCaseScope {
  async visibleCaseIds(actor: Actor): Promise<string[] | 'all'> {
    return actor.role === 'auditor' ? 'all' : [];
  }
}
