import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { requireRolePermission } from '@sillok/auth';
import { DomainError, ErrorCode, type Actor, type Permission } from '@sillok/core';
import { CASE_REFERENCE_PATTERN, CaseReferenceResolver } from '../case-id.param.js';
import type { CaseStatus } from '../case-status.js';
import type { CaseRole } from '../members/case-role.js';
import { caseRoleAllows, decideCaseAccess, isCaseId } from './case-access-decision.js';

/** What the actor holds in a case they may act on. */
export interface CaseAccess {
  caseId: string;
  caseRole: CaseRole;
  status: CaseStatus;
}

/** A record the caller has just found, and what they would do with it. */
export interface RecordAccess {
  record: { caseId: string };
  /** The record's name in the 404 ("testimony", "attachment"). */
  what: string;
  permission: Permission;
  /** The transaction the check reads in, if any. */
  manager?: EntityManager;
}

/**
 * THE place that decides who may touch which case: every service that reads or writes case
 * content calls it first. A case that does not exist and a case the actor is not a member
 * of get the same 404 (so ids reveal nothing); the second is audited as access.refused.
 * A member whose case role is too low for the action gets 403: they may know the case exists.
 */
@Injectable()
export class CaseAccessPolicy {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly references: CaseReferenceResolver,
  ) {}

  /** Access to one case, or the 404/403 described above. */
  async requireCaseAccess(
    actor: Actor,
    caseId: string,
    permission: Permission,
    manager?: EntityManager,
  ): Promise<CaseAccess> {
    const [access] = await this.requireAccess(actor, permission, [caseId], manager);
    return access;
  }

  /**
   * Access to the case holding a record the caller has just found: refused, it answers exactly as
   * a missing record does ("testimony not found", never "case not found"), so that an outsider
   * cannot tell a record of another case from one that does not exist.
   */
  async requireRecordAccess(actor: Actor, { record, what, permission, manager }: RecordAccess): Promise<CaseAccess> {
    try {
      return await this.requireCaseAccess(actor, record.caseId, permission, manager);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NotFound) throw DomainError.notFound(what);
      throw error;
    }
  }

  /**
   * The cases a list may cover: with `caseId` (an id, or a reference such as CASE-2026-0001), that
   * case (or its refusal: an unknown reference is the same 404 as an unknown id); without, every
   * case where the actor's membership allows `permission`. Lists filter by these ids.
   */
  async scopeCaseIds(actor: Actor, permission: Permission, caseId?: string): Promise<string[]> {
    requireRolePermission(actor.role, permission);
    if (caseId) {
      const id = CASE_REFERENCE_PATTERN.test(caseId) ? await this.references.resolve(caseId) : caseId;
      if (!id) throw DomainError.notFound('case');
      return [(await this.requireCaseAccess(actor, id, permission)).caseId];
    }
    const rows = (await this.dataSource.query(
      `SELECT case_id AS "caseId", case_role AS "caseRole" FROM case_members WHERE user_id = $1 AND removed_at IS NULL`,
      [actor.userId],
    )) as Array<{ caseId: string; caseRole: CaseRole }>;
    return rows.filter((row) => caseRoleAllows(row.caseRole, permission)).map((row) => row.caseId);
  }

  /** Access to every case of `caseIds` (duplicates allowed), or the refusal for the first one that fails. */
  async requireAccess(
    actor: Actor,
    permission: Permission,
    caseIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CaseAccess[]> {
    // Decided by the role alone, before any case is looked at, so it reveals nothing.
    requireRolePermission(actor.role, permission);
    const wanted = [...new Set(caseIds)];
    // Not a UUID: cannot exist, and must not reach the uuid cast as a database error.
    if (!wanted.every(isCaseId)) throw DomainError.notFound('case');
    const rows = (await manager.query(
      `SELECT c.id, c.status, m.case_role AS "caseRole"
         FROM cases c
         LEFT JOIN case_members m ON m.case_id = c.id AND m.user_id = $1 AND m.removed_at IS NULL
        WHERE c.id = ANY($2::uuid[])`,
      [actor.userId, wanted],
    )) as Array<{ id: string; status: CaseStatus; caseRole: CaseRole | null }>;
    const byId = new Map(rows.map((row) => [row.id, row]));
    const granted = new Map<string, CaseAccess>();
    for (const caseId of wanted) {
      const row = byId.get(caseId);
      const decision = decideCaseAccess(row, permission);
      if (!decision.granted) {
        if (decision.audit) await this.refused(actor, caseId, permission, decision.audit);
        throw decision.error;
      }
      granted.set(caseId, { caseId, caseRole: decision.caseRole, status: row!.status });
    }
    return caseIds.map((id) => granted.get(id)!);
  }

  /** Recorded in its own transaction: the caller's work is about to fail and roll back. */
  private async refused(actor: Actor, caseId: string, permission: Permission, why: string): Promise<void> {
    await this.audit.recordNow({
      action: AuditAction.AccessRefused,
      subjectType: 'case',
      subjectId: caseId,
      caseId,
      actor: { userId: actor.userId, role: actor.role },
      details: { permission, why },
    });
  }
}
