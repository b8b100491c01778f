import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditCaseScope } from '@sillok/audit';
import { Role } from '@sillok/auth';
import type { Actor } from '@sillok/core';

/**
 * Which audit events GET /audit shows (the route already needs audit.read): the auditor
 * sees the whole log; a coordinator sees the events of the cases they lead, so a lead can
 * check who looked at their witnesses. Events without a case stay the auditor's.
 */
@Injectable()
export class CaseAuditScope implements AuditCaseScope {
  constructor(private readonly dataSource: DataSource) {}

  async visibleCaseIds(actor: Actor): Promise<string[] | 'all'> {
    if (actor.role === Role.Auditor) return 'all';
    const rows = (await this.dataSource.query(
      `SELECT case_id AS "caseId" FROM case_members WHERE user_id = $1 AND case_role = 'lead' AND removed_at IS NULL`,
      [actor.userId],
    )) as Array<{ caseId: string }>;
    return rows.map((row) => row.caseId);
  }
}
